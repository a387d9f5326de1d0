package org.supervisionhub.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Transactions for the Panache features (item claims and lists, officers' certificates, subjects): the work runs in
 * one Hibernate Reactive session and transaction, committed when its {@code Uni} completes. Failures are classified
 * by {@link DatabaseFailures}, like {@link BlockingTransactions}, but only what certainly committed nothing is retried
 * ({@link DatabaseFailures#committedNothing}): a connection lost mid-way may have been lost during the commit, which
 * this side cannot tell, so the caller's idempotent re-send decides. The work is a supplier so each attempt starts
 * afresh.
 */
@ApplicationScoped
public class ReactiveTransactions {

    private static final Logger LOG = Logger.getLogger(ReactiveTransactions.class);
    private static final int RETRIES = 2;

    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom()
                .deferred(() -> Panache.withTransaction(work))
                .onFailure(DatabaseFailures::committedNothing)
                .invoke(failure -> LOG.debugf(failure, "transient database failure; the transaction is retried"))
                .onFailure(DatabaseFailures::committedNothing)
                .retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(200))
                .atMost(RETRIES);
    }
}
