package org.supervisionhub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.time.Duration;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.code.ItemCodes;
import org.supervisionhub.item.CatalogItemRequest;
import org.supervisionhub.item.CatalogService;
import org.supervisionhub.nationalcase.CaseKind;
import org.supervisionhub.nationalcase.NationalCases;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Roles;

/**
 * Processes the inbox one message at a time, oldest first, with {@code FOR UPDATE SKIP LOCKED} so replicas share
 * the work. Items become catalog versions; complaints, risk clues and tasks become routed cases. A message older
 * than one already processed for the same national id is superseded, not applied. A failing message is retried with
 * a growing delay and, after the last attempt, left FAILED with its error for an admin to see.
 */
@ApplicationScoped
public class InboxProcessor {

    private static final Logger LOG = Logger.getLogger(InboxProcessor.class);
    private static final int MAX_ATTEMPTS = 8;
    private static final Caller NATIONAL_PLATFORM = new Caller("national-platform", Set.of(Roles.NATIONAL),
            Optional.empty(), Optional.empty());

    private static final String NEXT = """
            select id, kind, national_id, revision, payload::text as payload from inbox
            where status = 'RECEIVED' and next_attempt_at <= now() order by id limit 1 for update skip locked""";
    private static final String NEWER_PROCESSED = """
            select 1 from inbox where kind = $1 and national_id = $2 and revision > $3 and status = 'PROCESSED'""";
    private static final String DONE = """
            update inbox set status = $2, processed_at = now(), attempts = attempts + 1, last_error = null where id = $1""";
    private static final String FAILED = """
            update inbox set attempts = attempts + 1, last_error = $2,
                             status = case when attempts + 1 >= $3 then 'FAILED' else 'RECEIVED' end,
                             next_attempt_at = now() + power(2, least(attempts, 12)) * interval '1 second'
            where id = $1""";

    // Departments whose sectors cover an in-use sub-item and that have not claimed it are invited to.
    private static final String INVITE = """
            insert into claim_invitation (item_code, department_code)
            select i.code, ds.department_code
            from catalog_item i join department_sector ds on ds.sector_code = i.sector_code
            where i.code = $1 and i.parent_code is not null and i.status = 'IN_USE'
              and not exists (select 1 from item_claim c where c.item_code = i.code
                              and c.department_code = ds.department_code and c.status = 'ACTIVE')
            on conflict do nothing""";

    @Inject
    Pool pool;

    @Inject
    org.supervisionhub.common.BlockingTransactions transactions;

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    CatalogService catalog;

    @Inject
    NationalCases cases;

    private final Semaphore wake = new Semaphore(0);
    private volatile boolean running;
    private Thread thread;

    void start(@Observes StartupEvent event) {
        running = true;
        thread = new Thread(this::run, "inbox-processor");
        thread.setDaemon(true);
        thread.start();
    }

    void stop(@Observes ShutdownEvent event) {
        running = false;
        wake.release();
        if (thread != null) {
            try {
                thread.join(Duration.ofSeconds(10).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Processes new messages now. */
    public void wake() {
        wake.release();
    }

    private void run() {
        while (running) {
            boolean worked;
            try {
                worked = processOne();
            } catch (RuntimeException e) {
                LOG.warn("inbox round failed; retrying", e);
                worked = false;
            }
            if (!worked) {
                try {
                    wake.tryAcquire(1, TimeUnit.SECONDS);
                    wake.drainPermits();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    /** Processes the oldest due message; false when there was none. */
    boolean processOne() {
        try {
            return transactions.inTransaction(connection -> {
                RowSet<Row> rows = connection.preparedQuery(NEXT).execute().await().indefinitely();
                if (rows.size() == 0) {
                    return false;
                }
                Row message = rows.iterator().next();
                try {
                    String outcome = handle(connection, message);
                    connection.preparedQuery(DONE).execute(Tuple.of(message.getLong("id"), outcome)).await()
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
            pool.preparedQuery(FAILED).execute(Tuple.of(failed.id, reason, MAX_ATTEMPTS)).await().indefinitely();
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
        if (connection.preparedQuery(NEWER_PROCESSED).execute(Tuple.of(kind, nationalId, revision)).await()
                .indefinitely().size() > 0) {
            return "SUPERSEDED";
        }
        JsonNode payload = read(message.getString("payload"));
        if (kind.equals("items")) {
            String code = issueItem(payload);
            connection.preparedQuery(INVITE).execute(Tuple.of(code)).await().indefinitely();
            return "PROCESSED";
        }
        return cases.receive(connection, CaseKind.ofCollection(kind), nationalId, revision, payload)
                ? "PROCESSED" : "SUPERSEDED";
    }

    /** An item issued by the national catalog: upserted as the catalog's next version (or unchanged). */
    private String issueItem(JsonNode payload) {
        String code = payload.path("code").asText(null);
        if (code == null || !ItemCodes.isValid(code)) {
            throw new IllegalArgumentException("an issued item carries a valid 14-digit code");
        }
        CatalogItemRequest request = mapper.convertValue(payload.path("item"), CatalogItemRequest.class);
        Set<ConstraintViolation<CatalogItemRequest>> violations = validator.validate(request);
        if (!violations.isEmpty()) {
            throw new IllegalArgumentException(violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).collect(Collectors.joining("; ")));
        }
        try {
            VertxContextSupport.subscribeAndAwait(() -> catalog.upsert(NATIONAL_PLATFORM, code, request));
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
        return code;
    }

    private JsonNode read(String text) {
        try {
            return mapper.readTree(text);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
