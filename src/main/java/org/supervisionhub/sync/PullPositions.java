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
 * position is never handed out below one a reader could already see, and paging by position skips nothing. Positions
 * live in {@code outbox_pull_position}, not on the outbox row: one narrow insert instead of a second copy of the row
 * and of its index entries (V27).
 */
@ApplicationScoped
public class PullPositions {

    /** Events positioned per transaction; a pull positions as many slices as are ready. */
    static final int SLICE = 10_000;

    // Taken first and held to the commit: the next statement's snapshot then sees every earlier assignment. With the
    // counter comes the mark (V27): the last event positioned, in (xact_id, id) order. Every event above it waits.
    private static final String LOCK_COUNTER =
            "select last_position, last_xact_id::text, last_outbox_id from outbox_pull_counter for update";
    private static final String ASSIGN = """
            with ready as (
                select id, xact_id, row_number() over (order by xact_id, id) as n
                from (select id, xact_id from outbox
                      where target = 'national' and (xact_id, id) > ($2::text::xid8, $3)
                        and xact_id < pg_snapshot_xmin(pg_current_snapshot())
                      order by xact_id, id limit $4) oldest),
            positioned as (
                insert into outbox_pull_position (pull_position, outbox_id) select $1 + n, id from ready returning 1),
            last as (select n, xact_id, id from ready order by n desc limit 1)
            update outbox_pull_counter set last_position = $1 + (select count(*) from positioned),
                   last_xact_id = coalesce((select xact_id from last), last_xact_id),
                   last_outbox_id = coalesce((select id from last), last_outbox_id)
            returning last_position - $1 as positioned""";

    @Inject
    BlockingTransactions transactions;

    /** Positions every national event that is ready; returns how many it positioned. Blocking. */
    public long assign() {
        long total = 0;
        long positioned;
        do {
            positioned = transactions.inTransaction(connection -> {
                Row counter = connection
                        .preparedQuery(LOCK_COUNTER)
                        .execute()
                        .await()
                        .indefinitely()
                        .iterator()
                        .next();
                Row row = connection
                        .preparedQuery(ASSIGN)
                        .execute(Tuple.of(counter.getLong(0), counter.getString(1), counter.getLong(2), SLICE))
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
