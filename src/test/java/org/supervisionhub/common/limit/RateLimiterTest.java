package org.supervisionhub.common.limit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.HubException;

/** The fixed-window counter in Redis, as two replicas see it: two limiter instances on one Redis. */
@QuarkusTest
class RateLimiterTest {

    @Inject
    RateLimiter replicaA;

    @Inject
    ReactiveRedisDataSource reactiveRedis;

    @Inject
    RedisDataSource redis;

    @Inject
    RateLimitConfig config;

    @Inject
    MeterRegistry registry;

    /** A limit no other test uses, so its counters are its own. */
    private static Limit newLimit(int requests) {
        return new Limit(
                "test-" + UUID.randomUUID(),
                requests,
                Duration.ofMinutes(1),
                Limit.WhenStoreDown.REFUSE,
                0,
                "test requests");
    }

    private static void admitted(RateLimiter limiter, Limit limit, String client) {
        limiter.admit(limit, client).await().atMost(Duration.ofSeconds(5));
    }

    private static HubException refused(RateLimiter limiter, Limit limit, String client) {
        return catchThrowableOfType(
                () -> limiter.admit(limit, client).await().atMost(Duration.ofSeconds(5)), HubException.class);
    }

    @Test
    void twoReplicasShareOneCount() {
        RateLimiter replicaB = new RateLimiter(reactiveRedis, config, registry);
        Limit limit = newLimit(3);

        admitted(replicaA, limit, "client-1");
        admitted(replicaB, limit, "client-1");
        admitted(replicaA, limit, "client-1");

        HubException refusal = refused(replicaB, limit, "client-1");
        assertThat(refusal).isNotNull();
        assertThat(refusal.status()).isEqualTo(429);
        assertThat(refusal.code()).isEqualTo("RATE_LIMITED");
        assertThat(refused(replicaA, limit, "client-1")).isNotNull();
    }

    @Test
    void clientsAreCountedApart() {
        Limit limit = newLimit(1);
        admitted(replicaA, limit, "client-1");

        admitted(replicaA, limit, "client-2");
        assertThat(refused(replicaA, limit, "client-1")).isNotNull();
    }

    @Test
    void retryAfterIsWhatRemainsOfTheWindow() {
        Limit limit = newLimit(2);
        redis.execute("SET", replicaA.key(limit, "client-1"), "2", "PX", "30000");

        HubException refusal = refused(replicaA, limit, "client-1");

        assertThat(Long.parseLong(refusal.headers().get("Retry-After"))).isBetween(29L, 30L);
    }

    @Test
    void theFirstRequestOfAWindowSetsItsExpiry() {
        Limit limit = newLimit(5);

        admitted(replicaA, limit, "client-1");

        assertThat(redis.execute("PTTL", replicaA.key(limit, "client-1")).toLong())
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(1).toMillis());
    }

    @Test
    void aCounterLeftWithoutExpiryGetsOneSoItCannotBlockForever() {
        Limit limit = newLimit(5);
        redis.execute("SET", replicaA.key(limit, "client-1"), "9");

        assertThat(refused(replicaA, limit, "client-1")).isNotNull();

        assertThat(redis.execute("PTTL", replicaA.key(limit, "client-1")).toLong())
                .isPositive()
                .isLessThanOrEqualTo(Duration.ofMinutes(1).toMillis());
    }
}
