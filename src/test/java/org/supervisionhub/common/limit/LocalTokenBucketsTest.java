package org.supervisionhub.common.limit;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

/** The fallback buckets of one replica. Plain JUnit with a hand-driven clock. */
class LocalTokenBucketsTest {

    private final AtomicLong nanos = new AtomicLong(1_000_000_000L);
    private final LocalTokenBuckets buckets = new LocalTokenBuckets(3, Duration.ofMinutes(1), 1000, nanos::get);

    @Test
    void aClientGetsItsLimitThenWaitsForTheNextToken() {
        assertThat(buckets.acquire("203.0.113.7")).isEmpty();
        assertThat(buckets.acquire("203.0.113.7")).isEmpty();
        assertThat(buckets.acquire("203.0.113.7")).isEmpty();

        assertThat(buckets.acquire("203.0.113.7")).hasValue(20);
    }

    @Test
    void tokensComeBackOverThePeriod() {
        for (int i = 0; i < 3; i++) {
            buckets.acquire("203.0.113.7");
        }
        nanos.addAndGet(Duration.ofSeconds(20).toNanos());

        assertThat(buckets.acquire("203.0.113.7")).isEmpty();
        assertThat(buckets.acquire("203.0.113.7")).hasValue(20);
    }

    @Test
    void clientsAreCountedSeparately() {
        for (int i = 0; i < 3; i++) {
            buckets.acquire("203.0.113.7");
        }

        assertThat(buckets.acquire("203.0.113.8")).isEmpty();
    }
}
