package org.supervisionhub.common;

import io.quarkus.scheduler.FailedExecution;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.scheduler.SuccessfulExecution;
import io.quarkus.scheduler.Trigger;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.eclipse.microprofile.health.HealthCheck;
import org.eclipse.microprofile.health.HealthCheckResponse;
import org.eclipse.microprofile.health.HealthCheckResponseBuilder;
import org.eclipse.microprofile.health.Liveness;

/**
 * Liveness of the background work (check {@code background-work} in {@code /q/health/live}): DOWN when a
 * {@link Workers} worker's thread has died without being stopped, or when a scheduled job has not finished a run for
 * {@code hub.health.missed-intervals} of its intervals (a hung run, or a scheduler that no longer fires it). A restart
 * is the remedy for both, which is what the kubelet does with a pod that is not live. Jobs paused on purpose do not
 * count; a job that runs and fails counts as run (failing again after a restart would not help).
 */
@Liveness
@ApplicationScoped
public class BackgroundWorkLiveness implements HealthCheck {

    static final String NAME = "background-work";

    @Inject
    Workers workers;

    @Inject
    Scheduler scheduler;

    @Inject
    HealthConfig config;

    private final Map<String, Instant> lastFinished = new ConcurrentHashMap<>();
    private final Map<String, Instant> firstSeen = new ConcurrentHashMap<>();

    void finished(@Observes SuccessfulExecution event) {
        lastFinished.put(event.getExecution().getTrigger().getId(), Instant.now());
    }

    void failed(@Observes FailedExecution event) {
        lastFinished.put(event.getExecution().getTrigger().getId(), Instant.now());
    }

    @Override
    public HealthCheckResponse call() {
        Instant now = Instant.now();
        List<String> dead = workers.deadWorkers();
        List<String> overdue = new ArrayList<>();
        for (Trigger job : scheduler.getScheduledJobs()) {
            if (scheduler.isPaused(job.getId())) {
                continue;
            }
            Instant since = lastFinished.getOrDefault(job.getId(), firstSeen.computeIfAbsent(job.getId(), id -> now));
            if (overdue(
                    now,
                    since,
                    job.getPreviousFireTime(),
                    job.getNextFireTime(),
                    config.missedIntervals(),
                    config.firstFireGrace())) {
                overdue.add(job.getId());
            }
        }
        HealthCheckResponseBuilder response = HealthCheckResponse.named(NAME)
                .status(dead.isEmpty() && overdue.isEmpty())
                .withData("workers", workers.runningWorkers())
                .withData("scheduledJobs", scheduler.getScheduledJobs().size());
        if (!dead.isEmpty()) {
            response.withData("deadWorkers", String.join(",", dead));
        }
        if (!overdue.isEmpty()) {
            response.withData("overdueJobs", String.join(",", overdue));
        }
        return response.build();
    }

    /**
     * Whether a job is overdue. Once it has fired (so its interval is known, as the time between its previous and
     * next fire): when it has not finished a run for more than {@code missedIntervals} intervals since {@code since}
     * (its last finished run, or when it was first seen). Before its first fire: when that fire is late by more than
     * {@code firstFireGrace} (the scheduler no longer fires anything).
     */
    static boolean overdue(
            Instant now,
            Instant since,
            Instant previousFire,
            Instant nextFire,
            int missedIntervals,
            Duration firstFireGrace) {
        if (previousFire == null || nextFire == null || !nextFire.isAfter(previousFire)) {
            return nextFire != null && Duration.between(nextFire, now).compareTo(firstFireGrace) > 0;
        }
        Duration interval = Duration.between(previousFire, nextFire);
        return Duration.between(since, now).compareTo(interval.multipliedBy(missedIntervals)) > 0;
    }
}
