package org.supervisionhub.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;

/**
 * Runs a statistics statement planned for its arguments. The pool caches prepared statements, and after five runs
 * PostgreSQL may switch a cached statement to a generic plan; for these statements that plan is a trap: the scope
 * condition ({@code $1 is null or region_code like $1 || '%'}) is estimated at one department whatever the
 * arguments, so the province-wide figures ran as nested loops over every claimable item (EXPLAIN ANALYZE on the demo
 * data: 341 ms generic against 55 ms custom for /stats/claims). {@code set local plan_cache_mode} in a transaction of
 * its own makes PostgreSQL plan each run for its arguments, and ends with the transaction.
 */
final class StatsQueries {

    private static final String CUSTOM_PLAN = "set local plan_cache_mode = force_custom_plan";

    private StatsQueries() {}

    static Uni<RowSet<Row>> run(Pool pool, String sql, Tuple arguments) {
        return pool.withTransaction(connection -> connection
                .query(CUSTOM_PLAN)
                .execute()
                .chain(() -> connection.preparedQuery(sql).execute(arguments)));
    }
}
