package org.supervisionhub.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class AdapterResourceTest {

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    private static String ssjToken(RecordFixture.Department department) {
        return Tokens.withRoles("system-ssj", List.of("system"), department.code(), department.regionCode());
    }

    /** An inspection result in the 双随机 platform's own format, for the department's claimed item and officers. */
    private static Map<String, Object> result(RecordFixture.Department department, String number, String resultCode) {
        Map<String, Object> result = new LinkedHashMap<>();
        result.put("jcbh", number);
        result.put("jhbh", "GX-SSJ-2026-11");
        result.put("jhmc", "2026年双随机抽查");
        result.put("sxbm", department.inspectionItem());
        result.put("ssqdbm", department.creditCode() + "3" + department.inspectionItem());
        result.put("jcjgmc", "测试局");
        result.put("jcjgdm", department.creditCode());
        result.put("dxmc", "南宁某某餐饮有限公司");
        result.put("tyshxydm", CreditCodeGenerator.enterprise("450100"));
        result.put("xzqh", department.regionCode());
        result.put(
                "jcry",
                List.of(
                        Map.of("xm", "甲", "fzjg", "GX_REC", "zjh", department.officerA()),
                        Map.of("xm", "乙", "fzjg", "GX_REC", "zjh", department.officerB())));
        result.put("jcfs", "1");
        result.put("jcrq", RecordFixture.TODAY.minusDays(1).toString().replace("-", ""));
        result.put("jcjg", resultCode);
        result.put(
                "sbsj",
                java.time.LocalDateTime.now(RecordFixture.ZONE)
                        .minusMinutes(5)
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        return result;
    }

    private static Response send(String token, String system, String kind, Object payload) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(payload)
                .post("/api/v1/adapters/{system}/inbound/{kind}", system, kind);
    }

    @Test
    void platformResultsAreMappedValidatedAndAnsweredInItsTerms() {
        RecordFixture.Department department = fixture.department();
        String good = "SSJ-" + System.nanoTime();
        String unmapped = "SSJ-" + System.nanoTime();
        Map<String, Object> payload =
                Map.of("jcjgList", List.of(result(department, good, "01"), result(department, unmapped, "99")));

        send(ssjToken(department), "ssj", "inspection-results", payload)
                .then()
                .statusCode(200)
                .body("zs", equalTo(2))
                .body("xzsl", equalTo(1))
                .body("sbsl", equalTo(1))
                .body("sbmx[0].index", equalTo(1))
                .body("sbmx[0].errors[0].field", equalTo("inspection.resultCode"))
                .body("sbmx[0].errors[0].code", equalTo("MAPPING_FAILED"));

        assertThat(db.rows(
                        "select body->'inspection'->>'resultCode' as code, body->'inspection'->>'checkDate' as day "
                                + "from behaviour_record where source_system = 'ssj' and source_record_id = ?",
                        good))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row).containsEntry("code", "1");
                    assertThat(row)
                            .containsEntry(
                                    "day", RecordFixture.TODAY.minusDays(1).toString());
                });

        // The platform corrects the result: the record becomes its next version.
        send(
                        ssjToken(department),
                        "ssj",
                        "inspection-results",
                        Map.of("jcjgList", List.of(result(department, good, "E"))))
                .then()
                .statusCode(200)
                .body("gxsl", equalTo(1))
                .body("xzsl", equalTo(0));
        assertThat(db.single(
                        "select version from behaviour_record where source_system = 'ssj' and source_record_id = ?",
                        good))
                .isEqualTo(2);
    }

    @Test
    void aCallWithMoreRecordsThanAnUploadMayHoldIsRefusedWholeWith413() {
        RecordFixture.Department department = fixture.department();
        List<Map<String, Object>> results = new java.util.ArrayList<>();
        for (int i = 0; i < 21; i++) { // the test profile holds JSON uploads to 20 records
            results.add(result(department, "SSJ-" + System.nanoTime(), "01"));
        }

        send(ssjToken(department), "ssj", "inspection-results", Map.of("jcjgList", results))
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));

        assertThat(db.count("select count(*) from behaviour_record where department_code = ?", department.code()))
                .isZero();
    }

    @Test
    void hotlineWorkOrderBecomesAComplaintWithThePhoneMasked() {
        RecordFixture.Department department = fixture.department();
        String order = "GX12345-" + System.nanoTime();
        Map<String, Object> workOrder = new LinkedHashMap<>();
        workOrder.put("gdbh", order);
        workOrder.put(
                "ldsj",
                java.time.LocalDateTime.now(RecordFixture.ZONE)
                        .minusDays(1)
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        workOrder.put(
                "pdsj",
                java.time.LocalDateTime.now(RecordFixture.ZONE)
                        .minusMinutes(3)
                        .format(java.time.format.DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        workOrder.put("sqlx", "举报");
        workOrder.put("sfnm", "0");
        workOrder.put("ldr", "王女士");
        workOrder.put("lxdh", "13812345678");
        workOrder.put("sqnr", "某超市销售过期牛奶");
        workOrder.put("sjqy", "450103");
        workOrder.put("bfydx", Map.of("mc", "南宁某某超市有限公司", "dm", CreditCodeGenerator.enterprise("450100")));
        workOrder.put("cbdw", Map.of("mc", "测试局", "dm", department.creditCode()));
        String token = Tokens.withRoles("hotline-12345", List.of("system"), department.code(), department.regionCode());

        send(token, "hotline-12345", "complaints", Map.of("code", 0, "data", Map.of("workOrders", List.of(workOrder))))
                .then()
                .statusCode(200)
                .body("successCount", equalTo(1))
                .body("failCount", equalTo(0));

        assertThat(db.single(
                        "select body->'complaint'->>'complainantPhoneMasked' from behaviour_record "
                                + "where source_system = 'hotline-12345' and source_record_id = ?",
                        order))
                .isEqualTo("138****5678");
        assertThat(db.single(
                        "select body->'complaint'->>'complaintType' from behaviour_record "
                                + "where source_system = 'hotline-12345' and source_record_id = ?",
                        order))
                .isEqualTo("REPORT");
    }

    @Test
    void resendingTheSameResultChangesNothing() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> payload = Map.of("jcjgList", List.of(result(department, "SSJ-" + System.nanoTime(), "A")));

        send(ssjToken(department), "ssj", "inspection-results", payload)
                .then()
                .statusCode(200)
                .body("xzsl", equalTo(1));
        send(ssjToken(department), "ssj", "inspection-results", payload)
                .then()
                .statusCode(200)
                .body("wbhsl", equalTo(1));
    }

    @Test
    void anotherSystemsTokenCannotActAsThePlatform() {
        RecordFixture.Department department = fixture.department();
        String other = Tokens.withRoles("system-zfjd", List.of("system"), department.code(), department.regionCode());

        send(other, "ssj", "inspection-results", Map.of("jcjgList", List.of()))
                .then()
                .statusCode(403)
                .body("code", equalTo("ADAPTER_CLIENT_MISMATCH"));
        send(ssjToken(department), "ssj", "penalties", Map.of())
                .then()
                .statusCode(404)
                .body("code", equalTo("INBOUND_KIND_NOT_FOUND"));
        send(ssjToken(department), "nowhere", "results", Map.of())
                .then()
                .statusCode(404)
                .body("code", equalTo("ADAPTER_NOT_FOUND"));
        send(ssjToken(department), "ssj", "inspection-results", Map.of("other", 1))
                .then()
                .statusCode(400)
                .body("code", equalTo("PAYLOAD_UNEXPECTED"));
    }

    @Test
    void platformPullsItsDepartmentsInspectorRosterInItsFormat() {
        RecordFixture.Department department = fixture.department();
        long before = caughtUp(ssjToken(department));
        db.update(
                """
                insert into outbox (target, aggregate_type, aggregate_id, event_type, payload) values
                ('national', 'certificate', 'GX_REC:X1', 'certificate.upserted', cast(? as jsonb)),
                ('national', 'certificate', 'GX_REC:X2', 'certificate.upserted', cast(? as jsonb))""",
                "{\"issuer\": \"GX_REC\", \"certNo\": \"X1\", \"holderName\": \"甲\", \"status\": \"VALID\", "
                        + "\"validFrom\": \"2026-01-01\", \"validTo\": \"2029-12-31\", \"categories\": [\"SAMR\"], "
                        + "\"departmentCode\": \"" + department.code() + "\"}",
                "{\"issuer\": \"GX_REC\", \"certNo\": \"X2\", \"holderName\": \"乙\", \"status\": \"VALID\", "
                        + "\"departmentCode\": \"SOMEONE_ELSE\"}");

        Response changes =
                given().auth().oauth2(ssjToken(department)).get("/api/v1/adapters/ssj/changes?since={since}", before);

        changes.then().statusCode(200).body("system", equalTo("ssj"));
        List<Map<String, Object>> items = changes.jsonPath().getList("items");
        assertThat(items).singleElement().satisfies(item -> {
            assertThat(item).containsEntry("event", "certificate");
            assertThat((Map<String, Object>) item.get("data"))
                    .containsEntry("zjh", "X1")
                    .containsEntry("zt", "1")
                    .containsEntry("xm", "甲")
                    .containsEntry("zfml", List.of("SAMR"));
        });
        assertThat(changes.jsonPath().getLong("nextCursor")).isGreaterThan(before);
    }

    /** The cursor after every event pulled so far (a pull position, not an outbox id). */
    private static long caughtUp(String token) {
        long since = 0;
        Response page;
        do {
            page = given().auth().oauth2(token).get("/api/v1/adapters/ssj/changes?since={since}&limit=1000", since);
            since = page.jsonPath().getLong("nextCursor");
        } while (page.jsonPath().getList("items").size() == 1000);
        return since;
    }

    @Test
    void adminsSeeEveryAdapterAndItsState() {
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/adapters")
                .then()
                .statusCode(200)
                .body("system", hasItem("ssj"))
                .body("system", hasItem("hotline-12345"))
                .body("find { it.system == 'ssj' }.status", equalTo("UP"))
                .body("find { it.system == 'ssj' }.inbound", equalTo(List.of("inspection-results", "plans")))
                .body(
                        "find { it.system == 'ssj' }.outbound",
                        equalTo(List.of("certificate", "implementation_list", "subject")))
                .body("find { it.system == 'test-push' }.pushDead", equalTo(0))
                .body("find { it.system == 'test-push' }.status", equalTo("UP"));
        given().auth()
                .oauth2(Tokens.deptAdmin("NN_SCJGJ", "450100"))
                .get("/api/v1/adapters")
                .then()
                .statusCode(403);
    }
}
