package org.supervisionhub.adapter.staging;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.supervisionhub.adapter.AdapterDescriptor;
import org.supervisionhub.adapter.AdapterService;
import org.supervisionhub.adapter.StagingDescriptors;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.record.MappedRecord;
import org.supervisionhub.record.RecordOutcome;
import org.supervisionhub.record.UploadResult;
import org.supervisionhub.security.Caller;

/**
 * Reads one inbound kind from the system's staging table (前置库) and feeds its rows through the same mapping,
 * validation and idempotent writes as the HTTP inbound ({@link AdapterService#write}), then writes a receipt back to
 * each row.
 *
 * <p>Exactly once: a row is pending while its receipt status column is empty, so a row committed late, whatever its
 * cd_time, is found by the next poll (the read never starts after a position). Before a row is applied, the hub's
 * ledger ({@code staging_row}, keyed by cd_id, cd_batch, cd_operation) is asked: a row already taken is not applied
 * again, only its receipt is written again (a crash after the ledger's commit and before the receipt's). The ledger
 * and the cursor commit together after the hub's write; a crash between the two makes the next poll write the row
 * again, which the hub's idempotent writes turn into "unchanged". A row older than one already applied for the same
 * cd_id (committed late, after a newer change) is not applied: its receipt says SUPERSEDED.
 */
@ApplicationScoped
public class StagingInbound {

    /** The receipt statuses written back. */
    public static final String APPLIED = "APPLIED";

    public static final String REJECTED = "REJECTED";
    public static final String SUPERSEDED = "SUPERSEDED";

    private static final DateTimeFormatter LOCAL_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");
    private static final int ERRORS_LENGTH = 500;

    /** What one poll did. */
    public record Poll(int read, int applied, int rejected, int superseded, int receiptsRewritten, boolean full) {}

    /** One row read: its exchange values (the operation as written, and normalised) and its columns as JSON. */
    private record ExchangeRow(
            String cdId,
            LocalDateTime cdTime,
            String cdBatch,
            String rawOperation,
            String cdOperation,
            ObjectNode columns) {

        String ledgerKey() {
            return StagingCursors.key(nz(cdId), nz(cdBatch), nz(cdOperation));
        }
    }

    /** The outcome written back to a row. */
    private record Receipt(String status, String hubId, String errorCodes) {}

    @Inject
    AdapterService adapters;

    @Inject
    StagingCursors cursors;

    @Inject
    StagingConfig config;

    @Inject
    ObjectMapper mapper;

    /**
     * One poll of the kind: at most the descriptor's batch size of pending rows. The caller holds the route's lease
     * and acts as the system (see {@link StagingPoller#systemCaller}).
     */
    public Poll poll(Caller caller, AdapterDescriptor descriptor, String kind) throws SQLException {
        AdapterDescriptor.StagingDb staging = descriptor.stagingDb();
        AdapterDescriptor.Inbound inbound = descriptor.inbound().get(kind);
        StagingDatabase database = new StagingDatabase(staging, config.timeout());
        int batchSize = StagingDescriptors.batchSize(staging);
        String system = descriptor.system();
        List<ExchangeRow> rows = read(database, staging, inbound.table(), batchSize);
        if (rows.isEmpty()) {
            cursors.record(system, kind, List.of(), null, 0, 0);
            return new Poll(0, 0, 0, 0, 0, false);
        }
        Map<String, StagingCursors.Taken> taken = cursors.taken(
                system,
                kind,
                rows.stream()
                        .map(row -> new String[] {nz(row.cdId()), nz(row.cdBatch()), nz(row.cdOperation())})
                        .toList());
        Map<String, StagingCursors.Taken> latest = cursors.latestApplied(
                system,
                kind,
                rows.stream().map(row -> nz(row.cdId())).distinct().toList());

        Receipt[] receipts = new Receipt[rows.size()];
        List<Integer> toApply = new ArrayList<>();
        List<MappedRecord> mapped = new ArrayList<>();
        int rewritten = 0;
        int superseded = 0;
        for (int i = 0; i < rows.size(); i++) {
            ExchangeRow row = rows.get(i);
            StagingCursors.Taken before = taken.get(row.ledgerKey());
            FieldError exchange = checkExchange(row);
            StagingCursors.Taken newest = exchange == null ? latest.get(row.cdId()) : null;
            if (before != null) {
                receipts[i] = new Receipt(before.status(), before.hubId(), before.errorCodes());
                rewritten++;
            } else if (exchange != null) {
                receipts[i] = new Receipt(REJECTED, null, codes(List.of(exchange)));
            } else if (newest != null && olderThan(row, newest)) {
                receipts[i] = new Receipt(SUPERSEDED, null, null);
                superseded++;
            } else {
                // Later rows of the same cd_id in this batch are newer: rows come ordered by cd_time.
                latest.put(
                        row.cdId(),
                        new StagingCursors.Taken(row.cdId(), row.cdBatch(), null, row.cdTime(), APPLIED, null, null));
                toApply.add(i);
                mapped.add(map(descriptor, inbound, row));
            }
        }
        apply(caller, descriptor, kind, rows, toApply, mapped, receipts);

        int applied = 0;
        int rejected = 0;
        List<StagingCursors.Taken> ledger = new ArrayList<>();
        for (int i = 0; i < rows.size(); i++) {
            ExchangeRow row = rows.get(i);
            if (taken.containsKey(row.ledgerKey())) {
                continue;
            }
            if (APPLIED.equals(receipts[i].status())) {
                applied++;
            } else if (REJECTED.equals(receipts[i].status())) {
                rejected++;
            }
            ledger.add(new StagingCursors.Taken(
                    nz(row.cdId()),
                    nz(row.cdBatch()),
                    nz(row.cdOperation()),
                    row.cdTime(),
                    receipts[i].status(),
                    receipts[i].hubId(),
                    receipts[i].errorCodes()));
        }
        boolean full = rows.size() == batchSize;
        // Rows left behind a full batch are newer than its last row (late commits aside): the lag is at least its age.
        LocalDateTime oldestPending = full ? rows.get(rows.size() - 1).cdTime() : null;
        cursors.record(system, kind, ledger, oldestPending, applied, rejected);
        writeReceipts(database, staging, inbound.table(), rows, receipts);
        return new Poll(rows.size(), applied, rejected, superseded, rewritten, full);
    }

    /** The pending rows: no receipt yet, oldest first. */
    private List<ExchangeRow> read(
            StagingDatabase database, AdapterDescriptor.StagingDb staging, String table, int batchSize)
            throws SQLException {
        AdapterDescriptor.StagingColumns columns = StagingDescriptors.columns(staging);
        Set<String> json = staging.jsonColumns() == null
                ? Set.of()
                : staging.jsonColumns().stream()
                        .map(name -> name.toLowerCase(Locale.ROOT))
                        .collect(Collectors.toSet());
        String sql = "select * from " + table + " where " + staging.receipt().status() + " is null order by "
                + columns.time() + ", " + columns.id() + ", " + columns.batch() + " limit " + batchSize;
        List<ExchangeRow> rows = new ArrayList<>();
        try (Connection connection = database.open();
                PreparedStatement statement = connection.prepareStatement(sql)) {
            connection.setAutoCommit(true);
            statement.setQueryTimeout((int) Math.max(1, config.timeout().toSeconds()));
            try (ResultSet result = statement.executeQuery()) {
                ResultSetMetaData meta = result.getMetaData();
                while (result.next()) {
                    ObjectNode node = mapper.createObjectNode();
                    Map<String, Object> raw = new HashMap<>();
                    for (int i = 1; i <= meta.getColumnCount(); i++) {
                        String name = meta.getColumnLabel(i);
                        Object value = result.getObject(i);
                        raw.put(name.toLowerCase(Locale.ROOT), value);
                        put(node, name, value, json.contains(name.toLowerCase(Locale.ROOT)));
                    }
                    String operation = text(raw.get(columns.operation().toLowerCase(Locale.ROOT)));
                    rows.add(new ExchangeRow(
                            text(raw.get(columns.id().toLowerCase(Locale.ROOT))),
                            time(raw.get(columns.time().toLowerCase(Locale.ROOT))),
                            text(raw.get(columns.batch().toLowerCase(Locale.ROOT))),
                            operation,
                            operation == null ? null : operation.strip().toLowerCase(Locale.ROOT),
                            node));
                }
            }
        }
        return rows;
    }

    private void put(ObjectNode node, String name, Object value, boolean json) {
        if (value == null) {
            node.putNull(name);
        } else if (json) {
            try {
                node.set(name, mapper.readTree(value.toString()));
            } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                node.put(name, value.toString()); // the mapping or the validation reports what it cannot use
            }
        } else if (value instanceof BigDecimal decimal) {
            node.put(name, decimal);
        } else if (value instanceof Integer || value instanceof Long || value instanceof Short) {
            node.put(name, ((Number) value).longValue());
        } else if (value instanceof Double || value instanceof Float) {
            node.put(name, ((Number) value).doubleValue());
        } else if (value instanceof Boolean bool) {
            node.put(name, bool);
        } else if (value instanceof Timestamp || value instanceof LocalDateTime || value instanceof OffsetDateTime) {
            node.put(name, time(value).format(LOCAL_TIME));
        } else if (value instanceof java.sql.Date date) {
            node.put(name, date.toLocalDate().toString());
        } else if (value instanceof LocalDate date) {
            node.put(name, date.toString());
        } else if (value instanceof byte[] bytes) {
            node.put(name, new String(bytes, java.nio.charset.StandardCharsets.UTF_8));
        } else {
            node.put(name, value.toString());
        }
    }

    /** Writes the mapped rows through the adapter's inbound path, in groups where each cd_id appears once. */
    private void apply(
            Caller caller,
            AdapterDescriptor descriptor,
            String kind,
            List<ExchangeRow> rows,
            List<Integer> toApply,
            List<MappedRecord> mapped,
            Receipt[] receipts) {
        int start = 0;
        while (start < toApply.size()) {
            Set<String> ids = new HashSet<>();
            int end = start;
            while (end < toApply.size() && ids.add(rows.get(toApply.get(end)).cdId())) {
                end++;
            }
            UploadResult result = adapters.write(caller, descriptor, kind, mapped.subList(start, end));
            Map<Integer, List<FieldError>> errors = new HashMap<>();
            if (result.issues() != null) {
                for (UploadResult.RecordIssue issue : result.issues()) {
                    if (issue.errors() != null) {
                        errors.put(issue.index(), issue.errors());
                    }
                }
            }
            Map<Integer, UploadResult.RecordResult> outcomes = new HashMap<>();
            if (result.records() != null) {
                result.records().forEach(record -> outcomes.put(record.index(), record));
            }
            for (int i = 0; i < end - start; i++) {
                UploadResult.RecordResult outcome = outcomes.get(i);
                if (outcome != null && outcome.outcome() != RecordOutcome.REJECTED) {
                    String hubId = outcome.id() != null ? outcome.id().toString() : outcome.sourceRecordId();
                    receipts[toApply.get(start + i)] = new Receipt(APPLIED, hubId, null);
                } else {
                    List<FieldError> reasons = errors.getOrDefault(
                            i, List.of(new FieldError("", "UPLOAD_REJECTED", "rejected (see the upload's report)")));
                    receipts[toApply.get(start + i)] = new Receipt(REJECTED, null, codes(reasons));
                }
            }
            start = end;
        }
    }

    /** An i/u row mapped by the kind's rules; a d row becomes the deletion of the record its key maps to. */
    private static MappedRecord map(AdapterDescriptor descriptor, AdapterDescriptor.Inbound inbound, ExchangeRow row) {
        if (!row.cdOperation().equals("d")) {
            return AdapterService.map(descriptor, inbound, row.columns());
        }
        if (inbound.effectiveTarget() != AdapterDescriptor.Target.RECORD) {
            return new MappedRecord(
                    null,
                    new FieldError(
                            "cd_operation",
                            "STAGING_DELETE_UNSUPPORTED",
                            inbound.effectiveTarget() + " items cannot be deleted through a staging table"));
        }
        AdapterDescriptor.Inbound keyOnly = new AdapterDescriptor.Inbound(
                inbound.target(),
                inbound.recordKind(),
                inbound.records(),
                inbound.fields().entrySet().stream()
                        .filter(entry -> entry.getKey().equals("sourceRecordId")
                                || entry.getKey().equals("sourceSystem"))
                        .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)),
                inbound.response(),
                inbound.source(),
                inbound.table(),
                inbound.format());
        MappedRecord key = AdapterService.map(descriptor, keyOnly, row.columns());
        if (key.failure() != null) {
            return key;
        }
        ((ObjectNode) key.canonical()).put("operation", "DELETE");
        return key;
    }

    /** The exchange columns a row needs: a key, a batch and one of i/u/d. */
    private static FieldError checkExchange(ExchangeRow row) {
        if (row.cdId() == null || row.cdId().isBlank()) {
            return new FieldError("cd_id", "STAGING_EXCHANGE_INVALID", "the row has no key (cd_id)");
        }
        if (row.cdBatch() == null || row.cdBatch().isBlank()) {
            return new FieldError("cd_batch", "STAGING_EXCHANGE_INVALID", "the row has no batch (cd_batch)");
        }
        if (row.cdOperation() == null || !Set.of("i", "u", "d").contains(row.cdOperation())) {
            return new FieldError("cd_operation", "STAGING_EXCHANGE_INVALID", "cd_operation is one of i, u, d");
        }
        return null;
    }

    /** Whether the row is older than the newest row applied for its cd_id (by cd_time, then cd_batch). */
    private static boolean olderThan(ExchangeRow row, StagingCursors.Taken newest) {
        if (row.cdTime() != null && newest.cdTime() != null && !row.cdTime().equals(newest.cdTime())) {
            return row.cdTime().isBefore(newest.cdTime());
        }
        return row.cdBatch().compareTo(newest.cdBatch()) < 0;
    }

    /** Writes every row's receipt in one short transaction; a receipt already written is left as it is. */
    private static void writeReceipts(
            StagingDatabase database,
            AdapterDescriptor.StagingDb staging,
            String table,
            List<ExchangeRow> rows,
            Receipt[] receipts)
            throws SQLException {
        AdapterDescriptor.StagingColumns columns = StagingDescriptors.columns(staging);
        AdapterDescriptor.StagingReceipt receipt = staging.receipt();
        List<String> sets = new ArrayList<>();
        sets.add(receipt.status() + " = ?");
        if (receipt.errors() != null) {
            sets.add(receipt.errors() + " = ?");
        }
        if (receipt.hubId() != null) {
            sets.add(receipt.hubId() + " = ?");
        }
        if (receipt.time() != null) {
            sets.add(receipt.time() + " = ?");
        }
        String sql = "update " + table + " set " + String.join(", ", sets) + " where " + database.same(columns.id())
                + " and " + database.same(columns.batch()) + " and " + database.same(columns.operation())
                + " and " + receipt.status() + " is null";
        Timestamp now = Timestamp.valueOf(LocalDateTime.now(WireTime.ZONE));
        try (Connection connection = database.open()) {
            connection.setAutoCommit(false);
            try (PreparedStatement statement = connection.prepareStatement(sql)) {
                for (int i = 0; i < rows.size(); i++) {
                    int p = 1;
                    statement.setString(p++, receipts[i].status());
                    if (receipt.errors() != null) {
                        statement.setString(p++, receipts[i].errorCodes());
                    }
                    if (receipt.hubId() != null) {
                        statement.setString(p++, receipts[i].hubId());
                    }
                    if (receipt.time() != null) {
                        statement.setTimestamp(p++, now);
                    }
                    statement.setString(p++, rows.get(i).cdId());
                    statement.setString(p++, rows.get(i).cdBatch());
                    statement.setString(p, rows.get(i).rawOperation());
                    statement.addBatch();
                }
                statement.executeBatch();
                connection.commit();
            } catch (SQLException | RuntimeException e) {
                connection.rollback();
                throw e;
            }
        }
    }

    /** The receipt's error text: each error as CODE@field, joined by ';', at most 500 characters. */
    static String codes(List<FieldError> errors) {
        String text = errors.stream()
                .map(error -> error.field() == null || error.field().isEmpty()
                        ? error.code()
                        : error.code() + "@" + error.field())
                .distinct()
                .collect(Collectors.joining(";"));
        return text.length() <= ERRORS_LENGTH ? text : text.substring(0, ERRORS_LENGTH);
    }

    private static String text(Object value) {
        return value == null
                ? null
                : value instanceof byte[] bytes
                        ? new String(bytes, java.nio.charset.StandardCharsets.UTF_8)
                        : value.toString();
    }

    private static LocalDateTime time(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toLocalDateTime();
        }
        if (value instanceof LocalDateTime local) {
            return local;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.atZoneSameInstant(WireTime.ZONE).toLocalDateTime();
        }
        try {
            return LocalDateTime.parse(value.toString().strip().replace('T', ' '), LOCAL_TIME);
        } catch (java.time.format.DateTimeParseException e) {
            return null;
        }
    }

    private static String nz(String value) {
        return value == null ? "" : value;
    }
}
