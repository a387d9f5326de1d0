package org.supervisionhub.sync;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.greaterThanOrEqualTo;
import static org.supervisionhub.support.Eventually.await;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Management;
import org.supervisionhub.support.NationalSimulatorResource;
import org.supervisionhub.support.Simulator;
import org.supervisionhub.support.Tokens;

@QuarkusTest
@WithTestResource(value = NationalSimulatorResource.class, scope = io.quarkus.test.common.TestResourceScope.GLOBAL)
class OutboxRelayTest {

    @Inject
    Db db;

    @Inject
    OutboxRetention retention;

    @Inject
    PullPositions positions;

    @Inject
    RecordingDeliveryListener listener;

    @Inject
    SyncConfig config;

    @Inject
    AgroalDataSource dataSource;

    @AfterEach
    void healthySimulator() {
        Simulator.healthy();
    }

    private String event(String aggregate, String eventType, String payload) {
        db.update("""
                insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)
                values ('national', 'relay-test', ?, ?, cast(? as jsonb))""", aggregate, eventType, payload);
        return "relay-test:" + aggregate;
    }

    private String status(String aggregate) {
        return (String) db.single(
                "select string_agg(status, ',' order by id) from outbox where aggregate_type = 'relay-test' "
                        + "and aggregate_id = ?",
                aggregate);
    }

    @Test
    void deliversAnEventOnceInTheExchangeEnvelope() {
        String aggregate = UUID.randomUUID().toString();
        String uniqueId = event(aggregate, "THING_CREATED", "{\"name\": \"甲\"}");

        await("the simulator has it", () -> Simulator.record(uniqueId) != null);

        var record = Simulator.record(uniqueId);
        assertThat(record.getString("operation")).isEqualTo("i");
        assertThat(record.getString("data.name")).isEqualTo("甲");
        assertThat(record.getString("source")).isEqualTo("450000|GX_HUB");
        assertThat(record.getString("batchNo")).matches("\\d{13}");
        assertThat(record.getInt("events")).isEqualTo(1);
        await("the event is marked delivered", () -> "DELIVERED".equals(status(aggregate)));
    }

    @Test
    void eventsOfOneAggregateArriveInTheirOrder() {
        String aggregate = UUID.randomUUID().toString();
        event(aggregate, "THING_CREATED", "{\"step\": 1}");
        event(aggregate, "THING_UPDATED", "{\"step\": 2}");
        String uniqueId = event(aggregate, "THING_DELETED", "{\"step\": 3}");

        await("all three delivered", () -> "DELIVERED,DELIVERED,DELIVERED".equals(status(aggregate)));

        var record = Simulator.record(uniqueId);
        assertThat(record.getInt("events")).isEqualTo(3);
        assertThat(record.getInt("data.step")).isEqualTo(3);
        assertThat(record.getString("operation")).isEqualTo("d");
    }

    @Test
    void withSeveralBatchesInFlightEachAggregatesEventsArriveInOrderAndEveryEventExactlyOnce() {
        // The test profile relays with the default concurrency (4 batches of 200 in flight); 20 ms per push makes
        // the batches overlap.
        assertThat(config.relay().concurrency()).isGreaterThan(1);
        Simulator.fault("slow", Map.of("latencyMs", 20, "count", -1));
        db.update(OrderRecordingDeliveryListener.TABLE);
        long duplicatesBefore = Simulator.stats().getLong("duplicates");
        String kind = OrderRecordingDeliveryListener.PREFIX
                + UUID.randomUUID().toString().substring(0, 8);
        int aggregates = 6;
        int steps = 25;
        int singles = 600;
        // One statement: the ordered aggregates' steps interleaved with each other and with the single events, so
        // the batches in flight hold some of each and an aggregate's next step waits while its last is out.
        db.update(
                """
                insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)
                select 'national', ?, aggregate_id, event_type, payload from (
                    select n * 10 as position, 'ordered-' || (n % ?) as aggregate_id,
                           'THING_STEP_' || (n / ?) as event_type, jsonb_build_object('step', n / ?) as payload
                    from generate_series(0, ? - 1) n
                    union all
                    select n * 10 * ? / ? + 5, 'single-' || n, 'THING_CREATED', jsonb_build_object('n', n)
                    from generate_series(0, ? - 1) n) events
                order by position""",
                kind, aggregates, aggregates, aggregates, aggregates * steps, aggregates * steps, singles, singles);

        await(
                "all delivered",
                () -> db.count("select count(*) from outbox where aggregate_type = ? and status = 'DELIVERED'", kind)
                        == aggregates * steps + singles);

        for (int a = 0; a < aggregates; a++) {
            List<Object> acknowledged = db
                    .rows(
                            "select event_type from relay_order_seen where aggregate_type = ? and aggregate_id = ? "
                                    + "order by seq",
                            kind,
                            "ordered-" + a)
                    .stream()
                    .map(row -> row.get("event_type"))
                    .toList();
            assertThat(acknowledged)
                    .containsExactlyElementsOf(java.util.stream.IntStream.range(0, steps)
                            .mapToObj(step -> (Object) ("THING_STEP_" + step))
                            .toList());
            var record = Simulator.record(kind + ":ordered-" + a);
            assertThat(record.getInt("events")).isEqualTo(steps);
            assertThat(record.getInt("data.step")).isEqualTo(steps - 1);
        }
        for (int n = 0; n < singles; n++) {
            assertThat(Simulator.record(kind + ":single-" + n).getInt("events")).isEqualTo(1);
        }
        assertThat(Simulator.stats().getLong("duplicates")).isEqualTo(duplicatesBefore);
        assertThat(db.count("select count(*) from outbox where aggregate_type = ? and attempts <> 1", kind))
                .isZero();
    }

    @Test
    void nothingIsLostOrDoubledWhileTheNationalPlatformIsDown() {
        Simulator.fault("down", Map.of());
        String prefix = UUID.randomUUID().toString();
        for (int i = 0; i < 30; i++) {
            event(prefix + "-" + i, "THING_CREATED", "{\"n\": " + i + "}");
        }
        await(
                "a delivery failed",
                () -> db.count("select count(*) from outbox where aggregate_id like ? and attempts > 0", prefix + "%")
                        > 0);
        // The failed attempt is committed before the relay counts it: wait for the status to show it too.
        await(
                "the status shows the failing target",
                () -> given().auth()
                                .oauth2(Tokens.hubAdmin())
                                .get("/api/v1/sync/status")
                                .then()
                                .extract()
                                .<Integer>path("[0].consecutiveFailures")
                        >= 1);
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/sync/status")
                .then()
                .statusCode(200)
                .body("[0].target", equalTo("national"))
                .body("[0].pending", greaterThanOrEqualTo(1))
                .body("[0].consecutiveFailures", greaterThanOrEqualTo(1));

        Simulator.healthy();
        db.update(
                "update outbox set status = 'PENDING', attempts = 0, next_attempt_at = now() "
                        + "where aggregate_id like ? and status = 'DEAD'",
                prefix + "%");

        await(
                "all delivered",
                () -> db.count(
                                "select count(*) from outbox where aggregate_id like ? and status = 'DELIVERED'",
                                prefix + "%")
                        == 30);
        for (int i = 0; i < 30; i++) {
            assertThat(Simulator.record("relay-test:" + prefix + "-" + i).getInt("events"))
                    .isEqualTo(1);
        }
    }

    @Test
    void throttlingWaitsAsLongAsTheTargetAsksWithoutCountingAnAttempt() {
        Simulator.fault("throttle", Map.of("count", 1, "retryAfter", 2));
        String aggregate = UUID.randomUUID().toString();
        Instant sent = Instant.now();
        String uniqueId = event(aggregate, "THING_CREATED", "{}");

        await("delivered", () -> Simulator.record(uniqueId) != null);

        assertThat(Duration.between(sent, Instant.now())).isGreaterThanOrEqualTo(Duration.ofMillis(1500));
        await("marked delivered", () -> "DELIVERED".equals(status(aggregate)));
        assertThat(db.single("select attempts from outbox where aggregate_id = ?", aggregate))
                .isEqualTo(1);
    }

    @Test
    void aLostAcknowledgementIsRetriedAndTheTargetRecognisesTheEventAgain() {
        Simulator.fault("garbled", Map.of("count", 1));
        long duplicatesBefore = Simulator.stats().getLong("duplicates");
        String aggregate = UUID.randomUUID().toString();
        String uniqueId = event(aggregate, "THING_CREATED", "{}");

        await("marked delivered", () -> "DELIVERED".equals(status(aggregate)));

        assertThat(Simulator.record(uniqueId).getInt("events")).isEqualTo(1);
        assertThat(Simulator.stats().getLong("duplicates")).isGreaterThan(duplicatesBefore);
    }

    @Test
    void aFailingDeliveryListenerRollsTheDeliveredMarkBackWithItsOwnWritesAndTheEventIsDeliveredAgain() {
        db.update("create table if not exists listener_test_seen (aggregate_id text primary key)");
        int refusedBefore = listener.refusals();
        listener.refuseNext(1);
        String aggregate = UUID.randomUUID().toString();
        db.update("""
                insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)
                values ('national', ?, ?, 'THING_CREATED', '{}')""", RecordingDeliveryListener.TYPE, aggregate);

        await("the listener refused once", () -> listener.refusals() > refusedBefore);
        assertThat(db.single("select status from outbox where target = 'national' and aggregate_id = ?", aggregate))
                .isEqualTo("IN_FLIGHT");
        assertThat(db.count("select count(*) from listener_test_seen where aggregate_id = ?", aggregate))
                .isZero();

        // Its lease expires, the relay delivers it again and this time the listener accepts.
        await(
                "delivered",
                () -> "DELIVERED"
                        .equals(db.single(
                                "select status from outbox where target = 'national' and aggregate_id = ?",
                                aggregate)));
        assertThat(db.count("select count(*) from listener_test_seen where aggregate_id = ?", aggregate))
                .isEqualTo(1);
    }

    @Test
    void theClaimOfABacklogThatFellDueUnderStaleStatisticsReadsOneBatchInDueOrderAndSortsNothing() throws SQLException {
        // A backlog analysed while nothing of it was due, then due at once (the national platform back after an
        // outage): the statistics say "nothing due". The claim must still walk the due index and stop at its
        // batch, in the plan PostgreSQL picks for the first executions and in the generic one it caches later.
        String target = "plan-test-" + UUID.randomUUID();
        db.update("""
                insert into outbox (target, aggregate_type, aggregate_id, event_type, payload, next_attempt_at)
                select ?, 'relay-plan-test', n::text, 'THING_CREATED', '{}', 'infinity'
                from generate_series(1, 20000) n""", target);
        try {
            db.update("analyze outbox");
            db.update("update outbox set next_attempt_at = now() where target = ?", target);

            for (String mode : List.of("force_custom_plan", "force_generic_plan")) {
                List<String> plan = claimPlan(target, mode);

                assertThat(plan).as(mode).noneMatch(line -> line.contains("Sort"));
                assertThat(plan).as(mode).anyMatch(line -> line.contains("Index Scan using outbox_due_idx"));
            }
        } finally {
            db.update("delete from outbox where target = ?", target);
        }
    }

    private List<String> claimPlan(String target, String planCacheMode) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement()) {
            connection.setAutoCommit(false);
            statement.execute("set local plan_cache_mode = " + planCacheMode);
            statement.execute("prepare claim (text, int, text, bigint) as " + OutboxRelay.CLAIM);
            List<String> plan = new ArrayList<>();
            try (ResultSet rows =
                    statement.executeQuery("explain execute claim ('" + target + "', 200, 'plan-test', 30000)")) {
                while (rows.next()) {
                    plan.add(rows.getString(1));
                }
            }
            statement.execute("deallocate claim");
            connection.rollback();
            return plan;
        }
    }

    @Test
    void eventHeldByADeadReplicaIsTakenOverWhenItsLeaseExpires() {
        String aggregate = UUID.randomUUID().toString();
        db.update("""
                insert into outbox (target, aggregate_type, aggregate_id, event_type, payload, status, lease_owner,
                                    lease_until, attempts)
                values ('national', 'relay-test', ?, 'THING_CREATED', '{}', 'IN_FLIGHT', 'dead-replica',
                        now() - interval '1 second', 1)""", aggregate);

        await("delivered", () -> "DELIVERED".equals(status(aggregate)));

        assertThat(Simulator.record("relay-test:" + aggregate).getInt("events")).isEqualTo(1);
    }

    @Test
    void deliveredEventsArePurgedAfterTheRetentionAndNothingElseIs() {
        String old = UUID.randomUUID().toString();
        String recent = UUID.randomUUID().toString();
        String stuck = UUID.randomUUID().toString();
        db.update("""
                insert into outbox (target, aggregate_type, aggregate_id, event_type, payload, status, delivered_at, created_at)
                values ('nowhere', 'relay-test', ?, 'THING_CREATED', '{}', 'DELIVERED', now() - interval '8 days', now() - interval '8 days'),
                       ('nowhere', 'relay-test', ?, 'THING_CREATED', '{}', 'DELIVERED', now() - interval '1 day', now() - interval '1 day'),
                       ('nowhere', 'relay-test', ?, 'THING_CREATED', '{}', 'DEAD', null, now() - interval '30 days')""", old, recent, stuck);

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(db.count("select count(*) from outbox where aggregate_id = ?", old))
                .isZero();
        assertThat(db.count("select count(*) from outbox where aggregate_id = ?", recent))
                .isEqualTo(1);
        assertThat(db.count("select count(*) from outbox where aggregate_id = ?", stuck))
                .isEqualTo(1);
    }

    @Test
    void aPurgedEventsPullPositionIsPurgedWithIt() {
        String old = UUID.randomUUID().toString();
        db.update("""
                insert into outbox (target, aggregate_type, aggregate_id, event_type, payload, status, delivered_at, created_at)
                values ('national', 'relay-test', ?, 'THING_CREATED', '{}', 'DELIVERED', now() - interval '8 days',
                        now() - interval '8 days')""", old);
        positions.assign();
        assertThat(db.count("""
                select count(*) from outbox_pull_position p join outbox o on o.id = p.outbox_id
                where o.aggregate_id = ?""", old)).isEqualTo(1);

        assertThat(retention.purge()).isGreaterThanOrEqualTo(1);

        assertThat(db.count("select count(*) from outbox where aggregate_id = ?", old))
                .isZero();
        assertThat(db.count("""
                select count(*) from outbox_pull_position p where not exists (select 1 from outbox o where o.id = p.outbox_id)""")).isZero();
    }

    @Test
    void syncFiguresArePublishedAsMetrics() {
        String aggregate = UUID.randomUUID().toString();
        event(aggregate, "THING_CREATED", "{}");
        await("delivered", () -> "DELIVERED".equals(status(aggregate)));

        await(
                "the delivered counter shows it",
                () -> Management.given()
                        .get("/q/metrics")
                        .then()
                        .extract()
                        .asString()
                        .contains("hub_sync_delivered_total{target=\"national\"}"));
        String metrics = Management.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(metrics)
                .contains(
                        "hub_sync_pending{target=\"national\"}",
                        "hub_sync_dead{target=\"national\"}",
                        "hub_sync_lag_seconds{target=\"national\"}");
    }

    @Test
    void reconciliationCountsTheDaysDeliveriesOnBothSides() {
        String kind = "recon-" + UUID.randomUUID().toString().substring(0, 8);
        for (int i = 0; i < 3; i++) {
            db.update("""
                    insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)
                    values ('national', ?, ?, 'THING_CREATED', '{}')""", kind, "a" + i);
        }
        db.update(
                "insert into outbox (target, aggregate_type, aggregate_id, event_type, payload) "
                        + "values ('national', ?, 'a0', 'THING_UPDATED', '{}')",
                kind);
        await(
                "delivered",
                () -> db.count("select count(*) from outbox where aggregate_type = ? and status = 'DELIVERED'", kind)
                        == 4);

        List<Map<String, Object>> counts = given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/sync/reconciliation")
                .then()
                .statusCode(200)
                .body("target", equalTo("national"))
                .extract()
                .jsonPath()
                .getList("kinds");
        assertThat(counts)
                .anySatisfy(count -> assertThat(count)
                        .containsEntry("kind", kind)
                        .containsEntry("hub", 3)
                        .containsEntry("national", 3)
                        .containsEntry("difference", 0));
        given().auth()
                .oauth2(Tokens.deptAdmin("NN_SCJGJ", "450100"))
                .get("/api/v1/sync/reconciliation")
                .then()
                .statusCode(403);
    }

    @Test
    void afterTheLastAttemptAnEventIsADeadLetterThatAHubAdminCanReplay() {
        Simulator.fault("error", Map.of());
        String aggregate = UUID.randomUUID().toString();
        event(aggregate, "THING_CREATED", "{\"x\": 1}");
        await("dead", () -> "DEAD".equals(status(aggregate)));
        long id = (Long) db.single("select id from outbox where aggregate_id = ?", aggregate);

        List<Map<String, Object>> letters = given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/sync/dead-letters?target=national&size=200")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("items");
        assertThat(letters).anySatisfy(letter -> {
            assertThat(((Number) letter.get("id")).longValue()).isEqualTo(id);
            assertThat(letter.get("attempts")).isEqualTo(3);
            assertThat((String) letter.get("lastError")).contains("503");
        });
        given().auth()
                .oauth2(Tokens.deptAdmin("NN_SCJGJ", "450100"))
                .post("/api/v1/sync/dead-letters/{id}/replay", id)
                .then()
                .statusCode(403);

        Simulator.healthy();
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .post("/api/v1/sync/dead-letters/{id}/replay", id)
                .then()
                .statusCode(200)
                .body("replayed", equalTo(1));

        await("delivered", () -> "DELIVERED".equals(status(aggregate)));
        assertThat(db.count(
                        "select count(*) from audit_log where action = 'DEAD_LETTERS_REPLAYED' and entity_id = ?",
                        String.valueOf(id)))
                .isEqualTo(1);
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .post("/api/v1/sync/dead-letters/{id}/replay", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("DEAD_LETTER_NOT_FOUND"));
    }
}
