package org.supervisionhub.officer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.inject.Inject;
import jakarta.inject.Singleton;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.Arrays;
import java.util.OptionalLong;
import java.util.function.LongSupplier;

/**
 * Rate limit of the public verification endpoint: a token bucket per client address holding
 * {@code requests} tokens, refilled at {@code requests} per {@code period}. Buckets live in a Caffeine cache
 * bounded by {@code maxClients} and forgotten once full again (after one idle period), so memory stays bounded
 * whatever the traffic. IPv6 clients are counted per /64, the block one subscriber usually gets. The limit is
 * per replica: with N replicas a client gets at most N times the limit.
 */
@Singleton
public class VerifyRateLimiter {

    private final int capacity;
    private final double nanosPerToken;
    private final LongSupplier clock;
    private final Cache<String, Bucket> buckets;

    @Inject
    VerifyRateLimiter(CredentialsConfig config) {
        this(
                config.verifyRateLimit().requests(),
                config.verifyRateLimit().period(),
                config.verifyRateLimit().maxClients(),
                System::nanoTime);
    }

    VerifyRateLimiter(int requests, Duration period, long maxClients, LongSupplier nanoClock) {
        if (requests < 1 || period.isZero() || period.isNegative() || maxClients < 1) {
            throw new IllegalStateException("hub.credentials.verify-rate-limit needs requests >= 1, a positive period "
                    + "and max-clients >= 1");
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
     * Takes one request from the address's bucket.
     *
     * @return empty when the request may proceed, otherwise the whole seconds to wait (Retry-After)
     */
    public OptionalLong acquire(String clientAddress) {
        Bucket bucket = buckets.get(clientKey(clientAddress), key -> new Bucket(capacity, clock.getAsLong()));
        return bucket.take(capacity, nanosPerToken, clock.getAsLong());
    }

    /** Forgets every client: for tests, which share one address. */
    void reset() {
        buckets.invalidateAll();
    }

    /** The address a client is counted by: IPv4 as is, IPv6 by its /64 prefix. */
    static String clientKey(String address) {
        if (address == null || address.isBlank()) {
            return "unknown";
        }
        if (address.indexOf(':') < 0) {
            return address;
        }
        try {
            // A literal address: parsed without any name lookup.
            byte[] bytes = InetAddress.getByName(address.startsWith("[") ? address : "[" + address + "]")
                    .getAddress();
            if (bytes.length == 16) {
                return "v6:" + Arrays.toString(Arrays.copyOf(bytes, 8));
            }
            return InetAddress.getByAddress(bytes).getHostAddress();
        } catch (UnknownHostException e) {
            return address;
        }
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
