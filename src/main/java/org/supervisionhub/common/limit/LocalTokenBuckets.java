package org.supervisionhub.common.limit;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Token buckets of one replica, the fallback of a limit while Redis is down: a bucket per client holding
 * {@code requests} tokens, refilled at {@code requests} per {@code period}. Buckets live in a Caffeine cache bounded
 * by {@code maxClients} and are forgotten once full again (after one idle period), so memory stays bounded whatever
 * the traffic.
 */
public final class LocalTokenBuckets {

    private final int capacity;
    private final double nanosPerToken;
    private final LongSupplier clock;
    private final Cache<String, Bucket> buckets;

    public LocalTokenBuckets(int requests, Duration period, long maxClients, LongSupplier nanoClock) {
        if (requests < 1 || period.isZero() || period.isNegative() || maxClients < 1) {
            throw new IllegalStateException(
                    "a token bucket needs requests >= 1, a positive period and max clients >= 1");
        }
        this.capacity = requests;
        this.nanosPerToken = (double) period.toNanos() / requests;
        this.clock = nanoClock;
        this.buckets = Caffeine.newBuilder()
                .maximumSize(maxClients)
                .expireAfterAccess(period)
                .build();
    }

    /**
     * Takes one request from the client's bucket.
     *
     * @return empty when the request may proceed, otherwise the whole seconds to wait (Retry-After)
     */
    public OptionalLong acquire(String client) {
        Bucket bucket = buckets.get(client, key -> new Bucket(capacity, clock.getAsLong()));
        return bucket.take(capacity, nanosPerToken, clock.getAsLong());
    }

    /** Tokens of one client. */
    private static final class Bucket {

        private double tokens;
        private long refilledAt;

        Bucket(int capacity, long now) {
            this.tokens = capacity;
            this.refilledAt = now;
        }

        synchronized OptionalLong take(int capacity, double nanosPerToken, long now) {
            tokens = Math.min(capacity, tokens + (now - refilledAt) / nanosPerToken);
            refilledAt = now;
            if (tokens >= 1) {
                tokens -= 1;
                return OptionalLong.empty();
            }
            double waitNanos = (1 - tokens) * nanosPerToken;
            return OptionalLong.of(Math.max(1, (long) Math.ceil(waitNanos / 1_000_000_000d)));
        }
    }
}
