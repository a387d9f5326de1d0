package org.supervisionhub.common;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.scheduler.Scheduled;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Eventually;
import org.supervisionhub.support.Management;

/**
 * The liveness probe notices background work that has stopped: a worker whose thread died, a scheduled job that has
 * not finished a run for three of its intervals. Both make {@code /q/health/live} answer 503, so the kubelet restarts
 * the pod; the hub is live again once the work goes on.
 */
@QuarkusTest
class BackgroundWorkLivenessTest {

    private static final Instant T0 = Instant.parse("2026-01-01T00:00:00Z");
    private static final Duration GRACE = Duration.ofMinutes(5);

    @Inject
    Workers workers;

    @Inject
    Scheduler scheduler;

    private static int liveStatus() {
        return Management.given().get("/q/health/live").then().extract().statusCode();
    }

    /** The data of the background-work check. */
    private static Map<String, Object> backgroundWork() {
        JsonPath health =
                Management.given().get("/q/health/live").then().extract().jsonPath();
        List<Map<String, Object>> checks = health.getList("checks");
        return checks.stream()
                .filter(check -> "background-work".equals(check.get("name")))
                .findFirst()
                .orElseThrow();
    }

    @Test
    void aWorkerWhoseThreadDiedMakesTheHubNotLiveUntilItIsStopped() {
        String name = "test-dying-worker-" + UUID.randomUUID();
        // An interrupt during the pause ends the worker's loop: its thread is gone while it should still be running.
        Workers.Worker worker = workers.start(
                name,
                () -> {
                    Thread.currentThread().interrupt();
                    return Duration.ofSeconds(1);
                },
                Duration.ofSeconds(1),
                Duration.ofSeconds(1));
        try {
            Eventually.await(
                    "the worker's thread has died", () -> workers.deadWorkers().contains(name));

            assertThat(liveStatus()).isEqualTo(503);
            Map<String, Object> check = backgroundWork();
            assertThat(check.get("status")).isEqualTo("DOWN");
            assertThat(((Map<?, ?>) check.get("data")).get("deadWorkers")).isEqualTo(name);
        } finally {
            worker.stop();
        }
        assertThat(liveStatus()).isEqualTo(200);
    }

    @Test
    void aScheduledJobThatHasNotFinishedForThreeIntervalsMakesTheHubNotLiveUntilItFinishes() {
        String id = "test-hung-job-" + UUID.randomUUID();
        CountDownLatch release = new CountDownLatch(1);
        scheduler
                .newJob(id)
                .setInterval("1s")
                .setConcurrentExecution(Scheduled.ConcurrentExecution.SKIP)
                .setTask(execution -> {
                    try {
                        release.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                })
                .schedule();
        try {
            assertThat(liveStatus())
                    .as("a job that was just scheduled is not overdue")
                    .isEqualTo(200);

            Eventually.await("the hung job makes the hub not live", () -> liveStatus() == 503);
            Management.given()
                    .get("/q/health/live")
                    .then()
                    .statusCode(503)
                    .body("status", equalTo("DOWN"))
                    .body("checks.find { it.name == 'background-work' }.data.overdueJobs", equalTo(id))
                    .body("checks.name", hasItem("background-work"));

            release.countDown();
            Eventually.await("the finished job makes the hub live again", () -> liveStatus() == 200);
        } finally {
            release.countDown();
            scheduler.unscheduleJob(id);
        }
    }

    @Test
    void aJobIsOverdueOnlyAfterTheAllowedNumberOfIntervalsWithoutAFinishedRun() {
        Instant previous = T0.plusSeconds(3600);
        Instant next = T0.plusSeconds(7200);

        assertThat(BackgroundWorkLiveness.overdue(T0.plusSeconds(3 * 3600), T0, previous, next, 3, GRACE))
                .isFalse();
        assertThat(BackgroundWorkLiveness.overdue(T0.plusSeconds(3 * 3600 + 1), T0, previous, next, 3, GRACE))
                .isTrue();
    }

    @Test
    void beforeItsFirstFireAJobIsOverdueOnlyWhenThatFireIsLateBeyondTheGrace() {
        Instant firstFire = T0.plusSeconds(5);

        assertThat(BackgroundWorkLiveness.overdue(firstFire.plus(GRACE), T0, null, firstFire, 3, GRACE))
                .isFalse();
        assertThat(BackgroundWorkLiveness.overdue(firstFire.plus(GRACE).plusSeconds(1), T0, null, firstFire, 3, GRACE))
                .isTrue();
    }
}
