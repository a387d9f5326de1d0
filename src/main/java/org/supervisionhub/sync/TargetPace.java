package org.supervisionhub.sync;

import java.util.concurrent.atomic.AtomicLong;

/**
 * When a target may get its next batch, shared by all the relay threads of the target on this replica: a hold (a 429
 * asked for a pause, the circuit breaker is open) and the target's rate limit. A thread reserves the time its batch
 * costs before it claims, so N threads together send no more than the rate allows: a batch of n events at time t is
 * followed by no other batch before t + n / rate.
 */
final class TargetPace {

    private final int ratePerSecond;
    private final AtomicLong heldUntil = new AtomicLong();
    private final AtomicLong nextFree = new AtomicLong();

    TargetPace(int ratePerSecond) {
        this.ratePerSecond = ratePerSecond;
    }

    boolean limited() {
        return ratePerSecond != Integer.MAX_VALUE;
    }

    /** Holds every thread of the target for {@code millis} from {@code now} (a longer hold already set stays). */
    void hold(long now, long millis) {
        heldUntil.accumulateAndGet(now + millis, Math::max);
    }

    /** How long a thread must still wait before it may claim (0: now). */
    long delay(long now) {
        long held = heldUntil.get() - now;
        long free = limited() ? nextFree.get() - now : 0;
        return Math.max(0, Math.max(held, free));
    }

    /**
     * Reserves the time {@code events} events cost, if the target is free now. Returns the reservation's end (the
     * handle to {@link #refund} with), or -1 if another thread got there first or the target is not free yet.
     */
    long reserve(long now, int events) {
        if (!limited()) {
            return 0;
        }
        long current = nextFree.get();
        if (current > now) {
            return -1;
        }
        long end = now + cost(events);
        return nextFree.compareAndSet(current, end) ? end : -1;
    }

    /** Gives back the part of a reservation that was not used (fewer events claimed than reserved). */
    void refund(long reservation, int unused) {
        if (limited() && unused > 0) {
            nextFree.compareAndSet(reservation, reservation - cost(unused));
        }
    }

    private long cost(int events) {
        return (long) Math.ceil(events * 1000.0 / ratePerSecond);
    }
}
