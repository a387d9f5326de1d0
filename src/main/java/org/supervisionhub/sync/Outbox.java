package org.supervisionhub.sync;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.supervisionhub.common.Json;
import org.supervisionhub.events.EventType;
import org.supervisionhub.events.HubEvent;

/**
 * The transactional outbox: an event is written in the same transaction as the change that causes it, and the relay
 * delivers it afterwards. Every event is a typed {@link HubEvent} of the {@link EventType} catalog, written through
 * {@link #enqueue(HubEvent)} (Hibernate Reactive session), {@link #enqueue(SqlConnection, HubEvent)} (reactive SQL
 * connection) or, by set-based writers, inside their own statement with {@link #insertSelect}. Never call this
 * outside a transaction.
 */
@ApplicationScoped
public class Outbox {

    /** The national Internet + Supervision platform. */
    public static final String NATIONAL = "national";

    private static final String COLUMNS =
            "insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)";
    private static final String INSERT = COLUMNS + """

            values (:target, :aggregateType, :aggregateId, :eventType, cast(cast(:payload as text) as jsonb))""";
    private static final String INSERT_POSITIONAL = COLUMNS + """

            values ($1, $2, $3, $4, cast($5::text as jsonb))""";

    @Inject
    Json json;

    /** Queues the event for the national platform (and its subscribers) in the current Hibernate Reactive transaction. */
    public Uni<Void> enqueue(HubEvent event) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(INSERT)
                        .setParameter("target", NATIONAL)
                        .setParameter("aggregateType", event.aggregateType())
                        .setParameter("aggregateId", event.aggregateId())
                        .setParameter("eventType", event.type().value())
                        .setParameter("payload", json.write(event))
                        .executeUpdate())
                .replaceWithVoid();
    }

    /** Queues the event in the transaction of the connection. Blocking: call from a worker thread. */
    public void enqueue(SqlConnection connection, HubEvent event) {
        connection
                .preparedQuery(INSERT_POSITIONAL)
                .execute(Tuple.of(
                        NATIONAL,
                        event.aggregateType(),
                        event.aggregateId(),
                        event.type().value(),
                        json.write(event)))
                .await()
                .indefinitely();
    }

    /**
     * The outbox insert of a set-based writer, for a data-modifying CTE: one event per row of {@code from}. Every
     * argument but the aggregate type is an SQL expression; {@code eventType} should come from
     * {@link #typeLiteral} and {@code payload} from {@link #payloadObject}, so that the rows match the catalog.
     */
    public static String insertSelect(
            String target, String aggregateType, String aggregateId, String eventType, String payload, String from) {
        if (!EventType.isAggregateType(aggregateType)) {
            throw new IllegalArgumentException("no event type of aggregate type " + aggregateType + " in the catalog");
        }
        return COLUMNS + "\nselect " + target + ", '" + aggregateType + "', " + aggregateId + ", " + eventType
                + ",\n       " + payload + "\nfrom " + from;
    }

    /** The event type as an SQL literal. */
    public static String typeLiteral(EventType type) {
        return "'" + type.value() + "'";
    }

    /**
     * The payload of an event type as an SQL {@code jsonb_build_object(...)}: {@code fields} gives an SQL expression
     * for each payload field of the type's record, no more and no fewer, so the JSON has the record's (and the
     * contract's) fields.
     */
    public static String payloadObject(EventType type, Map<String, String> fields) {
        Set<String> expected = new LinkedHashSet<>();
        for (RecordComponent component : type.payloadFields()) {
            expected.add(component.getName());
        }
        if (!expected.equals(fields.keySet())) {
            throw new IllegalArgumentException(
                    type + " has the payload fields " + expected + ", not " + fields.keySet());
        }
        List<String> pairs = new ArrayList<>();
        for (String field : expected) {
            pairs.add("'" + field + "', " + fields.get(field));
        }
        return "jsonb_build_object(" + String.join(", ", pairs) + ")";
    }
}
