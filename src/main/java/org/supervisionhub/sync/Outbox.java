package org.supervisionhub.sync;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
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

    private static final String INSERT_POSITIONAL = """
            insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)
            values ($1, $2, $3, $4, cast($5::text as jsonb))""";

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

    /**
     * The same event written on a reactive-client connection (worker-thread paths such as inbox handlers), inside
     * that connection's transaction. Blocking: call from a worker thread.
     */
    public void enqueue(SqlConnection connection, String target, String aggregateType, String aggregateId,
                        String eventType, Object payload) {
        connection.preparedQuery(INSERT_POSITIONAL).execute(Tuple.of(target, aggregateType, aggregateId, eventType,
                json.write(payload))).await().indefinitely();
    }
}
