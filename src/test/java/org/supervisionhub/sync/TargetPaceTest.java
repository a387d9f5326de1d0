package org.supervisionhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The pace every relay thread of a target keeps: holds and the target's rate limit, shared. */
class TargetPaceTest {

    @Test
    void aTargetWithoutARateLimitIsNeverHeldBackByItsOtherThreads() {
        TargetPace pace = new TargetPace(Integer.MAX_VALUE);

        assertThat(pace.reserve(1_000, 200)).isZero();
        assertThat(pace.reserve(1_000, 200)).isZero();
        assertThat(pace.delay(1_000)).isZero();
    }

    @Test
    void aRateLimitHoldsForAllThreadsTogether() {
        TargetPace pace = new TargetPace(100);

        long first = pace.reserve(1_000, 200);

        // 200 events at 100/s: no other batch for two seconds, whichever thread asks.
        assertThat(first).isEqualTo(3_000);
        assertThat(pace.reserve(1_000, 200)).isEqualTo(-1);
        assertThat(pace.delay(1_500)).isEqualTo(1_500);
        assertThat(pace.reserve(3_000, 50)).isEqualTo(3_500);
    }

    @Test
    void eventsReservedButNotClaimedAreGivenBack() {
        TargetPace pace = new TargetPace(100);
        long reservation = pace.reserve(1_000, 200);

        pace.refund(reservation, 150);

        assertThat(pace.delay(1_000)).isEqualTo(500);
        assertThat(pace.reserve(1_500, 10)).isEqualTo(1_600);
    }

    @Test
    void aRefundAfterAnotherThreadReservedAgainLeavesThatReservationAlone() {
        TargetPace pace = new TargetPace(100);
        long stale = pace.reserve(1_000, 10);
        long current = pace.reserve(1_100, 200);

        pace.refund(stale, 10);

        assertThat(pace.delay(1_100)).isEqualTo(current - 1_100);
    }

    @Test
    void aHoldStopsEveryThreadAndALongerHoldWins() {
        TargetPace pace = new TargetPace(Integer.MAX_VALUE);

        pace.hold(1_000, 2_000);
        pace.hold(1_000, 500);

        assertThat(pace.delay(1_000)).isEqualTo(2_000);
        assertThat(pace.delay(3_000)).isZero();
    }
}
