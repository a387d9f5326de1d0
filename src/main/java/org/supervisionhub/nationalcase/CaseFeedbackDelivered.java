package org.supervisionhub.nationalcase;

import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.util.List;
import org.supervisionhub.sync.DeliveredEvent;
import org.supervisionhub.sync.DeliveryListener;

/**
 * Closes a case's loop once its feedback ({@code case-feedback} events, written by {@link CaseService}) has been
 * delivered, in the relay's transaction that marks the event delivered.
 */
@ApplicationScoped
public class CaseFeedbackDelivered implements DeliveryListener {

    static final String AGGREGATE_TYPE = "case-feedback";

    private static final String CLOSE = """
            update national_case set status = 'CLOSED', closed_at = now(), updated_at = now()
            where national_id = any($1) and status = 'FEEDBACK_SENT'""";

    @Override
    public boolean listensTo(String aggregateType) {
        return AGGREGATE_TYPE.equals(aggregateType);
    }

    @Override
    public void delivered(SqlConnection connection, List<DeliveredEvent> events) {
        String[] nationalIds =
                events.stream().map(DeliveredEvent::aggregateId).distinct().toArray(String[]::new);
        connection.preparedQuery(CLOSE).execute(Tuple.of(nationalIds)).await().indefinitely();
    }
}
