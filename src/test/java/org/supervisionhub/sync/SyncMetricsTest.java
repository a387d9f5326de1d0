package org.supervisionhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class SyncMetricsTest {

    @Test
    void quickReadsOfTheFiguresAreRepeatedEverySecond() {
        assertThat(SyncMetrics.nextReadAfter(0)).isEqualTo(1000);
        assertThat(SyncMetrics.nextReadAfter(50)).isEqualTo(1000);
    }

    @Test
    void aSlowReadUnderABacklogWaitsTwentyTimesItsDurationSoCountingTakesAtMostATwentiethOfTheTime() {
        assertThat(SyncMetrics.nextReadAfter(611)).isEqualTo(12_220);
    }
}
