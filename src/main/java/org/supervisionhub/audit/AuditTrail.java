package org.supervisionhub.audit;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Map;
import org.jboss.logging.MDC;
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

    @Inject
    Json json;

    public Uni<Void> record(Caller caller, String action, String entityType, String entityId, Map<String, ?> detail) {
        Object requestId = MDC.get("requestId");
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("actor", caller.auditName())
                .setParameter("department", caller.departmentCode().orElse(null))
                .setParameter("action", action)
                .setParameter("entityType", entityType)
                .setParameter("entityId", entityId)
                .setParameter("detail", json.write(detail))
                .setParameter("requestId", requestId == null ? null : requestId.toString())
                .executeUpdate())
                .replaceWithVoid();
    }
}
