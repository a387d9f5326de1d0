package org.supervisionhub.sync;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.jboss.logging.Logger;

/**
 * Purges processed and superseded inbox messages older than the retention, hourly and in slices (each slice its own
 * short statement, so no long lock). A message's row is what recognises a duplicate or an older revision arriving
 * late, so the highest revision purged of each message is kept in {@code inbox_processed_revision} in the same
 * statement, and the processor consults it too. Received (not yet processed) and failed messages are never purged.
 */
@ApplicationScoped
public class InboxRetention {

    private static final Logger LOG = Logger.getLogger(InboxRetention.class);
    static final int SLICE = 10_000;
    private static final String PURGE = """
            with purged as (
                delete from inbox where id in (
                    select id from inbox where status in ('PROCESSED', 'SUPERSEDED')
                      and processed_at < now() - $1 * interval '1 second'
                    limit $2)
                returning kind, national_id, revision),
            remembered as (
                insert into inbox_processed_revision as r (kind, national_id, revision)
                select kind, national_id, max(revision) from purged group by kind, national_id
                on conflict (kind, national_id) do update set revision = greatest(r.revision, excluded.revision))
            select count(*) from purged""";

    @Inject
    Pool pool;

    @Inject
    SyncConfig config;

    /** Hourly (first run 15 s after start); a purge still running when the next is due is not started twice. */
    @Scheduled(
            identity = "inbox-retention",
            every = "1h",
            delayed = "15s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void purgeHourly() {
        purge();
    }

    /** Deletes finished messages past the retention; returns how many. Blocking. */
    public long purge() {
        long total = 0;
        long deleted;
        do {
            deleted = pool.preparedQuery(PURGE)
                    .execute(Tuple.of(config.inbox().retention().toSeconds(), SLICE))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next()
                    .getLong(0);
            total += deleted;
        } while (deleted == SLICE);
        if (total > 0) {
            LOG.infof(
                    "purged %d processed inbox messages older than %s",
                    total, config.inbox().retention());
        }
        return total;
    }
}
