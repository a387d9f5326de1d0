package org.supervisionhub.sync;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;

/**
 * A test-only delivery listener of the aggregate types starting with {@value #PREFIX}: appends each delivered event to
 * {@code relay_order_seen} on the relay's connection, in the transaction that marks it delivered. The table's serial
 * says in which order the target acknowledged one aggregate's events: an event is claimed only once the one before
 * it is marked delivered, and marked only after the target acknowledged it.
 */
@ApplicationScoped
public class OrderRecordingDeliveryListener implements DeliveryListener {

    static final String PREFIX = "relay-order-";
    static final String TABLE = """
            create table if not exists relay_order_seen (
                seq bigserial primary key, aggregate_type text not null, aggregate_id text not null,
                event_type text not null)""";

    @Override
    public boolean listensTo(String aggregateType) {
        return aggregateType.startsWith(PREFIX);
    }

    @Override
    public void delivered(SqlConnection connection, List<DeliveredEvent> events) {
        for (DeliveredEvent event : events) {
            connection
                    .preparedQuery("insert into relay_order_seen (aggregate_type, aggregate_id, event_type) "
                            + "values ($1, $2, $3)")
                    .execute(Tuple.of(event.aggregateType(), event.aggregateId(), event.eventType()))
                    .await()
                    .indefinitely();
        }
    }
}
