package org.supervisionhub.officer;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** Plain JUnit with a hand-driven clock. */
class VerifyRateLimiterTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final VerifyRateLimiter limiter = new VerifyRateLimiter(3, Duration.ofMinutes(1), 1000, nanos::get);

    @Test
    void aClientGetsItsLimitThenWaitsForTheNextToken() {
        assertThat(limiter.acquire("203.0.113.7")).isEmpty();
        assertThat(limiter.acquire("203.0.113.7")).isEmpty();
        assertThat(limiter.acquire("203.0.113.7")).isEmpty();

        assertThat(limiter.acquire("203.0.113.7")).hasValue(20);
    }

    @Test
    void tokensComeBackOverThePeriod() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("203.0.113.7");
        }
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());

        assertThat(limiter.acquire("203.0.113.7")).isEmpty();
        assertThat(limiter.acquire("203.0.113.7")).hasValue(20);
    }

    @Test
    void clientsAreCountedSeparately() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("203.0.113.7");
        }

        assertThat(limiter.acquire("203.0.113.8")).isEmpty();
    }

    @Test
    void ipv6ClientsAreCountedPerSlash64() {
        assertThat(VerifyRateLimiter.clientKey("2001:db8:1:2:aaaa::1"))
                .isEqualTo(VerifyRateLimiter.clientKey("2001:db8:1:2:bbbb::2"))
                .isNotEqualTo(VerifyRateLimiter.clientKey("2001:db8:1:3::1"));
        assertThat(VerifyRateLimiter.clientKey("::ffff:203.0.113.7")).isEqualTo("203.0.113.7");
        assertThat(VerifyRateLimiter.clientKey(null)).isEqualTo("unknown");
    }

    @Test
    void resetForgetsEveryClient() {
        for (int i = 0; i < 3; i++) {
            limiter.acquire("203.0.113.7");
        }

        limiter.reset();

        assertThat(limiter.acquire("203.0.113.7")).isEmpty();
    }
}
