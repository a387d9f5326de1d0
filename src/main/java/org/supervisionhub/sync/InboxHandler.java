package org.supervisionhub.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.mutiny.sqlclient.SqlConnection;
import java.util.Optional;

/**
 * Applies the inbox messages of one or more callback kinds; one CDI bean per kind, provided by the feature that owns
 * what the message changes. {@link InboxProcessor} knows no feature: it takes a message, finds its handler and calls
 * it inside the transaction that marks the message done.
 *
 * <p>Transaction discipline: {@link #handle} runs on a worker thread and must do all its writes on the given
 * connection, which is inside the transaction that also marks the message processed; it must neither commit, nor
 * open another connection or transaction (no Panache service, no pool query that writes). When it
 * throws, everything it wrote rolls back with the message's transaction and the message is retried later.
 */
public interface InboxHandler {

    /** What applying a message did. */
    enum Outcome {
        /** The message was applied. */
        PROCESSED,
        /** A newer revision was there already; nothing changed. */
        SUPERSEDED
    }

    /** Whether this handler applies messages of the kind. */
    boolean handles(String kind);

    /** Applies the message on the connection, in its transaction. Blocking. */
    Outcome handle(SqlConnection connection, InboxItem item);

    /**
     * A message of the kind sent as XML, as the JSON message the inbox stores (with its {@code nationalId}); empty
     * when the kind is only sent as JSON. A document it cannot read is a 400 problem ({@code HubException}).
     */
    default Optional<JsonNode> fromXml(String kind, byte[] body) {
        return Optional.empty();
    }
}
