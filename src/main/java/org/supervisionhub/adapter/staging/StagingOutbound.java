package org.supervisionhub.adapter.staging;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.supervisionhub.adapter.AdapterDescriptor;
import org.supervisionhub.adapter.AdapterService;
import org.supervisionhub.adapter.ChangesView;
import org.supervisionhub.adapter.StagingDescriptors;
import org.supervisionhub.common.WireTime;

/**
 * 回流 into the system's own staging tables: the hub events it subscribes to, mapped by its outbound rules (the same
 * as {@code GET .../changes} gives them), inserted as rows with the exchange columns: {@code cd_id} the aggregate id,
 * {@code cd_operation} i/u/d from the event type, {@code cd_time} now, {@code cd_batch} today's date followed by the
 * event's pull position (at least five digits). Exactly once: a row whose cd_id and batch sequence are already in the
 * table is not inserted again, so a crash between the staging commit and the hub's cursor only repeats a no-op.
 */
@ApplicationScoped
public class StagingOutbound {

    public static final String ROUTE = "out";

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    /** What one round wrote. */
    public record Push(int written, int skipped, int failed, long position, boolean full) {}

    @Inject
    AdapterService adapters;

    @Inject
    StagingConfig config;

    @Inject
    ObjectMapper mapper;

    /** Writes the changes after {@code since} into their tables; the caller holds the route's lease. */
    public Push push(AdapterDescriptor descriptor, long since) throws SQLException {
        AdapterDescriptor.StagingDb staging = descriptor.stagingDb();
        int batchSize = StagingDescriptors.batchSize(staging);
        ChangesView changes = adapters.changes(descriptor, descriptor.ownerDepartment(), since, batchSize);
        Map<String, String> tables = descriptor.outbound().stagingTables();
        StagingDatabase database = new StagingDatabase(staging, config.timeout());
        AdapterDescriptor.StagingColumns columns = StagingDescriptors.columns(staging);
        int written = 0;
        int skipped = 0;
        int failed = 0;
        List<ChangesView.Change> items = new ArrayList<>();
        for (ChangesView.Change change : changes.items()) {
            if (!tables.containsKey(change.event())) {
                skipped++;
            } else if (change.data() == null) {
                failed++; // a change the outbound rules cannot map: counted and reported, never blocking the rest
            } else {
                items.add(change);
            }
        }
        if (!items.isEmpty()) {
            String day = LocalDate.now(WireTime.ZONE).format(DAY);
            Timestamp now = Timestamp.valueOf(LocalDateTime.now(WireTime.ZONE));
            try (Connection connection = database.open()) {
                connection.setAutoCommit(false);
                try {
                    for (ChangesView.Change change : items) {
                        written += insert(connection, database, columns, tables.get(change.event()), change, day, now);
                    }
                    connection.commit();
                } catch (SQLException | RuntimeException e) {
                    connection.rollback();
                    throw e;
                }
            }
        }
        return new Push(
                written, skipped, failed, changes.nextCursor(), changes.items().size() == batchSize);
    }

    private int insert(
            Connection connection,
            StagingDatabase database,
            AdapterDescriptor.StagingColumns columns,
            String table,
            ChangesView.Change change,
            String day,
            Timestamp now)
            throws SQLException {
        String sequence = String.format("%05d", change.cursor());
        List<String> names = new ArrayList<>(change.data().keySet());
        List<String> all = new ArrayList<>(names);
        all.addAll(List.of(columns.id(), columns.time(), columns.batch(), columns.operation()));
        String sql = "insert into " + table + " (" + String.join(", ", all) + ") "
                + database.selectWhere(
                        String.join(", ", java.util.Collections.nCopies(all.size(), "?")),
                        "not exists (select 1 from " + table + " where " + columns.id() + " = ? and substr("
                                + columns.batch() + ", 9) = ?)");
        try (PreparedStatement statement = connection.prepareStatement(sql)) {
            int p = 1;
            for (String name : names) {
                Object value = change.data().get(name);
                if (value instanceof Map || value instanceof List) {
                    statement.setString(p++, mapper.valueToTree(value).toString());
                } else if (value == null) {
                    statement.setNull(p++, java.sql.Types.VARCHAR);
                } else if (value instanceof Number || value instanceof Boolean) {
                    statement.setObject(p++, value);
                } else {
                    statement.setString(p++, value.toString());
                }
            }
            statement.setString(p++, change.aggregateId());
            statement.setTimestamp(p++, now);
            statement.setString(p++, day + sequence);
            statement.setString(p++, operation(change.eventType()));
            statement.setString(p++, change.aggregateId());
            statement.setString(p, sequence);
            return statement.executeUpdate();
        }
    }

    /** i for a created aggregate, d for a deleted one, u otherwise. */
    static String operation(String eventType) {
        if (eventType != null && eventType.endsWith("deleted")) {
            return "d";
        }
        return eventType != null && eventType.endsWith("created") ? "i" : "u";
    }
}
