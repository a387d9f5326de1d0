package org.supervisionhub.officer;

import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.supervisionhub.common.limit.ClientAddresses;
import org.supervisionhub.common.limit.Limit;
import org.supervisionhub.common.limit.RateLimiter;

/**
 * Rate limit of the public verification endpoint, per client address and shared by every replica (counted in Redis
 * by {@link RateLimiter}). While Redis is down it fails open: each replica limits by its own token bucket, so scans
 * keep being answered. IPv6 clients are counted per /64, the block one subscriber usually gets. The address is the
 * connection's peer, or the X-Forwarded-For client when the peer is a configured trusted proxy
 * ({@code quarkus.http.proxy.*}).
 */
@Singleton
public class VerifyRateLimiter {

    /** The limit's name in Redis keys and metrics. */
    static final String NAME = "scan";

    private final RateLimiter limiter;
    private final Limit limit;

    @Inject
    VerifyRateLimiter(RateLimiter limiter, CredentialsConfig config) {
        this.limiter = limiter;
        this.limit = new Limit(
                NAME,
                config.verifyRateLimit().requests(),
                config.verifyRateLimit().period(),
                Limit.WhenStoreDown.LOCAL_BUCKET,
                config.verifyRateLimit().maxClients(),
                "verifications from this address");
    }

    /** Counts one scan from the address; fails with 429 RATE_LIMITED past the limit. */
    public Uni<Void> admit(String clientAddress) {
        return limiter.admit(limit, ClientAddresses.key(clientAddress));
    }

    /** The Redis key counting the address's scans. */
    String key(String clientAddress) {
        return limiter.key(limit, ClientAddresses.key(clientAddress));
    }
}
