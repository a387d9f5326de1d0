package org.supervisionhub.sync;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;
import org.jboss.logging.Logger;
import org.supervisionhub.common.WireTime;

/**
 * Compares per day and kind what the hub delivered with what the national platform says it received, on demand
 * and every hour for today and yesterday; differences are logged as warnings. A day's counts can differ for a
 * moment around midnight (the hub marks a delivery after the platform received it).
 */
@ApplicationScoped
public class Reconciliation {

    private static final Logger LOG = Logger.getLogger(Reconciliation.class);
    private static final String HUB_COUNTS = """
            select aggregate_type, count(*) as delivered
            from (select aggregate_type, min(delivered_at) as first_delivered
                  from outbox where target = $1 and status = 'DELIVERED'
                  group by aggregate_type, aggregate_id) firsts
            where (first_delivered at time zone 'Asia/Shanghai')::date = $2
            group by aggregate_type""";

    @Inject
    Pool pool;

    @Inject
    NationalClient client;

    @Inject
    SyncConfig config;

    /**
     * Hourly (first run 10 s after start) on replicas that relay to the national platform; a check still running
     * when the next is due is not started twice.
     */
    @Scheduled(
            identity = "sync-reconciliation",
            every = "1h",
            delayed = "10s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void checkHourly() {
        if (config.national().url().isEmpty() || !config.relay().enabled()) {
            return;
        }
        checkRecentDays();
    }

    /** The day's counts side by side. Blocking. */
    public ReconciliationView reconcile(LocalDate day) {
        Map<String, Long> hub = new TreeMap<>();
        for (Row row : pool.preparedQuery(HUB_COUNTS)
                .execute(Tuple.of(OutboxRelay.TARGET, day))
                .await()
                .indefinitely()) {
            hub.put(row.getString("aggregate_type"), row.getLong("delivered"));
        }
        Map<String, Long> national = client.reconciliation(day);
        TreeSet<String> kinds = new TreeSet<>(hub.keySet());
        kinds.addAll(national.keySet());
        List<ReconciliationView.KindCount> counts = new ArrayList<>();
        boolean consistent = true;
        for (String kind : kinds) {
            long ours = hub.getOrDefault(kind, 0L);
            long theirs = national.getOrDefault(kind, 0L);
            consistent &= ours == theirs;
            counts.add(new ReconciliationView.KindCount(kind, ours, theirs, ours - theirs));
        }
        return new ReconciliationView(day, OutboxRelay.TARGET, consistent, counts);
    }

    private void checkRecentDays() {
        LocalDate today = LocalDate.now(WireTime.ZONE);
        for (LocalDate day : List.of(today.minusDays(1), today)) {
            try {
                ReconciliationView view = reconcile(day);
                if (!view.consistent()) {
                    LOG.warnf(
                            "reconciliation with the national platform differs on %s: %s",
                            day,
                            view.kinds().stream()
                                    .filter(count -> count.difference() != 0)
                                    .toList());
                }
            } catch (RuntimeException e) {
                LOG.warnf("reconciliation of %s not possible now: %s", day, e.getMessage());
            }
        }
    }
}
