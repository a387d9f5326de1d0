package org.supervisionhub.audit;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.MeterRegistry;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.subscription.UniEmitter;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.supervisionhub.common.DatabaseFailures;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Json;
import org.supervisionhub.security.Caller;

/**
 * Audit entries of reads (a public credential scan, a look-up of a person's data): a read changes nothing, so its
 * entry commits on its own, and entries arriving together commit together. One batch is written at a time, as one
 * multi-row insert in one transaction; what arrives meanwhile waits for the next batch (group commit): under load
 * one commit, and one turn of the chain's advisory lock, serves hundreds of reads; alone, a read waits for its own
 * commit only. Each caller's {@code Uni} completes after the commit that holds its entry, so a read is answered only
 * once its audit entry is durable, and fails when the entry could not be written. The chain's trigger fills the
 * chain fields row by row, so {@link AuditChainVerifier} checks these rows like any other.
 */
@ApplicationScoped
public class ReadAuditTrail {

    /** Rows per insert: a batch's statement stays small while one commit still serves many reads. */
    static final int MAX_BATCH = 500;

    /**
     * Reads waiting for a batch beyond which new ones are refused (503) instead of queued: the database is not keeping
     * up, and queueing more would only hold their connections and memory longer.
     */
    static final int MAX_WAITING = 20_000;

    private static final String INSERT_BATCH = """
            insert into audit_log (actor, actor_department, action, entity_type, entity_id, detail, request_id)
            select actor, department, action, entity_type, entity_id, cast(detail as jsonb), request_id
            from unnest($1::text[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[])
                 with ordinality as entry(actor, department, action, entity_type, entity_id, detail, request_id, position)
            order by position""";

    private final Queue<Waiting> waiting = new ConcurrentLinkedQueue<>();
    private final AtomicInteger waitingCount = new AtomicInteger();
    private final AtomicBoolean writing = new AtomicBoolean();
    private final Pool pool;
    private final Json json;
    private final DistributionSummary batchSizes;

    @Inject
    ReadAuditTrail(Pool pool, Json json, MeterRegistry registry) {
        this.pool = pool;
        this.json = json;
        this.batchSizes = DistributionSummary.builder("hub.audit.read.batch.size")
                .description("Audit entries of reads committed together in one batch")
                .publishPercentiles(0.5, 0.99)
                .register(registry);
    }

    /** Appends the entry; the {@code Uni} completes once it is committed. */
    public Uni<Void> record(Caller caller, String action, String entityType, String entityId, Map<String, ?> detail) {
        AuditEntry entry = AuditEntry.of(caller, action, entityType, entityId, json.write(detail));
        return Uni.createFrom().emitter(emitter -> {
            if (waitingCount.incrementAndGet() > MAX_WAITING) {
                waitingCount.decrementAndGet();
                emitter.fail(HubException.serviceUnavailable(
                        ErrorCode.DATABASE_UNAVAILABLE,
                        "the audit log is not keeping up with reads; retry shortly",
                        1));
                return;
            }
            waiting.add(new Waiting(entry, emitter, Vertx.currentContext()));
            writeNextBatch();
        });
    }

    /** Starts a batch unless one is being written; the one being written starts the next when it ends. */
    private void writeNextBatch() {
        if (!writing.compareAndSet(false, true)) {
            return;
        }
        List<Waiting> batch = new ArrayList<>(Math.min(MAX_BATCH, waitingCount.get()));
        Waiting next;
        while (batch.size() < MAX_BATCH && (next = waiting.poll()) != null) {
            batch.add(next);
        }
        if (batch.isEmpty()) {
            writing.set(false);
            // An entry added after the poll but before the flag was cleared found a batch being written.
            if (!waiting.isEmpty()) {
                writeNextBatch();
            }
            return;
        }
        waitingCount.addAndGet(-batch.size());
        batchSizes.record(batch.size());
        write(batch).subscribe().with(ignored -> written(), ignored -> written());
    }

    /**
     * Writes the batch and answers its readers. An entry the database refuses (FINAL: the same insert would fail again)
     * must not fail the reads it happened to share a batch with, so such a batch is written again entry by entry.
     */
    private Uni<Void> write(List<Waiting> batch) {
        return insert(batch)
                .invoke(() -> batch.forEach(reader -> reader.complete(null)))
                .onFailure()
                .recoverWithUni(failure -> {
                    if (batch.size() == 1 || DatabaseFailures.isTransient(failure)) {
                        batch.forEach(reader -> reader.complete(failure));
                        return Uni.createFrom().voidItem();
                    }
                    return Multi.createFrom()
                            .iterable(batch)
                            .onItem()
                            .transformToUniAndConcatenate(reader -> write(List.of(reader)))
                            .collect()
                            .last()
                            .replaceWithVoid();
                });
    }

    private Uni<Void> insert(List<Waiting> batch) {
        int size = batch.size();
        String[][] columns = new String[7][size];
        for (int i = 0; i < size; i++) {
            AuditEntry entry = batch.get(i).entry();
            columns[0][i] = entry.actor();
            columns[1][i] = entry.department();
            columns[2][i] = entry.action();
            columns[3][i] = entry.entityType();
            columns[4][i] = entry.entityId();
            columns[5][i] = entry.detail();
            columns[6][i] = entry.requestId();
        }
        Tuple arguments = Tuple.from(
                new Object[] {columns[0], columns[1], columns[2], columns[3], columns[4], columns[5], columns[6]});
        // One statement outside an explicit transaction commits on its own: a failure that committed nothing
        // (a refused connection, a server shutting down) can be written again without doubling an entry.
        return Uni.createFrom()
                .deferred(() -> pool.preparedQuery(INSERT_BATCH).execute(arguments))
                .onFailure(DatabaseFailures::committedNothing)
                .retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(200))
                .atMost(2)
                .replaceWithVoid();
    }

    private void written() {
        writing.set(false);
        writeNextBatch();
    }

    /** A reader waiting for its entry, answered on its own Vert.x context (the request's) when it had one. */
    private record Waiting(AuditEntry entry, UniEmitter<? super Void> emitter, Context context) {

        void complete(Throwable failure) {
            Runnable answer = failure == null ? () -> emitter.complete(null) : () -> emitter.fail(failure);
            if (context == null) {
                answer.run();
            } else {
                context.runOnContext(ignored -> answer.run());
            }
        }
    }
}
