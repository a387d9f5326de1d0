package org.supervisionhub.sync;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supervisionhub.common.BlockingTransactions;

/**
 * Pull positions of national events, the cursor systems page through with {@code since=}. An outbox id cannot be that
 * cursor: ids are taken when a row is inserted, so an event whose transaction commits after a later id's would be
 * skipped by a reader that had already moved past it. A position is given to an event only once its transaction and
 * every older one have ended (its {@code xact_id} below the snapshot's xmin: nothing still running can add a row
 * that sorts before it), in (transaction, id) order, from one counter whose row lock serialises the assignment. So a
 * position is never handed out below one a reader could already see, and paging by position skips nothing.
 */
@ApplicationScoped
public class PullPositions {

    /** Events positioned per transaction; a pull positions as many slices as are ready. */
    static final int SLICE = 10_000;

    // Taken first and held to the commit: the next statement's snapshot then sees every earlier assignment.
    private static final String LOCK_COUNTER = "select last_position from outbox_pull_counter for update";
    private static final String ASSIGN = """
            with ready as (
                select id, row_number() over (order by xact_id, id) as n
                from (select id, xact_id from outbox
                      where target = 'national' and pull_position is null
                        and xact_id < pg_snapshot_xmin(pg_current_snapshot())
                      order by xact_id, id limit $2) oldest),
            positioned as (
                update outbox o set pull_position = $1 + ready.n from ready where o.id = ready.id returning 1)
            update outbox_pull_counter set last_position = $1 + (select count(*) from positioned)
            returning last_position - $1 as positioned""";

    @Inject
    BlockingTransactions transactions;

    /** Positions every national event that is ready; returns how many it positioned. Blocking. */
    public long assign() {
        long total = 0;
        long positioned;
        do {
            positioned = transactions.inTransaction(connection -> {
                long last = connection
                        .preparedQuery(LOCK_COUNTER)
                        .execute()
                        .await()
                        .indefinitely()
                        .iterator()
                        .next()
                        .getLong(0);
                Row row = connection
                        .preparedQuery(ASSIGN)
                        .execute(Tuple.of(last, SLICE))
                        .await()
                        .indefinitely()
                        .iterator()
                        .next();
                return row.getLong("positioned");
            });
            total += positioned;
        } while (positioned == SLICE);
        return total;
    }
}
