package org.supervisionhub.sync;

import java.time.Duration;
import java.util.Optional;

/**
 * How a target answered one delivery: accepted, asked to slow down (with the delay it asked for), or failed
 * (counted towards the dead-letter limit).
 */
public record DeliveryResult(Outcome outcome, Optional<Duration> retryAfter, String detail) {

    public enum Outcome {
        DELIVERED,
        THROTTLED,
        FAILED
    }

    public static DeliveryResult delivered() {
        return new DeliveryResult(Outcome.DELIVERED, Optional.empty(), null);
    }

    public static DeliveryResult throttled(Duration retryAfter) {
        return new DeliveryResult(Outcome.THROTTLED, Optional.of(retryAfter), "429 Too Many Requests");
    }

    public static DeliveryResult failed(String detail) {
        return new DeliveryResult(Outcome.FAILED, Optional.empty(), detail);
    }
}
