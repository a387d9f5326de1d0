package org.supervisionhub.sync;

import java.util.List;

/**
 * Somewhere the outbox relay delivers to (the national platform, a docked system). The relay owns claiming, ordering,
 * retries, backoff and dead letters; a target only turns a batch into a call and says how it went. A target may throw
 * SmallRye's CircuitBreakerOpenException: the batch is then handed back without counting an attempt.
 */
public interface DeliveryTarget {

    /** The outbox {@code target} column this target delivers. */
    String name();

    DeliveryResult deliver(List<OutboxEvent> events);

    /** The name of the target's circuit breaker, if it has one (for status). */
    default String breakerName() {
        return null;
    }

    /** Events per delivery, if the target has a limit of its own (else the relay's). */
    default int batchSize() {
        return Integer.MAX_VALUE;
    }

    /** Events per second the target accepts, if it has a limit (else unlimited). */
    default int ratePerSecond() {
        return Integer.MAX_VALUE;
    }
}
