package org.supervisionhub.sync;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.supervisionhub.common.Json;

/**
 * The transactional outbox: an event is written in the same transaction as the change that causes it,
 * and the relay delivers it afterwards. Never call this outside a transaction.
 */
@ApplicationScoped
public class Outbox {

    /** The national Internet + Supervision platform. */
    public static final String NATIONAL = "national";

    private static final String INSERT = """
            insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)
            values (:target, :aggregateType, :aggregateId, :eventType, cast(cast(:payload as text) as jsonb))""";

    @Inject
    Json json;

    public Uni<Void> enqueue(String target, String aggregateType, String aggregateId, String eventType, Object payload) {
        return Panache.getSession().chain(session -> session.createNativeQuery(INSERT)
                .setParameter("target", target)
                .setParameter("aggregateType", aggregateType)
                .setParameter("aggregateId", aggregateId)
                .setParameter("eventType", eventType)
                .setParameter("payload", json.write(payload))
                .executeUpdate())
                .replaceWithVoid();
    }
}
