package org.supervisionhub.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.supervisionhub.support.Eventually.await;

import io.quarkus.test.common.TestResourceScope;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.AdapterStubResource;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** Backflow (回流) by push to a docked system declared in files alone (src/test/adapters/test-push). */
@QuarkusTest
@WithTestResource(value = AdapterStubResource.class, scope = TestResourceScope.GLOBAL)
class AdapterPushTest {

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    @Test
    void storedRecordIsPushedInTheSystemsFormatAfterTheSystemRecovers() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record = fixture.inspection(department);
        String sourceId = (String) record.get("sourceRecordId");
        AdapterStubResource.failNext(2);
        int failedBefore = AdapterStubResource.failed();

        given().auth()
                .oauth2(department.systemToken())
                .contentType(ContentType.JSON)
                .body(List.of(record))
                .post("/api/v1/records")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));

        await(
                "the system received it",
                () -> AdapterStubResource.received().stream()
                        .anyMatch(body -> body.contains("\"source\":\"" + sourceId + "\"")));
        String push = AdapterStubResource.received().stream()
                .filter(body -> body.contains(sourceId))
                .findFirst()
                .orElseThrow();
        assertThat(push)
                .contains(
                        "\"event\":\"record\"",
                        "\"op\":\"INSERT\"",
                        "\"kind\":\"INSPECTION\"",
                        "\"dept\":\"" + department.code() + "\"",
                        "\"idempotencyKey\"");
        assertThat(AdapterStubResource.failed() - failedBefore).isEqualTo(2);
        assertThat(AdapterStubResource.received().stream()
                        .filter(body -> body.contains("\"source\":\"" + sourceId + "\""))
                        .count())
                .isEqualTo(1);
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/sync/status")
                .then()
                .statusCode(200)
                .body("find { it.target == 'test-push' }.relaying", equalTo(true))
                .body("find { it.target == 'test-push' }.breaker", equalTo("CLOSED"));
        await("its copy is delivered", () -> db.count("""
                select count(*) from outbox o join behaviour_record r on o.aggregate_id = r.id::text
                where o.target = 'test-push' and o.status = 'DELIVERED' and r.source_record_id = ?""", sourceId) == 1);
    }

    @Test
    void systemDockedFromFilesAloneSendsData() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> check = new LinkedHashMap<>();
        check.put("id", "TP-" + System.nanoTime());
        check.put("item", department.inspectionItem());
        check.put("list", department.creditCode() + "3" + department.inspectionItem());
        check.put("body", Map.of("name", "测试局", "code", department.creditCode()));
        check.put("target", Map.of("name", "测试公司", "code", CreditCodeGenerator.enterprise("450100")));
        check.put("region", department.regionCode());
        check.put(
                "team",
                List.of(
                        Map.of("n", "甲", "i", "GX_REC", "c", department.officerA()),
                        Map.of("n", "乙", "i", "GX_REC", "c", department.officerB())));
        check.put(
                "reported",
                java.time.OffsetDateTime.now(RecordFixture.ZONE).minusMinutes(1).toString());
        check.put("day", RecordFixture.TODAY.minusDays(1).toString());
        check.put("result", "1");

        given().auth()
                .oauth2(Tokens.withRoles("test-push", List.of("system"), department.code(), department.regionCode()))
                .contentType(ContentType.JSON)
                .body(check)
                .post("/api/v1/adapters/test-push/inbound/checks")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));

        assertThat(db.count(
                        "select count(*) from behaviour_record where source_system = 'test-push' and source_record_id = ?",
                        check.get("id")))
                .isEqualTo(1);
    }
}
