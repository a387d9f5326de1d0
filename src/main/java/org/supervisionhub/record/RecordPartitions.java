package org.supervisionhub.record;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Keeps the months ahead partitioned: behaviour records live in one partition per month of the act (V25), and a
 * record whose month had no partition could not be stored. Acts never lie in the future, so partitions for this month
 * and the next {@value #MONTHS_AHEAD} are all any upload can need; they are ensured at start and every six hours, so
 * a hub down over a month's turn still has months in hand.
 */
@ApplicationScoped
public class RecordPartitions {

    private static final Logger LOG = Logger.getLogger(RecordPartitions.class);

    static final int MONTHS_AHEAD = 3;

    // Creating a partition locks the whole table for an instant; waiting behind a long reader would queue every
    // upload behind it, so it gives up after a few seconds and tries again at the next run, months before it matters.
    private static final String LOCK_TIMEOUT = "set local lock_timeout = '3s'";
    private static final String ENSURE = """
            select behaviour_record_ensure_months(current_date, (current_date + make_interval(months => $1))::date)
                as created""";

    @Inject
    Pool pool;

    @Scheduled(identity = "record-partitions", every = "6h", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void ensureOnSchedule() {
        try {
            int created = ensureMonthsAhead();
            if (created > 0) {
                LOG.infof("created %d monthly partitions of behaviour records", created);
            }
        } catch (RuntimeException e) {
            LOG.warnf(
                    "could not prepare the coming months' record partitions, trying again in 6 h: %s", e.getMessage());
        }
    }

    /** Creates the missing partitions of this month and the next {@value #MONTHS_AHEAD}; returns how many. Blocking. */
    public int ensureMonthsAhead() {
        return pool.withTransaction(connection -> connection
                        .query(LOCK_TIMEOUT)
                        .execute()
                        .chain(() -> connection.preparedQuery(ENSURE).execute(Tuple.of(MONTHS_AHEAD)))
                        .map(rows -> rows.iterator().next().getInteger("created")))
                .await()
                .indefinitely();
    }
}
