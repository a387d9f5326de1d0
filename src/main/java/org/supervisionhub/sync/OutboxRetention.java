package org.supervisionhub.sync;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Purges delivered outbox events older than the retention, hourly and in slices, so that a million-record upload
 * does not leave a million rows behind for good. Undelivered and dead events are never purged, and the relay's order
 * check looks only at undelivered ones, so a purge cannot let an event overtake another.
 */
@ApplicationScoped
public class OutboxRetention {

    private static final Logger LOG = Logger.getLogger(OutboxRetention.class);
    private static final int SLICE = 10_000;
    private static final String PURGE = """
            with purged as (
                delete from outbox where id in (
                    select id from outbox where status = 'DELIVERED' and delivered_at < now() - $1 * interval '1 second'
                    limit $2)
                returning id),
            positions as (delete from outbox_pull_position where outbox_id in (select id from purged))
            select count(*) from purged""";

    @Inject
    Pool pool;

    @Inject
    SyncConfig config;

    /**
     * Hourly (first run 5 s after start); a purge still running when the next is due is not started twice. A failed
     * purge is logged and counted by the scheduler and {@code Workers}, and tried again an hour later.
     */
    @Scheduled(
            identity = "outbox-retention",
            every = "1h",
            delayed = "5s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeHourly() {
        purge();
    }

    /** Deletes delivered events past the retention; returns how many. Blocking. */
    public long purge() {
        long total = 0;
        long deleted;
        do {
            deleted = pool.preparedQuery(PURGE)
                    .execute(Tuple.of(config.relay().retention().toSeconds(), SLICE))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next()
                    .getLong(0);
            total += deleted;
        } while (deleted == SLICE);
        if (total > 0) {
            LOG.infof(
                    "purged %d delivered outbox events older than %s",
                    total, config.relay().retention());
        }
        return total;
    }
}
