package org.supervisionhub.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.supervisionhub.common.Json;
import org.supervisionhub.security.Caller;

/**
 * Appends entries to the hash-chained audit log inside the caller's current transaction, so an entry
 * exists exactly when the change it describes committed. The chain fields are filled by the database.
 */
@ApplicationScoped
public class AuditTrail {

    private static final String INSERT = """
            insert into audit_log (actor, actor_department, action, entity_type, entity_id, detail, request_id)
            values (:actor, :department, :action, :entityType, :entityId, cast(cast(:detail as text) as jsonb), :requestId)""";

    private static final String INSERT_POSITIONAL = """
            insert into audit_log (actor, actor_department, action, entity_type, entity_id, detail, request_id)
            values ($1, $2, $3, $4, $5, cast($6::text as jsonb), $7)""";

    @Inject
    Json json;

    /**
     * The same entry written on a reactive-client connection (bulk paths that bypass Hibernate), inside that
     * connection's transaction. Blocking: call from a worker thread.
     */
    public void record(
            SqlConnection connection,
            Caller caller,
            String action,
            String entityType,
            String entityId,
            Map<String, ?> detail) {
        AuditEntry entry = AuditEntry.of(caller, action, entityType, entityId, json.write(detail));
        connection
                .preparedQuery(INSERT_POSITIONAL)
                .execute(Tuple.from(new Object[] {
                    entry.actor(),
                    entry.department(),
                    entry.action(),
                    entry.entityType(),
                    entry.entityId(),
                    entry.detail(),
                    entry.requestId()
                }))
                .await()
                .indefinitely();
    }

    public Uni<Void> record(Caller caller, String action, String entityType, String entityId, Map<String, ?> detail) {
        AuditEntry entry = AuditEntry.of(caller, action, entityType, entityId, json.write(detail));
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("actor", entry.actor())
                        .setParameter("department", entry.department())
                        .setParameter("action", entry.action())
                        .setParameter("entityType", entry.entityType())
                        .setParameter("entityId", entry.entityId())
                        .setParameter("detail", entry.detail())
                        .setParameter("requestId", entry.requestId())
                        .executeUpdate())
                .replaceWithVoid();
    }
}
