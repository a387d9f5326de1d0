package org.supervisionhub.disclosure;

import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import org.supervisionhub.common.limit.ClientAddresses;
import org.supervisionhub.common.limit.Limit;
import org.supervisionhub.common.limit.RateLimiter;

/**
 * Rate limit of the public disclosure reads, per client address and shared by every replica (counted in Redis by
 * {@link RateLimiter}), so the 曝光台 can be browsed but not scraped wholesale. While Redis is down it fails open to
 * each replica's own token bucket, as the credential scan does.
 */
@Singleton
public class PublicReadLimiter {

    private final RateLimiter limiter;
    private final Limit limit;

    @Inject
    PublicReadLimiter(RateLimiter limiter, DisclosureConfig config) {
        this.limiter = limiter;
        DisclosureConfig.PublicRateLimit settings = config.publicRateLimit();
        this.limit = new Limit(
                "public-disclosure",
                settings.requests(),
                settings.period(),
                Limit.WhenStoreDown.LOCAL_BUCKET,
                settings.maxClients(),
                "public disclosure reads from this address");
    }

    /** Counts one read from the address; fails with 429 RATE_LIMITED past the limit. Blocking. */
    public void admit(String clientAddress) {
        limiter.admit(limit, ClientAddresses.key(clientAddress)).await().indefinitely();
    }
}
