package org.supervisionhub.adapter.staging;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** The staging-database (前置库) routes: whether this replica polls them, and the lease one poll holds. */
@ConfigMapping(prefix = "hub.staging")
public interface StagingConfig {

    /** Whether this replica starts a poller per system with staging routes. Defaults to true (false in tests). */
    @WithDefault("true")
    boolean poll();

    /**
     * How long one replica's claim on a route lasts: no other replica polls the route meanwhile. A poll round
     * (one batch of each route) must finish well within it. Defaults to PT2M.
     */
    @WithDefault("PT2M")
    Duration lease();

    /** How long connecting to a staging database or one of its statements may take. Defaults to PT30S. */
    @WithDefault("PT30S")
    Duration timeout();
}
