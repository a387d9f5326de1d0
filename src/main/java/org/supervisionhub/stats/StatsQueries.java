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

    private static final String NO_NESTED_LOOPS = "set local enable_nestloop = off";

    static Uni<RowSet<Row>> run(Pool pool, String sql, Tuple arguments) {
        return pool.withTransaction(connection -> connection
                .query(CUSTOM_PLAN)
                .execute()
                .chain(() -> connection.preparedQuery(sql).execute(arguments)));
    }

    /**
     * The same, for a statement that aggregates over every claimable (department, item) pair of its scope, planned
     * without nested loops. Right after a bulk load (a catalog import, new departments) the statistics still describe
     * the small tables of before, the scope is estimated at one department, and the planner nests loops over what is
     * really hundreds of thousands of pairs: EXPLAIN ANALYZE of the claim figures in the test database after its
     * fixtures (403 departments, 3,268 items, not yet analysed) took 38 s that way, 0.21 s with hash joins, which is
     * also what the planner chooses once the tables are analysed. Hash and merge joins cost what the rows cost, whatever
     * the estimate.
     */
    static Uni<RowSet<Row>> runWithoutNestedLoops(Pool pool, String sql, Tuple arguments) {
        return pool.withTransaction(connection -> connection
                .query(CUSTOM_PLAN)
                .execute()
                .chain(() -> connection.query(NO_NESTED_LOOPS).execute())
                .chain(() -> connection.preparedQuery(sql).execute(arguments)));
    }
}
