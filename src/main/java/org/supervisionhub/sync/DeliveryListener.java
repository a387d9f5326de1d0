package org.supervisionhub.sync;

import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.List;

/**
 * Told when events of an aggregate type were delivered, so the feature that wrote them can act on it (a case whose
 * feedback reached the national platform is closed). Called by {@link OutboxRelay} on a worker thread, on the
 * connection and inside the transaction that marks the events delivered: the listener writes on that connection
 * only, never commits, and a failure rolls the delivered mark back (the events are delivered again, idempotently).
 */
public interface DeliveryListener {

    /** Whether this listener wants to hear about events of the aggregate type. */
    boolean listensTo(String aggregateType);

    /** The delivered events of the types it listens to (one target, one batch), oldest first. Blocking. */
    void delivered(SqlConnection connection, List<DeliveredEvent> events);
}
