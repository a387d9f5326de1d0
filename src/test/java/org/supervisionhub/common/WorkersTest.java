package org.supervisionhub.common;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/** The worker loop: named threads, surviving every Throwable, woken early, stopped gracefully. */
class WorkersTest {

    private final Workers workers = new Workers();

    @Test
    void aRoundThatThrowsEvenAnErrorDoesNotEndTheWorker() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(1);
        Workers.Worker worker = workers.start(
                "test-worker",
                () -> {
                    int round = rounds.incrementAndGet();
                    if (round == 1) {
                        throw new IllegalStateException("first round fails");
                    }
                    if (round == 2) {
                        throw new AssertionError("an Error too");
                    }
                    third.countDown();
                    return Duration.ofHours(1);
                },
                Duration.ofMillis(10),
                Duration.ofSeconds(5));
        try {
            assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(worker.name()).isEqualTo("test-worker");
        } finally {
            worker.stop();
        }
    }

    @Test
    void everyFailedRoundIsCountedUnderTheWorkersName() throws InterruptedException {
        SimpleMeterRegistry meters = new SimpleMeterRegistry();
        workers.registry = meters;
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch third = new CountDownLatch(1);
        Workers.Worker worker = workers.start(
                "test-counted",
                () -> {
                    int round = rounds.incrementAndGet();
                    if (round == 1) {
                        throw new StackOverflowError("an Error");
                    }
                    if (round == 2) {
                        throw new IllegalStateException("an exception");
                    }
                    third.countDown();
                    return Duration.ofHours(1);
                },
                Duration.ofMillis(10),
                Duration.ofSeconds(5));
        try {
            assertThat(third.await(5, TimeUnit.SECONDS)).isTrue();
            assertThat(meters.counter(Workers.FAILURES, "loop", "test-counted").count())
                    .isEqualTo(2.0);
        } finally {
            worker.stop();
        }
    }

    @Test
    void wakeCutsThePauseShortAndStopEndsTheThread() throws InterruptedException {
        AtomicInteger rounds = new AtomicInteger();
        CountDownLatch second = new CountDownLatch(2);
        Thread[] thread = new Thread[1];
        Workers.Worker worker = workers.start(
                "test-sleeper",
                () -> {
                    thread[0] = Thread.currentThread();
                    rounds.incrementAndGet();
                    second.countDown();
                    return Duration.ofHours(1);
                },
                Duration.ofHours(1),
                Duration.ofSeconds(5));
        Thread.sleep(100);
        worker.wake();
        assertThat(second.await(5, TimeUnit.SECONDS)).isTrue();
        assertThat(thread[0].getName()).isEqualTo("test-sleeper");
        assertThat(thread[0].isDaemon()).isTrue();

        worker.stop();

        assertThat(thread[0].isAlive()).isFalse();
        assertThat(worker.isRunning()).isFalse();
        assertThat(rounds.get()).isEqualTo(2);
    }
}
