package org.supervisionhub.sync;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Delivery of the outbox to its targets, and the inbox of the national platform's callbacks. */
@ConfigMapping(prefix = "hub.sync")
public interface SyncConfig {

    /** The national platform. */
    National national();

    /** How the relay delivers. */
    Relay relay();

    /** How the inbox is processed. */
    Inbox inbox();

    interface National {

        /** Base URL of the national platform's exchange interface; without it the relay does not run. */
        Optional<String> url();

        /** The envelope's source: region code | department code of the provincial hub. Defaults to 450000|GX_HUB. */
        @WithDefault("450000|GX_HUB")
        String source();

        /** Time allowed for one delivery, connection included. Defaults to 10 seconds. */
        @WithDefault("PT10S")
        Duration timeout();

        /**
         * Shared secrets that sign the platform's callbacks (HMAC-SHA256), by key id. Two may be active at once
         * while the platform rotates; from a Secret. Without any, callbacks need a national OIDC token.
         */
        java.util.Map<String, String> callbackKeys();

        /** Largest tolerated difference between a callback's timestamp and the hub's clock. Defaults to 5 minutes. */
        @WithDefault("PT5M")
        Duration callbackClockSkew();
    }

    interface Relay {

        /** Whether this replica relays. Defaults to true (it runs only where a target URL is configured). */
        @WithDefault("true")
        boolean enabled();

        /** Events per delivery. Defaults to 200. */
        @WithDefault("200")
        int batchSize();

        /**
         * Batches in flight at once per target on this replica, each claimed and delivered by a relay thread of its
         * own, so the target's latency overlaps; a target's rate limit still holds for all of them together. Events
         * of one aggregate still go one after the other. Defaults to 4.
         */
        @WithDefault("4")
        int concurrency();

        /** How long a replica holds the events it is delivering before another may take them. Defaults to 30 s. */
        @WithDefault("PT30S")
        Duration lease();

        /** Attempts before an event becomes a dead letter. Defaults to 10. */
        @WithDefault("10")
        int maxAttempts();

        /** First retry delay; it doubles per attempt, with ±50% jitter. Defaults to 1 second. */
        @WithDefault("PT1S")
        Duration backoffBase();

        /** Longest retry delay. Defaults to 5 minutes. */
        @WithDefault("PT5M")
        Duration backoffMax();

        /** How often to look for due events when no notification arrives. Defaults to 5 seconds. */
        @WithDefault("PT5S")
        Duration pollInterval();

        /**
         * How long delivered events are kept before they are purged (hourly). Pulling systems must pull within it.
         * Defaults to 7 days.
         */
        @WithDefault("P7D")
        Duration retention();
    }

    interface Inbox {

        /** How often to look for due inbox messages when no callback wakes the processor. Defaults to 1 second. */
        @WithDefault("PT1S")
        Duration pollInterval();

        /**
         * Attempts before a failing message is left FAILED for an admin; retries wait 1, 2, 4, ... seconds. Defaults
         * to 8.
         */
        @WithDefault("8")
        int maxAttempts();

        /**
         * How long processed and superseded messages are kept before they are purged (hourly). The highest revision
         * purged of each message is remembered, so a late duplicate is still recognised. Received and failed messages
         * are never purged. Defaults to 30 days.
         */
        @WithDefault("P30D")
        Duration retention();
    }
}
