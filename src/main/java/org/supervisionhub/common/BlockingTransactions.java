package org.supervisionhub.common;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Transactions on the reactive client for code that runs on worker threads (bulk uploads, relays, admin actions):
 * the work gets one connection inside one transaction, committed when it returns and rolled back when it throws.
 * The one place where transient failures are retried (up to three attempts, so the work must be repeatable): a
 * transaction PostgreSQL aborted to break a deadlock or a serialization conflict, and, before the commit was sent,
 * a lost connection or a server that turned read-only (a primary failing over). A connection lost during the commit
 * is not retried: whether it committed is unknown, and the caller's idempotency decides.
 */
@ApplicationScoped
public class BlockingTransactions {

    private static final Logger LOG = Logger.getLogger(BlockingTransactions.class);
    private static final java.util.Set<String> RETRIED_STATES = java.util.Set.of(
            "40P01", // deadlock_detected
            "40001", // serialization_failure
            "25006", // read_only_sql_transaction: the server we reached is (now) a standby
            "57P01", // admin_shutdown: the server is going down
            "08006", "08003", "08001"); // connection failure / does not exist / unable to connect
    private static final int ATTEMPTS = 3;

    @Inject
    Pool pool;

    public <T> T inTransaction(Function<SqlConnection, T> work) {
        for (int attempt = 1; ; attempt++) {
            boolean committing = false;
            SqlConnection connection = null;
            try {
                connection = pool.getConnection().await().indefinitely();
                Transaction transaction = connection.begin().await().indefinitely();
                try {
                    T result = work.apply(connection);
                    committing = true;
                    transaction.commit().await().indefinitely();
                    return result;
                } catch (RuntimeException e) {
                    if (!committing) {
                        rollback(transaction);
                    }
                    throw e;
                }
            } catch (RuntimeException e) {
                if (attempt < ATTEMPTS && !committing && isTransient(e)) {
                    LOG.debugf(e, "transient database failure; attempt %d of %d", attempt + 1, ATTEMPTS);
                    continue;
                }
                throw e;
            } finally {
                if (connection != null) {
                    close(connection);
                }
            }
        }
    }

    /** Whether the failure leaves nothing committed and is worth another attempt. */
    static boolean isTransient(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && RETRIED_STATES.contains(pg.getSqlState())) {
                return true;
            }
            if (cause instanceof io.vertx.sqlclient.ClosedConnectionException
                    || cause instanceof java.net.ConnectException) {
                return true;
            }
        }
        return false;
    }

    private static void close(SqlConnection connection) {
        try {
            connection.close().await().indefinitely();
        } catch (RuntimeException e) {
            LOG.debug("closing a broken connection failed", e);
        }
    }

    private static void rollback(Transaction transaction) {
        try {
            transaction.rollback().await().indefinitely();
        } catch (RuntimeException e) {
            LOG.debug("rollback failed too; the connection is closed next", e);
        }
    }
}
