package org.supervisionhub.sync;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.PagedQuery;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.security.Caller;

/** Sync status per target and the dead letters: what hub-admins see and replay. Blocking: worker threads only. */
@ApplicationScoped
public class SyncAdministration {

    private static final String STATE = "select * from sync_target_state where target = $1";
    private static final String DEAD_LETTERS = """
            select id, target, aggregate_type, aggregate_id, event_type, idempotency_key, attempts, last_error,
                   created_at, payload::text as payload
            from outbox where status = 'DEAD' and ($1::text is null or target = $1) order by id limit $2 offset $3""";
    private static final String DEAD_COUNT =
            "select count(*) from outbox where status = 'DEAD' and ($1::text is null or target = $1)";
    private static final String REPLAY = """
            update outbox set status = 'PENDING', attempts = 0, next_attempt_at = now(), last_error = null
            where status = 'DEAD' and ($1::bigint is null or id = $1) and ($2::text is null or target = $2)
            returning id""";

    @Inject
    Pool pool;

    @Inject
    org.supervisionhub.common.BlockingTransactions transactions;

    @Inject
    ObjectMapper mapper;

    @Inject
    OutboxRelay relay;

    @Inject
    AuditTrail audit;

    public List<SyncStatusView> status() {
        java.util.Set<String> targets = new java.util.TreeSet<>(relay.targetNames());
        targets.add(OutboxRelay.TARGET);
        return targets.stream().map(this::status).toList();
    }

    private SyncStatusView status(String target) {
        Row figures = pool.preparedQuery(SyncMetrics.FIGURES)
                .execute(Tuple.of(target))
                .await()
                .indefinitely()
                .iterator()
                .next();
        RowSet<Row> states =
                pool.preparedQuery(STATE).execute(Tuple.of(target)).await().indefinitely();
        Row state = states.size() == 0 ? null : states.iterator().next();
        Number lag = figures.getNumeric("lag_seconds");
        return new SyncStatusView(
                target,
                relay.isRunning(target),
                figures.getLong("pending") + figures.getLong("in_flight"),
                figures.getLong("in_flight"),
                figures.getLong("dead"),
                lag == null ? 0 : lag.longValue(),
                state == null ? null : WireTime.of(state.getOffsetDateTime("last_success_at")),
                state == null ? null : WireTime.of(state.getOffsetDateTime("failing_since")),
                state == null ? 0 : state.getInteger("consecutive_failures"),
                state == null ? null : state.getString("last_error"),
                relay.breakerState(target));
    }

    public Page<DeadLetterView> deadLetters(String target, PageRequest paging) {
        return PagedQuery.fetch(pool, DEAD_LETTERS, DEAD_COUNT, new Object[] {target}, paging, this::deadLetter)
                .await()
                .indefinitely();
    }

    private DeadLetterView deadLetter(Row row) {
        return new DeadLetterView(
                row.getLong("id"),
                row.getString("target"),
                row.getString("aggregate_type"),
                row.getString("aggregate_id"),
                row.getString("event_type"),
                row.getUUID("idempotency_key"),
                row.getInteger("attempts"),
                row.getString("last_error"),
                WireTime.of(row.getOffsetDateTime("created_at")),
                json(row.getString("payload")));
    }

    /** Queues dead letters again (one by id, or all of a target), audited; returns how many. */
    public long replay(Caller caller, Long id, String target) {
        long replayed = transactions.inTransaction(connection -> {
            long count = connection
                    .preparedQuery(REPLAY)
                    .execute(Tuple.of(id, target))
                    .await()
                    .indefinitely()
                    .rowCount();
            if (count > 0) {
                audit.record(
                        connection,
                        caller,
                        "DEAD_LETTERS_REPLAYED",
                        "outbox",
                        id != null
                                ? String.valueOf(id)
                                : "target:" + Optional.ofNullable(target).orElse("*"),
                        Map.of("replayed", count));
            }
            return count;
        });
        relay.wake();
        return replayed;
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> json(String text) {
        try {
            return mapper.readValue(text, Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
