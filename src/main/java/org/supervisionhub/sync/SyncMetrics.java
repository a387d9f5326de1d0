package org.supervisionhub.sync;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import org.jboss.logging.Logger;

/**
 * Sync figures as metrics: pending, dead and lag per target (refreshed by the relay, at most once a second and at
 * most a twentieth of the time, off its delivery path, so a scrape never queries the database) and counters of delivered and failed events.
 */
@ApplicationScoped
public class SyncMetrics {

    private static final Logger LOG = Logger.getLogger(SyncMetrics.class);

    /**
     * Reads only the undelivered events, through the partial indexes of PENDING/IN_FLIGHT and of DEAD events: the
     * delivered ones (kept for the retention, most of the table) are never scanned.
     */
    static final String FIGURES = """
            select count(*) filter (where status = 'PENDING') as pending,
                   count(*) filter (where status = 'IN_FLIGHT') as in_flight,
                   (select count(*) from outbox d where d.target = $1 and d.status = 'DEAD') as dead,
                   extract(epoch from now() - min(created_at)) as lag_seconds
            from outbox where target = $1 and status in ('PENDING', 'IN_FLIGHT')""";

    @Inject
    MeterRegistry registry;

    private final Map<String, Figures> figures = new ConcurrentHashMap<>();

    private static final class Figures {
        final AtomicLong pending = new AtomicLong();
        final AtomicLong dead = new AtomicLong();
        final AtomicLong lagSeconds = new AtomicLong();
        final AtomicLong nextReadAt = new AtomicLong();
        final AtomicBoolean reading = new AtomicBoolean();
        Counter delivered;
        Counter failed;
    }

    void delivered(String target, int events) {
        figures(target).delivered.increment(events);
    }

    void failed(String target, int events) {
        figures(target).failed.increment(events);
    }

    /** The shortest wait between two reads of a target's figures. */
    static final long MIN_READ_INTERVAL_MILLIS = 1000;

    /**
     * The figures are read at most a twentieth of the time: counting a backlog takes time in proportion to it (0.6 s per read at
     * 380,000 undelivered events, bench/records/run.sh with the national platform away), and read every second it took
     * more than half a core from the uploads that made the backlog.
     */
    static final int READ_SHARE_DIVISOR = 20;

    /** The wait before the next read of the figures, after a read that took {@code readMillis}. */
    static long nextReadAfter(long readMillis) {
        return Math.max(MIN_READ_INTERVAL_MILLIS, READ_SHARE_DIVISOR * readMillis);
    }

    /**
     * Re-reads the target's figures when the wait after the last read is over ({@link #nextReadAfter}), without
     * waiting for the answer: the query counts the undelivered outbox, and the relay thread asking goes on delivering
     * meanwhile. Of the threads asking at once, one reads; a read still going is not started again.
     */
    void refresh(Pool pool, String target) {
        Figures current = figures(target);
        long started = System.currentTimeMillis();
        if (started < current.nextReadAt.get() || !current.reading.compareAndSet(false, true)) {
            return;
        }
        pool.preparedQuery(FIGURES)
                .execute(Tuple.of(target))
                .subscribe()
                .with(
                        rows -> {
                            long now = System.currentTimeMillis();
                            current.nextReadAt.set(now + nextReadAfter(now - started));
                            current.reading.set(false);
                            Row row = rows.iterator().next();
                            current.pending.set(row.getLong("pending") + row.getLong("in_flight"));
                            current.dead.set(row.getLong("dead"));
                            Number lag = row.getNumeric("lag_seconds");
                            current.lagSeconds.set(lag == null ? 0 : lag.longValue());
                        },
                        failure -> {
                            current.nextReadAt.set(System.currentTimeMillis() + MIN_READ_INTERVAL_MILLIS);
                            current.reading.set(false);
                            LOG.debugf(failure, "sync figures of %s not refreshed", target);
                        });
    }

    private Figures figures(String target) {
        return figures.computeIfAbsent(target, name -> {
            Figures created = new Figures();
            Gauge.builder("hub.sync.pending", created.pending, AtomicLong::get)
                    .tag("target", name)
                    .description("Outbox events not yet delivered")
                    .register(registry);
            Gauge.builder("hub.sync.dead", created.dead, AtomicLong::get)
                    .tag("target", name)
                    .description("Outbox events given up on (dead letters)")
                    .register(registry);
            Gauge.builder("hub.sync.lag.seconds", created.lagSeconds, AtomicLong::get)
                    .tag("target", name)
                    .description("Age of the oldest undelivered event")
                    .register(registry);
            created.delivered = Counter.builder("hub.sync.delivered")
                    .tag("target", name)
                    .description("Outbox events delivered")
                    .register(registry);
            created.failed = Counter.builder("hub.sync.failed")
                    .tag("target", name)
                    .description("Outbox event deliveries that failed")
                    .register(registry);
            return created;
        });
    }
}
