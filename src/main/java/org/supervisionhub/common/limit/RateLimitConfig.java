package org.supervisionhub.common.limit;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/**
 * Where the cluster-wide rate limits keep their counters: the Redis server of {@code quarkus.redis.hosts}, shared by
 * every replica. The limits themselves (how many, per what) belong to the features that apply them.
 */
@ConfigMapping(prefix = "hub.limits")
public interface RateLimitConfig {

    /** Prefix of every counter key in Redis; defaults to {@code hub:limit:}. */
    @WithDefault("hub:limit:")
    String keyPrefix();

    /** How long one counter update may take before Redis counts as down; defaults to 500 ms. */
    @WithDefault("PT0.5S")
    Duration storeTimeout();

    /**
     * After Redis failed, how long the limits answer from their fallback without asking Redis again (so a dead or
     * unreachable Redis costs one timeout per interval, not one per request); defaults to 2 seconds.
     */
    @WithDefault("PT2S")
    Duration storeRetryInterval();
}
