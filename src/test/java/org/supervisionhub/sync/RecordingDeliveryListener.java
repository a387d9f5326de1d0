package org.supervisionhub.sync;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A test-only delivery listener of the aggregate type {@value #TYPE}: writes each delivered aggregate id into
 * {@code listener_test_seen} on the relay's connection, then fails while it is told to refuse.
 */
@ApplicationScoped
public class RecordingDeliveryListener implements DeliveryListener {

    static final String TYPE = "listener-test";

    private final AtomicInteger refuse = new AtomicInteger();
    private final AtomicInteger refused = new AtomicInteger();

    /** Fails the next {@code times} calls (after their writes). Methods, not fields: the test holds a client proxy. */
    public void refuseNext(int times) {
        refuse.set(times);
    }

    /** How many calls failed so far. */
    public int refusals() {
        return refused.get();
    }

    @Override
    public boolean listensTo(String aggregateType) {
        return TYPE.equals(aggregateType);
    }

    @Override
    public void delivered(SqlConnection connection, List<DeliveredEvent> events) {
        for (DeliveredEvent event : events) {
            connection
                    .preparedQuery("insert into listener_test_seen (aggregate_id) values ($1) on conflict do nothing")
                    .execute(Tuple.of(event.aggregateId()))
                    .await()
                    .indefinitely();
        }
        if (refuse.getAndUpdate(n -> Math.max(0, n - 1)) > 0) {
            refused.incrementAndGet();
            throw new IllegalStateException("refused by the test");
        }
    }
}
