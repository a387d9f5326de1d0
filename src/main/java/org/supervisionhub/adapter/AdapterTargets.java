package org.supervisionhub.adapter;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.sync.DeliveryTarget;
import org.supervisionhub.sync.DeliveryTargets;

/**
 * The docked systems that want events pushed (an outbound URL in their descriptor) become relay targets; their
 * subscriptions are written to {@code adapter_subscription}, so the database copies every matching event for them.
 */
@ApplicationScoped
public class AdapterTargets implements DeliveryTargets {

    @Inject
    AdapterRegistry registry;

    @Inject
    ObjectMapper mapper;

    @Inject
    BlockingTransactions transactions;

    @Override
    public List<DeliveryTarget> targets() {
        List<DeliveryTarget> targets = new ArrayList<>();
        List<String[]> subscriptions = new ArrayList<>();
        for (AdapterRegistry.Loaded adapter : registry.all().values()) {
            AdapterDescriptor descriptor = adapter.descriptor();
            if (adapter.enabled()
                    && descriptor.outbound() != null
                    && descriptor.outbound().url() != null) {
                targets.add(new AdapterTarget(descriptor, mapper));
                descriptor
                        .subscriptions()
                        .forEach(event -> subscriptions.add(new String[] {descriptor.system(), event}));
            }
        }
        transactions.inTransaction(connection -> {
            connection
                    .query("delete from adapter_subscription")
                    .execute()
                    .await()
                    .indefinitely();
            for (String[] subscription : subscriptions) {
                connection
                        .preparedQuery("insert into adapter_subscription (system, aggregate_type) values ($1, $2)")
                        .execute(Tuple.of(subscription[0], subscription[1]))
                        .await()
                        .indefinitely();
            }
            return null;
        });
        return targets;
    }
}
