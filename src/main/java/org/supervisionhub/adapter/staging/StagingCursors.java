package org.supervisionhub.adapter.staging;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.supervisionhub.common.BlockingTransactions;

/**
 * The hub's side of the staging routes (V14): the lease that lets one replica poll a route at a time, the cursor and
 * figures of each route ({@code staging_cursor}), and the ledger of exchange rows taken ({@code staging_row}).
 * Every statement is short and runs on the hub's pool; none is open while a staging database is read.
 */
@ApplicationScoped
public class StagingCursors {

    private static final String ACQUIRE = """
            insert into staging_cursor (system, route, lease_owner, lease_until)
            values ($1, $2, $3, now() + make_interval(secs => $4))
            on conflict (system, route) do update
                set lease_owner = excluded.lease_owner, lease_until = excluded.lease_until
                where staging_cursor.lease_until is null or staging_cursor.lease_until < now()
                   or staging_cursor.lease_owner = excluded.lease_owner
            returning last_position""";
    private static final String RELEASE =
            "update staging_cursor set lease_owner = null, lease_until = null where system = $1 and route = $2 "
                    + "and lease_owner = $3";
    private static final String TAKEN = """
            select s.cd_id, s.cd_batch, s.cd_operation, s.status, s.hub_id, s.error_codes
            from staging_row s join unnest($3::text[], $4::text[], $5::text[]) as t(cd_id, cd_batch, cd_operation)
              on s.cd_id = t.cd_id and s.cd_batch = t.cd_batch and s.cd_operation = t.cd_operation
            where s.system = $1 and s.kind = $2""";
    private static final String LATEST = """
            select distinct on (cd_id) cd_id, cd_time, cd_batch from staging_row
            where system = $1 and kind = $2 and cd_id = any($3) and status = 'APPLIED'
            order by cd_id, cd_time desc nulls last, cd_batch desc""";
    private static final String LEDGER = """
            insert into staging_row (system, kind, cd_id, cd_batch, cd_operation, cd_time, status, hub_id, error_codes)
            select $1, $2, t.* from unnest($3::text[], $4::text[], $5::text[], $6::timestamp[], $7::text[], $8::text[],
                $9::text[]) as t
            on conflict do nothing""";
    private static final String ADVANCE = """
            update staging_cursor set
                last_cd_time = coalesce($3, last_cd_time), last_cd_id = coalesce($4, last_cd_id),
                oldest_pending = $5, rows_applied = rows_applied + $6, rows_rejected = rows_rejected + $7,
                polled_at = now(), last_error = null, failing_since = null
            where system = $1 and route = $2""";
    private static final String ADVANCE_POSITION = """
            update staging_cursor set last_position = greatest(last_position, $3), rows_applied = rows_applied + $4,
                rows_rejected = rows_rejected + $5, polled_at = now(), last_error = $6,
                failing_since = case when $6::text is null then null else coalesce(failing_since, now()) end
            where system = $1 and route = $2""";
    private static final String FAILED = """
            update staging_cursor set last_error = left($3, 1000), failing_since = coalesce(failing_since, now()),
                polled_at = now()
            where system = $1 and route = $2""";
    private static final String FIGURES = "select * from staging_cursor where system = $1 order by route";

    /** One exchange row the hub has taken, and what became of it. */
    record Taken(
            String cdId,
            String cdBatch,
            String cdOperation,
            LocalDateTime cdTime,
            String status,
            String hubId,
            String errorCodes) {}

    @Inject
    Pool pool;

    @Inject
    BlockingTransactions transactions;

    /**
     * Claims the route for this replica until the lease ends; the route's outbound position when claimed, or null when
     * another replica holds it.
     */
    Long acquire(String system, String route, String owner, Duration lease) {
        for (Row row : pool.preparedQuery(ACQUIRE)
                .execute(Tuple.of(system, route, owner, (double) lease.toMillis() / 1000))
                .await()
                .indefinitely()) {
            return row.getLong("last_position");
        }
        return null;
    }

    void release(String system, String route, String owner) {
        pool.preparedQuery(RELEASE)
                .execute(Tuple.of(system, route, owner))
                .await()
                .indefinitely();
    }

    /** The ledger entries of these exchange rows (by cd_id, cd_batch, cd_operation). */
    Map<String, Taken> taken(String system, String kind, List<String[]> keys) {
        Map<String, Taken> found = new HashMap<>();
        if (keys.isEmpty()) {
            return found;
        }
        for (Row row : pool.preparedQuery(TAKEN)
                .execute(Tuple.of(
                        system,
                        kind,
                        keys.stream().map(key -> key[0]).toArray(String[]::new),
                        keys.stream().map(key -> key[1]).toArray(String[]::new),
                        keys.stream().map(key -> key[2]).toArray(String[]::new)))
                .await()
                .indefinitely()) {
            Taken taken = new Taken(
                    row.getString("cd_id"),
                    row.getString("cd_batch"),
                    row.getString("cd_operation"),
                    null,
                    row.getString("status"),
                    row.getString("hub_id"),
                    row.getString("error_codes"));
            found.put(key(taken.cdId(), taken.cdBatch(), taken.cdOperation()), taken);
        }
        return found;
    }

    /** Per cd_id, the (cd_time, cd_batch) of the newest row applied. */
    Map<String, Taken> latestApplied(String system, String kind, List<String> ids) {
        Map<String, Taken> found = new HashMap<>();
        if (ids.isEmpty()) {
            return found;
        }
        for (Row row : pool.preparedQuery(LATEST)
                .execute(Tuple.of(system, kind, ids.toArray(String[]::new)))
                .await()
                .indefinitely()) {
            found.put(
                    row.getString("cd_id"),
                    new Taken(
                            row.getString("cd_id"),
                            row.getString("cd_batch"),
                            null,
                            row.getLocalDateTime("cd_time"),
                            "APPLIED",
                            null,
                            null));
        }
        return found;
    }

    /**
     * Records the rows taken and moves the cursor past them, in one transaction: a row in the ledger is never applied
     * again, only its receipt written again.
     */
    void record(
            String system, String kind, List<Taken> rows, LocalDateTime oldestPending, long applied, long rejected) {
        Taken last = rows.isEmpty() ? null : rows.get(rows.size() - 1);
        List<Taken> newRows = new ArrayList<>(rows);
        transactions.inTransaction(connection -> {
            insertLedger(connection, system, kind, newRows);
            connection
                    .preparedQuery(ADVANCE)
                    .execute(Tuple.from(java.util.Arrays.asList(
                            system,
                            "in:" + kind,
                            last == null ? null : last.cdTime(),
                            last == null ? null : last.cdId(),
                            oldestPending,
                            applied,
                            rejected)))
                    .await()
                    .indefinitely();
            return null;
        });
    }

    private static void insertLedger(SqlConnection connection, String system, String kind, List<Taken> rows) {
        if (rows.isEmpty()) {
            return;
        }
        connection
                .preparedQuery(LEDGER)
                .execute(Tuple.tuple()
                        .addValue(system)
                        .addValue(kind)
                        .addValue(rows.stream().map(Taken::cdId).toArray(String[]::new))
                        .addValue(rows.stream().map(Taken::cdBatch).toArray(String[]::new))
                        .addValue(rows.stream().map(Taken::cdOperation).toArray(String[]::new))
                        .addValue(rows.stream().map(Taken::cdTime).toArray(LocalDateTime[]::new))
                        .addValue(rows.stream().map(Taken::status).toArray(String[]::new))
                        .addValue(rows.stream().map(Taken::hubId).toArray(String[]::new))
                        .addValue(rows.stream().map(Taken::errorCodes).toArray(String[]::new)))
                .await()
                .indefinitely();
    }

    /** Moves an outbound route's position past the changes written into the staging table. */
    void advance(String system, String route, long position, long written, long failed, String error) {
        pool.preparedQuery(ADVANCE_POSITION)
                .execute(Tuple.from(java.util.Arrays.asList(system, route, position, written, failed, error)))
                .await()
                .indefinitely();
    }

    /** Reports a failed poll in the route's status. */
    void failed(String system, String route, String error) {
        pool.preparedQuery(FAILED)
                .execute(Tuple.of(system, route, error))
                .await()
                .indefinitely();
    }

    /** Every route's row of a system. */
    List<Row> figures(String system) {
        List<Row> rows = new ArrayList<>();
        pool.preparedQuery(FIGURES)
                .execute(Tuple.of(system))
                .await()
                .indefinitely()
                .forEach(rows::add);
        return rows;
    }

    static String key(String cdId, String cdBatch, String cdOperation) {
        return cdId + "\u0000" + cdBatch + "\u0000" + cdOperation;
    }
}
