package org.supervisionhub.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/** Where the database is (one host or a replicated set) and how transient failures are retried. */
@ConfigMapping(prefix = "hub.db")
public interface DatabaseConfig {

    /**
     * The database servers as {@code host:port}, in order of preference (HUB_DB_HOSTS, e.g.
     * {@code pg-a:5432,pg-b:5432}). Each replaces the host and port of {@code quarkus.datasource.reactive.url}, whose
     * database, credentials and parameters all hosts share. Defaults to the host of that URL (or its list of URLs).
     */
    Optional<List<String>> hosts();

    /**
     * Which server a new connection may use when there are several, as libpq's {@code target_session_attrs}:
     * {@code read-write} (the primary: not in recovery and not read-only) or {@code any}. A
     * {@code target_session_attrs} parameter in the reactive URL takes precedence. Defaults to read-write.
     */
    @WithDefault("read-write")
    TargetSessionAttrs targetSessionAttrs();

    /** How long a connection attempt to one server may take before the next one is tried. Defaults to 5 seconds. */
    @WithDefault("PT5S")
    Duration connectTimeout();

    /** Retries of transient failures in {@link BlockingTransactions}. */
    Retry retry();

    interface Retry {

        /** Attempts of one transaction in all, the first included. Defaults to 5. */
        @WithDefault("5")
        int attempts();

        /**
         * The pause before the second attempt after the database was unreachable or read-only, doubled before each
         * further one (0.25 + 0.5 + 1 + 2 s with the defaults: a failover of a few seconds is ridden out). Conflicts
         * (deadlock, serialization failure) are retried at once. Defaults to 250 milliseconds.
         */
        @WithDefault("PT0.25S")
        Duration backoff();
    }

    /** libpq's values of {@code target_session_attrs} that the hub supports. */
    enum TargetSessionAttrs {
        /** Any server that accepts the connection. */
        ANY,
        /** A server that takes writes: not a standby in recovery, {@code transaction_read_only} off. */
        READ_WRITE;

        /** The value as libpq spells it ({@code read-write}); also what the configuration accepts. */
        public static TargetSessionAttrs parse(String value) {
            for (TargetSessionAttrs attrs : values()) {
                if (attrs.name().replace('_', '-').equalsIgnoreCase(value.trim())) {
                    return attrs;
                }
            }
            throw new IllegalArgumentException(
                    "target_session_attrs must be any or read-write (other libpq values are not supported): " + value);
        }
    }
}
