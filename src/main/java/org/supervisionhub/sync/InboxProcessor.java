package org.supervisionhub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Optional;
import org.jboss.logging.Logger;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Workers;

/**
 * Processes the inbox one message at a time, oldest first, with {@code FOR UPDATE SKIP LOCKED} so replicas share
 * the work. Each message goes to the {@link InboxHandler} of its kind (the features provide them: items become
 * catalog versions, complaints become routed cases), on the connection and inside the transaction that marks it
 * done, so a message's effects and its PROCESSED mark commit together or not at all. A message older than one
 * already processed for the same national id is superseded, not applied. A failing message is retried with a
 * growing delay and, after the last attempt, left FAILED with its error for an admin to see.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);

    private static final String STORE = """
            insert into inbox (kind, national_id, revision, payload) values ($1, $2, $3, cast($4::text as jsonb))
            on conflict (kind, national_id, revision) do nothing""";
    private static final String NEXT = """
            select id, kind, national_id, revision, payload::text as payload from inbox
            where status = 'RECEIVED' and next_attempt_at <= now() order by id limit 1 for update skip locked""";
    // A newer revision processed, or (once purged by InboxRetention) this revision or a newer one.
    private static final String NEWER_PROCESSED = """
            select 1 from inbox where kind = $1 and national_id = $2 and revision > $3 and status = 'PROCESSED'
            union all
            select 1 from inbox_processed_revision where kind = $1 and national_id = $2 and revision >= $3""";
    private static final String DONE = """
            update inbox set status = $2, processed_at = now(), attempts = attempts + 1, last_error = null where id = $1""";
    private static final String FAILED = """
            update inbox set attempts = attempts + 1, last_error = $2,
                             status = case when attempts + 1 >= $3 then 'FAILED' else 'RECEIVED' end,
                             next_attempt_at = now() + power(2, least(attempts, 12)) * interval '1 second'
            where id = $1""";

    @Inject
    Pool pool;

    @Inject
    BlockingTransactions transactions;

    @Inject
    ObjectMapper mapper;

    @Inject
    @Any
    Instance<InboxHandler> handlers;

    @Inject
    Workers workers;

    @Inject
    SyncConfig config;

    private volatile Workers.Worker worker;

    void start(@Observes StartupEvent event) {
        Duration poll = config.inbox().pollInterval();
        worker = workers.start(
                "inbox-processor", () -> processOne() ? Duration.ZERO : poll, poll, Duration.ofSeconds(10));
    }

    void stop(@Observes ShutdownEvent event) {
        if (worker != null) {
            worker.stop();
        }
    }

    /**
     * Stores a received message, once per kind, national id and revision, and has it processed soon; false when it
     * was there already. Blocking.
     */
    public boolean store(String kind, String nationalId, int revision, String payload) {
        int stored = pool.preparedQuery(STORE)
                .execute(Tuple.of(kind, nationalId, revision, payload))
                .await()
                .indefinitely()
                .rowCount();
        if (stored > 0) {
            wake();
        }
        return stored > 0;
    }

    /** Processes new messages now. */
    public void wake() {
        Workers.Worker current = worker;
        if (current != null) {
            current.wake();
        }
    }

    /** Processes the oldest due message; false when there was none. */
    boolean processOne() {
        try {
            return transactions.inTransaction(connection -> {
                RowSet<Row> rows =
                        connection.preparedQuery(NEXT).execute().await().indefinitely();
                if (rows.size() == 0) {
                    return false;
                }
                Row message = rows.iterator().next();
                try {
                    String outcome = handle(connection, message);
                    connection
                            .preparedQuery(DONE)
                            .execute(Tuple.of(message.getLong("id"), outcome))
                            .await()
                            .indefinitely();
                    return true;
                } catch (RuntimeException e) {
                    throw new MessageFailed(message, e);
                }
            });
        } catch (MessageFailed failed) {
            // The message's work rolled back with its transaction; its failure is recorded in a transaction of its own.
            RuntimeException e = failed.cause;
            String reason = e instanceof HubException hub ? hub.code() + ": " + hub.getMessage() : String.valueOf(e);
            LOG.warnf("inbox message %d (%s %s) failed: %s", failed.id, failed.kind, failed.nationalId, reason);
            pool.preparedQuery(FAILED)
                    .execute(Tuple.of(failed.id, reason, config.inbox().maxAttempts()))
                    .await()
                    .indefinitely();
            return true;
        }
    }

    /** Carries a message's failure out of its rolled-back transaction. */
    private static final class MessageFailed extends RuntimeException {
        final long id;
        final String kind;
        final String nationalId;
        final RuntimeException cause;

        MessageFailed(Row message, RuntimeException cause) {
            super(null, null, false, false);
            this.id = message.getLong("id");
            this.kind = message.getString("kind");
            this.nationalId = message.getString("national_id");
            this.cause = cause;
        }
    }

    private String handle(SqlConnection connection, Row message) {
        String kind = message.getString("kind");
        String nationalId = message.getString("national_id");
        int revision = message.getInteger("revision");
        if (connection
                        .preparedQuery(NEWER_PROCESSED)
                        .execute(Tuple.of(kind, nationalId, revision))
                        .await()
                        .indefinitely()
                        .size()
                > 0) {
            return InboxHandler.Outcome.SUPERSEDED.name();
        }
        InboxItem item =
                new InboxItem(message.getLong("id"), kind, nationalId, revision, read(message.getString("payload")));
        return handlerOf(kind).handle(connection, item).name();
    }

    /** A callback of the kind sent as XML, as the JSON message to store; empty when the kind takes JSON only. */
    public Optional<JsonNode> fromXml(String kind, byte[] body) {
        return handlerOf(kind).fromXml(kind, body);
    }

    private InboxHandler handlerOf(String kind) {
        for (InboxHandler handler : handlers) {
            if (handler.handles(kind)) {
                return handler;
            }
        }
        throw new IllegalStateException("no inbox handler for kind " + kind);
    }

    private JsonNode read(String text) {
        try {
            return mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
