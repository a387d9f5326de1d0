package org.supervisionhub.common;

import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.scheduler.FailedExecution;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * The one place that starts long-running background threads (outbox relays, the inbox processor, the upload job
 * worker). Each worker is a named daemon thread running one loop: a round of work, then a pause the round chose,
 * cut short by {@link Worker#wake()}. A round that throws anything (an {@link Error} too) is logged and the loop goes
 * on after the worker's pause on failure, so one bad round never silently ends the worker. On shutdown every worker
 * is asked to stop, its round in progress finishes, and {@link Worker#stop} waits for it up to the worker's grace.
 * Periodic jobs (hourly purges, checks) use quarkus-scheduler's {@code @Scheduled} instead: the scheduler catches
 * anything a run throws, logs it and runs the job again at its next time. Every failure of either kind is counted in
 * {@value #FAILURES}, tagged with the worker's name or the job's identity.
 */
@ApplicationScoped
public class Workers {

    /** The counter of failed rounds and failed scheduled runs. */
    public static final String FAILURES = "hub.background.failures";

    private static final Logger LOG = Logger.getLogger(Workers.class);

    private final List<Worker> started = new CopyOnWriteArrayList<>();

    private final List<ExecutorService> taskPools = new CopyOnWriteArrayList<>();

    /** Where failures are counted; absent outside CDI (plain unit tests), where they are only logged. */
    @Inject
    MeterRegistry registry;

    /** One round of a worker's loop. */
    @FunctionalInterface
    public interface Round {

        /** Does one round of work; returns how long to pause before the next (zero or less: go on at once). */
        Duration run() throws Exception;
    }

    /**
     * Starts a worker thread named {@code name}.
     *
     * @param onFailure the pause after a round that threw
     * @param grace     how long shutdown waits for the round in progress
     */
    public Worker start(String name, Round round, Duration onFailure, Duration grace) {
        Worker worker = new Worker(name, round, onFailure, grace, () -> countFailure(name));
        started.add(worker);
        worker.thread.start();
        return worker;
    }

    /**
     * Names of the workers whose thread has ended although nobody asked them to stop: their loop is gone, so the work
     * they own no longer happens. The liveness check reports them.
     */
    public List<String> deadWorkers() {
        return started.stream()
                .filter(worker -> worker.running && !worker.thread.isAlive())
                .map(Worker::name)
                .toList();
    }

    /** How many workers have been started and not stopped. */
    public int runningWorkers() {
        return (int) started.stream().filter(Worker::isRunning).count();
    }

    /** A scheduled run threw (the scheduler has logged it and runs the job again at its next time). */
    void scheduledRunFailed(@Observes FailedExecution failed) {
        countFailure(failed.getExecution().getTrigger().getId());
    }

    private void countFailure(String loop) {
        MeterRegistry meters = registry;
        if (meters != null) {
            meters.counter(FAILURES, "loop", loop).increment();
        }
    }

    /**
     * A fixed pool of {@code threads} daemon threads named {@code name-<n>} for short tasks that must not queue behind
     * the work waiting for them (an upload waits for its batch's write, and the upload holds a Quarkus worker thread).
     * Shut down with the workers; tasks still queued then are not run.
     */
    public ExecutorService taskPool(String name, int threads) {
        AtomicInteger number = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(threads, task -> {
            Thread thread = new Thread(task, name + "-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        taskPools.add(pool);
        return pool;
    }

    void stopAll(@Observes ShutdownEvent event) {
        taskPools.forEach(ExecutorService::shutdown);
        started.forEach(Worker::signalStop);
        for (Worker worker : started) {
            worker.stop();
        }
        started.clear();
    }

    /** A running worker. */
    public static final class Worker {

        private final String name;
        private final Round round;
        private final Duration onFailure;
        private final Duration grace;
        private final Runnable failed;
        private final Semaphore wake = new Semaphore(0);
        private final Thread thread;
        private volatile boolean running = true;

        private Worker(String name, Round round, Duration onFailure, Duration grace, Runnable failed) {
            this.name = name;
            this.round = round;
            this.onFailure = onFailure;
            this.grace = grace;
            this.failed = failed;
            this.thread = new Thread(this::loop, name);
            this.thread.setDaemon(true);
        }

        public String name() {
            return name;
        }

        /** Whether the worker has not been asked to stop. */
        public boolean isRunning() {
            return running;
        }

        /** Ends the current pause at once, so the next round starts now. */
        public void wake() {
            wake.release();
        }

        /** Asks the worker to stop and waits up to its grace for the round in progress. */
        public void stop() {
            signalStop();
            if (Thread.currentThread() == thread) {
                return;
            }
            try {
                thread.join(grace.toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            if (thread.isAlive()) {
                LOG.warnf("worker %s still busy after %s; left to end with the process", name, grace);
            }
        }

        private void signalStop() {
            running = false;
            wake.release();
        }

        private void loop() {
            while (running) {
                Duration pause;
                try {
                    pause = round.run();
                } catch (Throwable e) {
                    pause = onFailure;
                    try {
                        LOG.errorf(e, "worker %s: round failed; next round in %s", name, onFailure);
                        failed.run();
                    } catch (Throwable ignored) {
                        // Not even logging worked (out of memory?): the loop still goes on.
                    }
                }
                if (!running) {
                    return;
                }
                if (pause != null && pause.toMillis() > 0) {
                    try {
                        wake.tryAcquire(pause.toMillis(), TimeUnit.MILLISECONDS);
                        wake.drainPermits();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                        return;
                    }
                }
            }
        }
    }
}
