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
 * A transaction PostgreSQL aborted to break a deadlock is run again, up to three times.
 */
@ApplicationScoped
public class BlockingTransactions {

    private static final Logger LOG = Logger.getLogger(BlockingTransactions.class);
    private static final String DEADLOCK = "40P01";
    private static final int ATTEMPTS = 3;

    @Inject
    Pool pool;

    public <T> T inTransaction(Function<SqlConnection, T> work) {
        for (int attempt = 1; ; attempt++) {
            SqlConnection connection = pool.getConnection().await().indefinitely();
            try {
                Transaction transaction = connection.begin().await().indefinitely();
                try {
                    T result = work.apply(connection);
                    transaction.commit().await().indefinitely();
                    return result;
                } catch (RuntimeException e) {
                    rollback(transaction);
                    if (attempt < ATTEMPTS && isDeadlock(e)) {
                        LOG.debugf("deadlock broken by PostgreSQL; attempt %d of %d", attempt + 1, ATTEMPTS);
                        continue;
                    }
                    throw e;
                }
            } finally {
                connection.close().await().indefinitely();
            }
        }
    }

    private static boolean isDeadlock(Throwable e) {
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof PgException pg && DEADLOCK.equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }

    private static void rollback(Transaction transaction) {
        try {
            transaction.rollback().await().indefinitely();
        } catch (RuntimeException e) {
            LOG.debug("rollback failed too; the connection is closed next", e);
        }
    }
}
