package org.supervisionhub.common.limit;

import java.time.Duration;

/**
 * One cluster-wide rate limit: at most {@code requests} per {@code period} for each client id, counted in Redis.
 *
 * @param name         the limit's name: part of the Redis key and the metrics' {@code limit} tag
 * @param requests     requests allowed per period and client
 * @param period       the counting window
 * @param whenStoreDown what happens while Redis cannot be reached
 * @param localClients for {@link WhenStoreDown#LOCAL_BUCKET}: how many clients the local buckets track at most
 * @param refusal      what a refusal's detail says was too many, e.g. "verifications from this address"
 */
public record Limit(
        String name, int requests, Duration period, WhenStoreDown whenStoreDown, long localClients, String refusal) {

    /** What a limit does while its counters cannot be reached. */
    public enum WhenStoreDown {
        /** Fail closed: the request is refused with 503 RATE_LIMIT_UNAVAILABLE. */
        REFUSE,
        /** Fail open: a token bucket of this replica alone limits the client until Redis answers again. */
        LOCAL_BUCKET
    }

    public Limit {
        if (name == null || name.isBlank() || requests < 1 || period == null || period.toMillis() < 1) {
            throw new IllegalStateException(
                    "rate limit " + name + " needs requests >= 1 and a period of at least 1 ms");
        }
        if (whenStoreDown == WhenStoreDown.LOCAL_BUCKET && localClients < 1) {
            throw new IllegalStateException("rate limit " + name + " needs at least one locally tracked client");
        }
    }
}
