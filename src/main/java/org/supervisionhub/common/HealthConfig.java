package org.supervisionhub.common;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** What the liveness check tolerates of the background work. */
@ConfigMapping(prefix = "hub.health")
public interface HealthConfig {

    /**
     * A scheduled job that has not finished a run for this many of its intervals makes the hub not live (it hangs, or
     * the scheduler stopped firing it); defaults to 3.
     */
    @WithDefault("3")
    int missedIntervals();

    /**
     * A scheduled job whose first run is this late makes the hub not live (the scheduler fires nothing); defaults to
     * 5 minutes.
     */
    @WithDefault("PT5M")
    Duration firstFireGrace();
}
