package org.supervisionhub.common;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Transaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.function.Function;
import org.jboss.logging.Logger;

/**
 * Transactions on the reactive client for code that runs on worker threads (bulk uploads, relays, admin actions):
 * the work gets one connection inside one transaction, committed when it returns and rolled back when it throws.
 * The one place where transient failures are retried ({@code hub.db.retry.attempts} in all, so the work must be
 * repeatable), as {@link DatabaseFailures} classifies them: a transaction PostgreSQL aborted to break a deadlock or a
 * serialization conflict is retried at once; before the commit was sent, a lost or refused connection, a server going
 * down, and a server that turned read-only (a primary failing over) are retried after a pause that doubles, on a new
 * connection, which {@link DatabaseHosts} opens to the server that takes writes now. A connection lost during the
 * commit is not retried: whether it committed is unknown, and the caller's idempotency decides.
 */
@ApplicationScoped
public class BlockingTransactions {

    private static final Logger LOG = Logger.getLogger(BlockingTransactions.class);

    @Inject
    Pool pool;

    @Inject
    DatabaseConfig config;

    public <T> T inTransaction(Function<SqlConnection, T> work) {
        int attempts = Math.max(1, config.retry().attempts());
        long pause = config.retry().backoff().toMillis();
        for (int attempt = 1; ; attempt++) {
            long wait = 0;
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
                DatabaseFailures.Kind kind = DatabaseFailures.classify(e);
                if (attempt >= attempts || committing || kind == DatabaseFailures.Kind.FINAL) {
                    throw e;
                }
                if (kind == DatabaseFailures.Kind.UNAVAILABLE) {
                    LOG.infof("database unavailable (%s); attempt %d of %d in %d ms", e, attempt + 1, attempts, pause);
                    wait = pause;
                    pause *= 2;
                } else {
                    LOG.debugf(e, "transaction aborted by a conflict; attempt %d of %d", attempt + 1, attempts);
                }
            } finally {
                if (connection != null) {
                    close(connection);
                }
            }
            if (wait > 0) {
                sleep(wait); // the broken connection is closed first
            }
        }
    }

    private static void sleep(long millis) {
        try {
            Thread.sleep(millis);
        } catch (InterruptedException interrupted) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the database", interrupted);
        }
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
