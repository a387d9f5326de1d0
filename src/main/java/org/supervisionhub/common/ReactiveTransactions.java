package org.supervisionhub.common;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.util.Set;
import java.util.function.Supplier;
import org.jboss.logging.Logger;

/**
 * Transactions for the Panache features (item claims and lists, officers' certificates, subjects): the work runs in
 * one Hibernate Reactive session and transaction, committed when its {@code Uni} completes. Like
 * {@link BlockingTransactions}, the one place that retries, but only what certainly committed nothing: a transaction
 * PostgreSQL aborted to break a deadlock or a serialization conflict, a server that is read-only or shutting down, a
 * connection that could not be opened. A connection lost mid-way is not retried here, because it may have been lost
 * during the commit; the caller's idempotent re-send decides. The work is a supplier so each attempt starts afresh.
 */
@ApplicationScoped
public class ReactiveTransactions {

    private static final Logger LOG = Logger.getLogger(ReactiveTransactions.class);
    private static final Set<String> NOTHING_COMMITTED = Set.of(
            "40P01", // deadlock_detected
            "40001", // serialization_failure
            "25006", // read_only_sql_transaction: the server we reached is (now) a standby
            "57P01", // admin_shutdown
            "08001", // unable to connect
            "08004"); // the server rejected the connection
    private static final int RETRIES = 2;

    public <T> Uni<T> inTransaction(Supplier<Uni<T>> work) {
        return Uni.createFrom()
                .deferred(() -> Panache.withTransaction(work))
                .onFailure(ReactiveTransactions::committedNothing)
                .invoke(failure -> LOG.debugf(failure, "transient database failure; the transaction is retried"))
                .onFailure(ReactiveTransactions::committedNothing)
                .retry()
                .withBackOff(Duration.ofMillis(20), Duration.ofMillis(200))
                .atMost(RETRIES);
    }

    static boolean committedNothing(Throwable failure) {
        for (Throwable cause = failure; cause != null; cause = cause.getCause()) {
            // Hibernate Reactive reports the driver's PgException as a JDBC-style exception with its SQLSTATE.
            if (cause instanceof PgException pg && NOTHING_COMMITTED.contains(pg.getSqlState())
                    || cause instanceof java.sql.SQLException sql && NOTHING_COMMITTED.contains(sql.getSQLState())
                    || cause instanceof org.hibernate.JDBCException jdbc
                            && NOTHING_COMMITTED.contains(jdbc.getSQLState())) {
                return true;
            }
            if (cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }
}
