package org.supervisionhub.randominspection;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Tokens;

/** The 双随机 platform's plans and tasks, and their completion by the inspection results it sends. */
@QuarkusTest
class RandomPlanTest {

    private static final DateTimeFormatter DAY = DateTimeFormatter.BASIC_ISO_DATE;

    @Inject
    RecordFixture fixture;

    private static String token(RecordFixture.Department department) {
        return Tokens.withRoles("system-ssj", List.of("system"), department.code(), department.regionCode());
    }

    private static Response send(RecordFixture.Department department, String kind, Object payload) {
        return given().auth()
                .oauth2(token(department))
                .contentType(ContentType.JSON)
                .body(payload)
                .post("/api/v1/adapters/ssj/inbound/{kind}", kind);
    }

    private static Map<String, Object> plan(String planId, String item, String... subjects) {
        List<Map<String, Object>> tasks = new java.util.ArrayList<>();
        for (int i = 0; i < subjects.length; i++) {
            tasks.add(Map.of(
                    "rwbh",
                    "RW-" + i,
                    "tyshxydm",
                    subjects[i],
                    "dxmc",
                    "抽中企业" + i,
                    "wcsx",
                    RecordFixture.TODAY.plusDays(10).format(DAY),
                    "jcry",
                    List.of()));
        }
        Map<String, Object> plan = new LinkedHashMap<>();
        plan.put("jhbh", planId);
        plan.put("jhmc", "测试抽查计划");
        plan.put("ksrq", RecordFixture.TODAY.minusDays(10).format(DAY));
        plan.put("jsrq", RecordFixture.TODAY.plusDays(20).format(DAY));
        plan.put("ccbl", 5);
        plan.put("sxbmList", List.of(item));
        plan.put("rwList", tasks);
        return Map.of("jhList", List.of(plan));
    }

    @Test
    void planTasksAreDoneWhenTheirInspectionResultArrives() {
        RecordFixture.Department department = fixture.department();
        String planId = "PLAN-" + System.nanoTime();
        String first = CreditCodeGenerator.enterprise("450100");
        String second = CreditCodeGenerator.enterprise("450100");

        send(department, "plans", plan(planId, department.inspectionItem(), first, second))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
        send(department, "plans", plan(planId, department.inspectionItem(), first, second))
                .then()
                .statusCode(200)
                .body("unchanged", equalTo(1));

        Map<String, Object> result = new LinkedHashMap<>();
        result.put("jcbh", "JC-" + System.nanoTime());
        result.put("jhbh", planId);
        result.put("jhmc", "测试抽查计划");
        result.put("sxbm", department.inspectionItem());
        result.put("ssqdbm", department.creditCode() + "3" + department.inspectionItem());
        result.put("jcjgmc", "测试局");
        result.put("jcjgdm", department.creditCode());
        result.put("dxmc", "抽中企业0");
        result.put("tyshxydm", first);
        result.put("xzqh", department.regionCode());
        result.put(
                "jcry",
                List.of(
                        Map.of("xm", "甲", "fzjg", "GX_REC", "zjh", department.officerA()),
                        Map.of("xm", "乙", "fzjg", "GX_REC", "zjh", department.officerB())));
        result.put("jcfs", "1");
        result.put("jcrq", RecordFixture.TODAY.minusDays(1).format(DAY));
        result.put("jcjg", "01");
        result.put(
                "sbsj",
                java.time.LocalDateTime.now(RecordFixture.ZONE)
                        .minusMinutes(2)
                        .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")));
        send(department, "inspection-results", Map.of("jcjgList", List.of(result)))
                .then()
                .statusCode(200)
                .body("xzsl", equalTo(1));

        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/random-plans")
                .then()
                .statusCode(200)
                .body("[0].planId", equalTo(planId))
                .body("[0].tasks", equalTo(2))
                .body("[0].done", equalTo(1))
                .body("[0].completionRate", equalTo(0.5f));
        given().auth()
                .oauth2(fixture.department().adminToken())
                .get("/api/v1/random-plans?department=" + department.code())
                .then()
                .statusCode(403);
    }

    @Test
    void planOfUnclaimedItemsOrTasksOutsideItsPeriodIsRejected() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> payload =
                plan("PLAN-BAD-" + System.nanoTime(), fixture.unclaimedItem("INSPECTION"), "91350100M000100Y44");

        send(department, "plans", payload)
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors.code", equalTo(List.of("ITEM_NOT_CLAIMED", "CREDIT_CODE_INVALID")));
    }

    @Test
    void anotherDepartmentCannotTakeADepartmentsFuturePlanId() {
        RecordFixture.Department owner = fixture.department();
        RecordFixture.Department squatter = fixture.department();
        String planId = "PLAN-" + System.nanoTime();
        send(squatter, "plans", plan(planId, squatter.inspectionItem(), CreditCodeGenerator.enterprise("450100")))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));

        send(owner, "plans", plan(planId, owner.inspectionItem(), CreditCodeGenerator.enterprise("450100")))
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(0));

        given().auth()
                .oauth2(owner.adminToken())
                .get("/api/v1/random-plans")
                .then()
                .statusCode(200)
                .body("size()", equalTo(1))
                .body("[0].planId", equalTo(planId))
                .body("[0].itemCodes[0]", equalTo(owner.inspectionItem()));
        given().auth()
                .oauth2(squatter.adminToken())
                .get("/api/v1/random-plans")
                .then()
                .statusCode(200)
                .body("[0].itemCodes[0]", equalTo(squatter.inspectionItem()));
    }
}
