package org.supervisionhub.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Eventually;

/** A periodic job that throws, even an Error, runs again at its next time, and its failures are counted. */
@QuarkusTest
class ScheduledFailuresTest {

    @Inject
    Scheduler scheduler;

    @Inject
    MeterRegistry registry;

    @Test
    void aScheduledJobThatThrowsAnErrorRunsAgainAndEveryFailureIsCounted() {
        AtomicInteger runs = new AtomicInteger();
        scheduler
                .newJob("test-throwing-job")
                .setInterval("1s")
                .setTask(execution -> {
                    runs.incrementAndGet();
                    throw new StackOverflowError("an Error from a scheduled run");
                })
                .schedule();
        try {
            Eventually.await("the job ran again after failing", () -> runs.get() >= 2);
            Eventually.await(
                    "its failures were counted",
                    () -> registry.counter(Workers.FAILURES, "loop", "test-throwing-job")
                                    .count()
                            >= 2);
        } finally {
            scheduler.unscheduleJob("test-throwing-job");
        }
    }
}
