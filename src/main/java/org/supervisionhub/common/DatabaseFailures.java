package org.supervisionhub.common;

import io.vertx.pgclient.PgException;
import io.vertx.sqlclient.ClosedConnectionException;
import java.util.Set;

/**
 * The one classification of database failures: which left nothing committed and may succeed when tried again (and
 * why), and which are final. {@link BlockingTransactions} retries by it; {@link ProblemMapper} answers by it.
 */
public final class DatabaseFailures {

    /** What a failure means for another attempt. */
    public enum Kind {
        /** PostgreSQL aborted the transaction to resolve a conflict (deadlock, serialization): retry at once. */
        CONFLICT,
        /**
         * The database could not be reached or does not take writes now (connection lost or refused, a server going
         * down or starting up, a standby or a demoted primary, no read-write server among the hosts): retry after a
         * pause; a failover ends it.
         */
        UNAVAILABLE,
        /** Anything else: the same attempt would fail the same way. */
        FINAL
    }

    private static final Set<String> CONFLICTS = Set.of(
            "40P01", // deadlock_detected
            "40001"); // serialization_failure
    private static final Set<String> UNAVAILABLE = Set.of(
            "25006", // read_only_sql_transaction: the server reached is (now) a standby
            "57P01", // admin_shutdown: the server is going down (or the backend was terminated)
            "57P02", // crash_shutdown: another backend crashed, the server restarts
            "57P03", // cannot_connect_now: starting up, shutting down, or in recovery without hot standby
            "53300"); // too_many_connections: during a failover every replica reconnects at once

    /** Refusals that leave nothing committed, whenever they come. */
    private static final Set<String> REFUSED = Set.of(
            "25006", // read_only_sql_transaction: the statement was refused, the transaction cannot commit
            "57P03", // cannot_connect_now
            "53300", // too_many_connections
            "08001", // sqlclient_unable_to_establish_sqlconnection
            "08004"); // sqlserver_rejected_establishment_of_sqlconnection

    private DatabaseFailures() {}

    /** The kind of the failure, from the first cause that tells. */
    public static Kind classify(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            String state = sqlState(cause);
            if (state != null) {
                if (CONFLICTS.contains(state)) {
                    return Kind.CONFLICT;
                }
                // Class 08: connection exception (connection failure, does not exist, unable to connect, ...).
                return UNAVAILABLE.contains(state) || state.startsWith("08") ? Kind.UNAVAILABLE : Kind.FINAL;
            }
            if (cause instanceof ClosedConnectionException
                    || cause instanceof java.net.ConnectException
                    || cause instanceof java.net.SocketException
                    || cause instanceof java.nio.channels.ClosedChannelException
                    || cause instanceof NoWritableDatabaseException
                    || connectionReset(cause)
                    || notActive(cause)) {
                return Kind.UNAVAILABLE;
            }
        }
        return Kind.FINAL;
    }

    /**
     * Whether the failure certainly left nothing committed, even if it struck during the commit: PostgreSQL aborted the
     * transaction (a conflict), refused it (read-only, starting up, too many connections), or no connection was ever
     * made. A connection lost mid-way is not among them. For callers that cannot tell a failed commit from an earlier
     * failure ({@link ReactiveTransactions}).
     */
    public static boolean committedNothing(Throwable failure) {
        int depth = 0;
        for (Throwable cause = failure; cause != null && depth < 32; cause = cause.getCause(), depth++) {
            String state = sqlState(cause);
            if (state != null) {
                return CONFLICTS.contains(state) || REFUSED.contains(state);
            }
            if (cause instanceof java.net.ConnectException || cause instanceof NoWritableDatabaseException) {
                return true;
            }
        }
        return false;
    }

    /** The SQLSTATE as the driver reports it, or as Hibernate Reactive re-reports the driver's exception. */
    private static String sqlState(Throwable cause) {
        if (cause instanceof PgException pg) {
            return pg.getSqlState();
        }
        if (cause instanceof org.hibernate.JDBCException jdbc) {
            return jdbc.getSQLState();
        }
        if (cause instanceof java.sql.SQLException sql) {
            return sql.getSQLState();
        }
        return null;
    }

    /** Whether another attempt of the whole transaction may succeed. */
    public static boolean isTransient(Throwable failure) {
        return classify(failure) != Kind.FINAL;
    }

    /**
     * A command given to a pooled connection whose socket the server already closed: Vert.x fails it with an internal
     * {@code NoStackTraceThrowable} ("Connection is not active now, current status: CLOSED"), told apart by its text.
     */
    private static boolean notActive(Throwable cause) {
        return cause.getClass().getName().equals("io.vertx.core.impl.NoStackTraceThrowable")
                && cause.getMessage() != null
                && cause.getMessage().startsWith("Connection is not active now");
    }

    /**
     * A socket reset by the server (a killed or restarted PostgreSQL). The JDK reports it as a plain
     * {@link java.io.IOException} thrown by the native read, so it is told apart by the transport's message.
     */
    private static boolean connectionReset(Throwable cause) {
        return cause.getClass() == java.io.IOException.class
                && cause.getMessage() != null
                && (cause.getMessage().contains("Connection reset")
                        || cause.getMessage().contains("Broken pipe"));
    }
}
