package org.supervisionhub.sync;

import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.smallrye.faulttolerance.api.CircuitBreakerMaintenance;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.pgclient.pubsub.PgSubscriber;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.DatabaseHosts;
import org.supervisionhub.common.Workers;

/**
 * Delivers the outbox to its targets (the national platform, docked systems that subscribe to events) in batches,
 * with {@code hub.sync.relay.concurrency} relay threads per target, each with a batch of its own in flight, so the
 * target's latency overlaps instead of adding up. Several threads and replicas may relay at once: a batch is claimed
 * with {@code FOR UPDATE SKIP LOCKED} and held by a lease in the thread's name, so each event is in one thread's hands
 * at a time, and an event whose thread or replica died is taken over when its lease expires. An event is eligible
 * only when every older event of its aggregate has been delivered (not merely claimed by another thread), so a
 * record's update never overtakes its insert, however many batches are in flight. Every event carries
 * its idempotency key: the target recognises a re-delivery after a lost answer. Failures back off exponentially
 * with jitter, a 429 holds every thread of the target as long as the target asked, a target's rate limit holds for
 * all its threads together ({@link TargetPace}), and after the last attempt an event becomes a dead letter.
 * {@code LISTEN hub_outbox} wakes the relay as soon as events are committed; polling is the fallback. Marking events
 * delivered and telling the {@link DeliveryListener}s of their aggregate types is one transaction.
 *
 * <p>The threads are {@link Workers} (blocking), not a non-blocking pipeline: a delivery is a synchronous HTTP call
 * under a SmallRye circuit breaker, and the listeners write on the transaction's connection from blocking code. A
 * few threads mostly waiting on the target cost little, and each keeps the simple claim, deliver, mark sequence
 * whose guarantees the rest of this class relies on.
 */
@ApplicationScoped
public class OutboxRelay {

    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);
    static final String TARGET = Outbox.NATIONAL;

    /*
     * Walks outbox_due_idx (target, next_attempt_at) in its own order and stops at the batch's size: no plan sorts
     * the backlog, however large it is and whatever the statistics say. Ordering by id instead made the planner, with
     * statistics taken before a backlog fell due (they said "nothing due"), read every due event, probe its aggregate
     * and sort them all per claim: 17 s per claim at 670,000 events waiting, on every relay thread, while the
     * national platform was slow or down. A claimed event's next attempt is its lease's end, so events in flight
     * stay out of the scan's way until their lease has expired, and oldest due comes first (a new event is due at
     * its commit, so that is the order events were written in).
     */
    static final String CLAIM = """
            with candidates as (
                select o.id from outbox o
                where o.target = $1 and o.next_attempt_at <= now()
                  and (o.status = 'PENDING' or (o.status = 'IN_FLIGHT' and o.lease_until < now()))
                  and not exists (select 1 from outbox p
                                  where p.aggregate_type = o.aggregate_type and p.aggregate_id = o.aggregate_id
                                    and p.id < o.id and p.target = o.target and p.status <> 'DELIVERED')
                order by o.next_attempt_at limit $2
                for update of o skip locked)
            update outbox o set status = 'IN_FLIGHT', lease_owner = $3, lease_until = now() + $4 * interval '1 millisecond',
                                next_attempt_at = now() + $4 * interval '1 millisecond', attempts = o.attempts + 1
            from candidates c where o.id = c.id
            returning o.id, o.aggregate_type, o.aggregate_id, o.event_type, o.payload::text as payload,
                      o.idempotency_key""";
    private static final String DELIVERED = """
            update outbox set status = 'DELIVERED', delivered_at = now(), lease_owner = null, lease_until = null,
                              last_error = null
            where id = any($1) and lease_owner = $2
            returning id, aggregate_type, aggregate_id, event_type""";
    private static final String RESCHEDULE = """
            update outbox set status = 'PENDING', attempts = attempts - 1, lease_owner = null, lease_until = null,
                              next_attempt_at = now() + $2 * interval '1 millisecond', last_error = $3
            where id = any($1) and lease_owner = $4""";
    private static final String FAILED = """
            update outbox set status = case when attempts >= $2 then 'DEAD' else 'PENDING' end,
                              lease_owner = null, lease_until = null, last_error = $3,
                              next_attempt_at = now() + least($5::float8, $4::float8 * power(2, least(attempts - 1, 30)))
                                                        * (0.5 + random()) * interval '1 millisecond'
            where id = any($1) and lease_owner = $6
            returning status""";
    private static final String SUCCEEDED = """
            insert into sync_target_state as s (target, last_success_at, consecutive_failures, updated_at)
            values ($1, now(), 0, now())
            on conflict (target) do update set last_success_at = now(), failing_since = null, consecutive_failures = 0,
                                               last_error = null, updated_at = now()""";
    private static final String FAILING = """
            insert into sync_target_state as s (target, failing_since, consecutive_failures, last_error, updated_at)
            values ($1, now(), 1, $2, now())
            on conflict (target) do update set failing_since = coalesce(s.failing_since, now()),
                                               consecutive_failures = s.consecutive_failures + 1, last_error = $2,
                                               updated_at = now()""";

    private static final Duration LISTEN_RETRY = Duration.ofSeconds(2);

    private final String instanceId = "relay-" + UUID.randomUUID();
    private final Map<String, List<Workers.Worker>> relays = new ConcurrentHashMap<>();

    /** A target and what its relay threads share. */
    private static final class Lane {
        final DeliveryTarget target;
        final TargetPace pace;
        /** When this replica last wrote the target's success, and whether it wrote a failure since. */
        final AtomicLong successWrittenAt = new AtomicLong();

        volatile boolean failureWritten = true;

        Lane(DeliveryTarget target) {
            this.target = target;
            this.pace = new TargetPace(target.ratePerSecond());
        }
    }

    private volatile List<DeliveryTarget> targets = List.of();

    @Inject
    Pool pool;

    @Inject
    Vertx vertx;

    @Inject
    SyncConfig config;

    @Inject
    Instance<DeliveryTargets> contributions;

    @Inject
    SyncMetrics metrics;

    @Inject
    CircuitBreakerMaintenance breakers;

    @Inject
    BlockingTransactions transactions;

    @Inject
    @Any
    Instance<DeliveryListener> listeners;

    @Inject
    Workers workers;

    @Inject
    DatabaseHosts databases;

    private volatile boolean running;
    private volatile PgSubscriber subscriber;
    private final AtomicInteger listening = new AtomicInteger();

    void start(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("the outbox relay is off on this replica (hub.sync.relay.enabled=false)");
            return;
        }
        List<DeliveryTarget> found = new ArrayList<>();
        contributions.forEach(contribution -> found.addAll(contribution.targets()));
        targets = List.copyOf(found);
        if (targets.isEmpty()) {
            LOG.info("the outbox relay has no target (no hub.sync.national.url, no adapter pushing)");
            return;
        }
        running = true;
        listen();
        Duration onFailure = config.relay().pollInterval();
        int concurrency = Math.max(1, config.relay().concurrency());
        for (DeliveryTarget target : targets) {
            Lane lane = new Lane(target);
            List<Workers.Worker> threads = new ArrayList<>(concurrency);
            for (int i = 0; i < concurrency; i++) {
                // Each thread leases in its own name, so a thread's late mark never lands on a batch another thread
                // took over. The delivery in progress finishes on shutdown, or its lease expires and is taken over.
                String owner = instanceId + "-" + i;
                threads.add(workers.start(
                        "outbox-relay-" + target.name() + "-" + i,
                        () -> round(lane, owner),
                        onFailure,
                        Duration.ofSeconds(15)));
            }
            relays.put(target.name(), List.copyOf(threads));
        }
        LOG.infof(
                "outbox relay delivering to %s, %d batches in flight per target",
                targets.stream().map(DeliveryTarget::name).toList(), concurrency);
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        relays.values().forEach(threads -> threads.forEach(Workers.Worker::stop));
        if (subscriber != null) {
            subscriber.closeAndAwait();
        }
    }

    /** Whether this replica relays to the target. */
    public boolean isRunning(String target) {
        return running && relays.containsKey(target);
    }

    /** The targets this replica relays to. */
    public List<String> targetNames() {
        return targets.stream().map(DeliveryTarget::name).toList();
    }

    /** A target's circuit breaker as this replica sees it (CLOSED, OPEN or HALF_OPEN); null without one. */
    public String breakerState(String target) {
        String name = target.equals(TARGET)
                ? NationalClient.BREAKER
                : targets.stream()
                        .filter(candidate -> candidate.name().equals(target))
                        .map(DeliveryTarget::breakerName)
                        .filter(java.util.Objects::nonNull)
                        .findFirst()
                        .orElse(null);
        if (name == null) {
            return null;
        }
        try {
            return breakers.currentState(name).name();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** Looks for due events now, for every target. */
    public void wake() {
        relays.values().forEach(threads -> threads.forEach(Workers.Worker::wake));
    }

    /**
     * {@code LISTEN hub_outbox} on the server that takes writes (notifications come from the primary only). When the
     * session is lost (a failover), it listens again, on whichever server takes writes then.
     */
    private void listen() {
        if (!running) {
            return;
        }
        int attempt = listening.incrementAndGet();
        databases.next().onComplete(found -> {
            if (found.failed()) {
                LOG.debugf("LISTEN hub_outbox waits for a database that takes writes: %s", found.cause());
                listenLater(attempt);
                return;
            }
            PgSubscriber next = PgSubscriber.subscriber(vertx, found.result());
            next.channel("hub_outbox").handler(payload -> wake());
            next.closeHandler(() -> {
                if (running) {
                    LOG.info("LISTEN hub_outbox lost its session; listening again (the relay polls meanwhile)");
                    listenLater(attempt);
                }
            });
            subscriber = next;
            String where = DatabaseHosts.address(found.result());
            next.connect().subscribe().with(ignored -> listened(attempt, where), failure -> {
                LOG.warn("LISTEN hub_outbox failed; the relay polls meanwhile", failure);
                listenLater(attempt);
            });
        });
    }

    private static void listened(int attempt, String where) {
        if (attempt > 1) {
            LOG.infof("listening on hub_outbox again, on %s", where);
        } else {
            LOG.debugf("listening on hub_outbox on %s", where);
        }
    }

    /** Listens again after a pause, once per failed attempt (a failure and a close of one attempt count once). */
    private void listenLater(int attempt) {
        if (running && listening.get() == attempt) {
            vertx.setTimer(LISTEN_RETRY.toMillis(), id -> {
                if (listening.get() == attempt) {
                    listen();
                }
            });
        }
    }

    /**
     * One round of a target's relay thread: a batch, the sync figures (read in the background at most once a second
     * per target, by whichever thread comes first), then the pause the batch asked for.
     */
    private Duration round(Lane lane, String owner) {
        long pause;
        try {
            pause = relayOnce(lane, owner);
        } catch (RuntimeException e) {
            LOG.warnf(e, "outbox relay round to %s failed; retrying", lane.target.name());
            pause = config.relay().pollInterval().toMillis();
        }
        try {
            metrics.refresh(pool, lane.target.name());
        } catch (RuntimeException e) {
            LOG.debug("sync figures not refreshed", e);
        }
        return Duration.ofMillis(pause);
    }

    /** Delivers one batch; returns how long to wait before the next round (0: go on at once). */
    private long relayOnce(Lane lane, String owner) {
        DeliveryTarget target = lane.target;
        String name = target.name();
        int batchSize = Math.min(config.relay().batchSize(), target.batchSize());
        long now = System.currentTimeMillis();
        long wait = lane.pace.delay(now);
        if (wait > 0) {
            return wait;
        }
        long reservation = lane.pace.reserve(now, batchSize);
        if (reservation < 0) {
            // Another thread took the target's next slot: wait for the end of its reservation.
            return Math.max(1, lane.pace.delay(System.currentTimeMillis()));
        }
        RowSet<Row> claimed;
        try {
            claimed = pool.preparedQuery(CLAIM)
                    .execute(Tuple.of(
                            name, batchSize, owner, config.relay().lease().toMillis()))
                    .await()
                    .indefinitely();
        } catch (RuntimeException e) {
            lane.pace.refund(reservation, batchSize);
            throw e;
        }
        lane.pace.refund(reservation, batchSize - claimed.size());
        if (claimed.size() == 0) {
            return config.relay().pollInterval().toMillis();
        }
        List<OutboxEvent> events = new ArrayList<>(claimed.size());
        for (Row row : claimed) {
            events.add(new OutboxEvent(
                    row.getLong("id"),
                    row.getString("aggregate_type"),
                    row.getString("aggregate_id"),
                    row.getString("event_type"),
                    row.getString("payload"),
                    row.getUUID("idempotency_key")));
        }
        // Claimed rows come back in no particular order; the target gets them oldest first.
        events.sort(java.util.Comparator.comparingLong(OutboxEvent::id));
        List<Long> ids = events.stream().map(OutboxEvent::id).toList();
        Long[] idArray = ids.toArray(Long[]::new);
        DeliveryResult result;
        try {
            result = target.deliver(events);
        } catch (CircuitBreakerOpenException e) {
            reschedule(idArray, owner, Duration.ofSeconds(2), "circuit breaker open");
            lane.pace.hold(System.currentTimeMillis(), 1000);
            return 1000;
        } catch (RuntimeException e) {
            result = DeliveryResult.failed(String.valueOf(e.getMessage()));
        }
        switch (result.outcome()) {
            case DELIVERED -> {
                delivered(name, owner, events, idArray);
                succeeded(lane);
                metrics.delivered(name, ids.size());
                // A target with a rate limit: the next thread's reservation waits as long as its rate asks.
                return 0;
            }
            case THROTTLED -> {
                Duration throttled = result.retryAfter().orElse(Duration.ofSeconds(30));
                reschedule(idArray, owner, throttled, result.detail());
                lane.pace.hold(System.currentTimeMillis(), throttled.toMillis());
                failing(lane, result.detail());
                return throttled.toMillis();
            }
            default -> {
                RowSet<Row> rows = pool.preparedQuery(FAILED)
                        .execute(Tuple.from(new Object[] {
                            idArray,
                            config.relay().maxAttempts(),
                            result.detail(),
                            (double) config.relay().backoffBase().toMillis(),
                            (double) config.relay().backoffMax().toMillis(),
                            owner
                        }))
                        .await()
                        .indefinitely();
                int dead = 0;
                for (Row row : rows) {
                    if ("DEAD".equals(row.getString("status"))) {
                        dead++;
                    }
                }
                if (dead > 0) {
                    LOG.errorf("%d outbox events to %s became dead letters: %s", dead, name, result.detail());
                }
                failing(lane, result.detail());
                metrics.failed(name, ids.size());
                return Math.min(
                        config.relay().backoffBase().toMillis(),
                        config.relay().pollInterval().toMillis());
            }
        }
    }

    /**
     * Marks the events delivered and tells their listeners, in one transaction; a batch no listener hears is marked by
     * one statement committing on its own (no begin and commit round trips for most batches).
     */
    private void delivered(String target, String owner, List<OutboxEvent> events, Long[] ids) {
        boolean heard =
                events.stream().map(OutboxEvent::aggregateType).distinct().anyMatch(this::listenedTo);
        if (!heard) {
            pool.preparedQuery(DELIVERED).execute(Tuple.of(ids, owner)).await().indefinitely();
            return;
        }
        transactions.inTransaction(connection -> {
            RowSet<Row> rows = connection
                    .preparedQuery(DELIVERED)
                    .execute(Tuple.of(ids, owner))
                    .await()
                    .indefinitely();
            List<Row> marked = new ArrayList<>();
            rows.forEach(marked::add);
            marked.sort(java.util.Comparator.comparingLong(row -> row.getLong("id")));
            Map<String, List<DeliveredEvent>> byType = new java.util.LinkedHashMap<>();
            for (Row row : marked) {
                byType.computeIfAbsent(row.getString("aggregate_type"), type -> new ArrayList<>())
                        .add(new DeliveredEvent(
                                target,
                                row.getString("aggregate_type"),
                                row.getString("aggregate_id"),
                                row.getString("event_type")));
            }
            byType.forEach((type, ofType) -> {
                for (DeliveryListener listener : listeners) {
                    if (listener.listensTo(type)) {
                        listener.delivered(connection, ofType);
                    }
                }
            });
            return null;
        });
    }

    private boolean listenedTo(String aggregateType) {
        for (DeliveryListener listener : listeners) {
            if (listener.listensTo(aggregateType)) {
                return true;
            }
        }
        return false;
    }

    private void reschedule(Long[] ids, String owner, Duration wait, String reason) {
        pool.preparedQuery(RESCHEDULE)
                .execute(Tuple.of(ids, wait.toMillis(), reason, owner))
                .await()
                .indefinitely();
    }

    /**
     * Records the target's success: at once after a failure this replica recorded, else at most once a second (a
     * statement per batch on the one row of the target would queue the threads behind each other). A failure another
     * replica recorded meanwhile is cleared within that second.
     */
    private void succeeded(Lane lane) {
        long now = System.currentTimeMillis();
        long last = lane.successWrittenAt.get();
        if (!lane.failureWritten && now - last < 1000) {
            return;
        }
        if (!lane.successWrittenAt.compareAndSet(last, now)) {
            return;
        }
        lane.failureWritten = false;
        pool.preparedQuery(SUCCEEDED)
                .execute(Tuple.of(lane.target.name()))
                .await()
                .indefinitely();
    }

    private void failing(Lane lane, String reason) {
        lane.failureWritten = true;
        pool.preparedQuery(FAILING)
                .execute(Tuple.of(lane.target.name(), reason))
                .await()
                .indefinitely();
    }
}
