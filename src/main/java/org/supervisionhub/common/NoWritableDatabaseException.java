package org.supervisionhub.common;

/**
 * No configured database server takes writes at the moment (all unreachable, or all standbys: a failover is in
 * progress). A new connection fails with it; {@link DatabaseFailures} counts it as unavailable, so it is retried.
 */
public class NoWritableDatabaseException extends RuntimeException {

    public NoWritableDatabaseException(String message) {
        super(message, null, false, false);
    }
}
