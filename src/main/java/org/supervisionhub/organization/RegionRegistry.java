package org.supervisionhub.organization;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.PagedQuery;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.common.code.RegionLevel;
import org.supervisionhub.security.Caller;

/**
 * The national region table: reads for every caller (regions are public reference data), and the changes a hub-admin
 * makes (a new code, a rename, an abolition with its successor), audited. Abolished codes stay: departments, subjects
 * and records keep the code they were registered under. Blocking.
 */
@ApplicationScoped
public class RegionRegistry {

    private static final String COLUMNS =
            "code, name, parent_code, level, status, successor_code, abolished_on, source, version";
    private static final String FILTER = """
            where ($1::text is null or parent_code = $1) and ($2::text is null or level = $2)
              and ($3::text is null or status = $3)""";
    private static final String LIST =
            "select " + COLUMNS + " from region " + FILTER + " order by code limit $4 offset $5";
    private static final String COUNT = "select count(*) from region " + FILTER;
    private static final String ONE = "select " + COLUMNS + " from region where code = $1";
    private static final String INSERT = """
            insert into region (code, name, parent_code, level, status, successor_code, abolished_on, source)
            values ($1, $2, $3, $4, $5, $6, $7, 'api') returning %s""".formatted(COLUMNS);
    private static final String UPDATE = """
            update region set name = $2, status = $3, successor_code = $4, abolished_on = $5, version = version + 1,
                              updated_at = now()
            where code = $1 returning %s""".formatted(COLUMNS);

    /** What a write did, and the region as it is now. */
    public record Written(boolean created, RegionView region) {}

    @Inject
    Pool pool;

    @Inject
    BlockingTransactions transactions;

    @Inject
    AuditTrail audit;

    public Page<RegionView> list(String parent, RegionLevel level, RegionStatus status, PageRequest paging) {
        return PagedQuery.fetch(
                        pool,
                        LIST,
                        COUNT,
                        new Object[] {parent, level == null ? null : level.name(), status == null ? null : status.name()
                        },
                        paging,
                        RegionRegistry::view)
                .await()
                .indefinitely();
    }

    public Optional<RegionView> get(String code) {
        RowSet<Row> rows =
                pool.preparedQuery(ONE).execute(Tuple.of(code)).await().indefinitely();
        return rows.size() == 0
                ? Optional.empty()
                : Optional.of(view(rows.iterator().next()));
    }

    /** Creates or changes a region (hub-admin; the resource's roles decide). */
    public Written put(Caller caller, String code, RegionUpdate update, String ifMatch) {
        caller.scope().requireBound();
        if (update.status() == RegionStatus.ACTIVE
                && (update.successorCode() != null || update.abolishedOn() != null)) {
            throw HubException.unprocessable(
                    ErrorCode.REGION_SUCCESSOR_INVALID,
                    "only an abolished region has a successor or an abolition date",
                    new FieldError(
                            update.successorCode() != null ? "successorCode" : "abolishedOn",
                            ErrorCode.REGION_SUCCESSOR_INVALID,
                            "set status ABOLISHED, or leave it out"));
        }
        if (code.equals(update.successorCode())) {
            throw successorInvalid("a region cannot succeed itself");
        }
        return transactions.inTransaction(connection -> {
            Optional<RegionView> stored = locked(connection, code);
            Versions.requireMatch(ifMatch, stored.map(RegionView::version).orElse(null));
            if (update.successorCode() != null) {
                Optional<RegionView> successor = locked(connection, update.successorCode());
                if (successor.isEmpty() || successor.get().status() != RegionStatus.ACTIVE) {
                    throw successorInvalid("successor " + update.successorCode() + " is not an active region");
                }
            }
            Row row;
            if (stored.isEmpty()) {
                String parent = RegionCodes.parent(code);
                if (parent != null && locked(connection, parent).isEmpty()) {
                    throw HubException.unprocessable(
                            ErrorCode.REGION_NOT_FOUND,
                            "the enclosing region " + parent + " is not in the table",
                            new FieldError("code", ErrorCode.REGION_NOT_FOUND, "create " + parent + " first"));
                }
                row = connection
                        .preparedQuery(INSERT)
                        .execute(Tuple.from(new Object[] {
                            code,
                            update.name(),
                            parent,
                            RegionCodes.level(code).name(),
                            update.status().name(),
                            update.successorCode(),
                            update.abolishedOn()
                        }))
                        .await()
                        .indefinitely()
                        .iterator()
                        .next();
            } else {
                row = connection
                        .preparedQuery(UPDATE)
                        .execute(Tuple.of(
                                code,
                                update.name(),
                                update.status().name(),
                                update.successorCode(),
                                update.abolishedOn()))
                        .await()
                        .indefinitely()
                        .iterator()
                        .next();
            }
            RegionView region = view(row);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("name", region.name());
            detail.put("status", region.status().name());
            detail.put("successorCode", region.successorCode());
            detail.put("version", region.version());
            stored.ifPresent(before -> detail.put("before", before.name() + " " + before.status()));
            audit.record(
                    connection, caller, stored.isEmpty() ? "REGION_CREATED" : "REGION_UPDATED", "region", code, detail);
            return new Written(stored.isEmpty(), region);
        });
    }

    private static Optional<RegionView> locked(SqlConnection connection, String code) {
        RowSet<Row> rows = connection
                .preparedQuery(ONE + " for update")
                .execute(Tuple.of(code))
                .await()
                .indefinitely();
        return rows.size() == 0
                ? Optional.empty()
                : Optional.of(view(rows.iterator().next()));
    }

    private static HubException successorInvalid(String detail) {
        return HubException.unprocessable(
                ErrorCode.REGION_SUCCESSOR_INVALID,
                detail,
                new FieldError("successorCode", ErrorCode.REGION_SUCCESSOR_INVALID, detail));
    }

    static RegionView view(Row row) {
        return new RegionView(
                row.getString("code"),
                row.getString("name"),
                row.getString("parent_code"),
                row.getString("level"),
                RegionStatus.valueOf(row.getString("status")),
                row.getString("successor_code"),
                row.getLocalDate("abolished_on"),
                row.getString("source"),
                row.getInteger("version"));
    }
}
