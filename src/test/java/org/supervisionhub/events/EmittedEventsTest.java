package org.supervisionhub.events;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.IOException;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.code.IdNumbers;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.Catalog;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * What the services really write to the outbox, through their APIs, conforms to the published contract
 * (openapi/events.asyncapi.yaml): every row's type is in the catalog, its aggregate type is the type's, and its
 * payload validates against the type's schema. Every type of the catalog is exercised.
 */
@QuarkusTest
class EmittedEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Db db;

    @Inject
    Catalog catalog;

    @Inject
    RecordFixture fixture;

    @Inject
    org.supervisionhub.risk.RiskPasses riskPasses;

    @Inject
    org.supervisionhub.jointtask.JointTaskReminders jointTaskReminders;

    private final String nanning = Tokens.deptAdmin("NN_SCJGJ", "450100");
    private final String registry = Tokens.token("gx-registry", List.of("system"), "GX_SCJGJ", "450000");
    private final String guangxiSystem = Tokens.withRoles("system-gx", List.of("system"), null, "450000");

    @Test
    void everyEventTheServicesWriteConformsToTheContract() throws IOException {
        long before = db.count("select coalesce(max(id), 0) from outbox");

        claimListAndRelease();
        upsertCertificate();
        upsertSubjects();
        createUpdateAndDeleteARecord();
        sendCaseFeedback();
        registerAndDeactivateADepartment();
        announceExecuteAndPublishARandomDraw();
        publishAndWithdrawADisclosure();
        raiseARiskClue();
        runAJointTask();

        EventSchemas schemas = EventSchemas.committed();
        Set<EventType> seen = EnumSet.noneOf(EventType.class);
        List<String> problems = new ArrayList<>();
        for (Map<String, Object> row : db.rows("""
                select id, target, aggregate_type, aggregate_id, event_type, payload::text as payload
                from outbox where id > ? order by id""", before)) {
            String at = "outbox " + row.get("id") + " (" + row.get("target") + ", " + row.get("event_type") + ")";
            EventType type = EventType.of((String) row.get("event_type")).orElse(null);
            if (type == null) {
                problems.add(at + ": not a type of the catalog");
                continue;
            }
            seen.add(type);
            if (!type.aggregateType().equals(row.get("aggregate_type"))) {
                problems.add(at + ": aggregate type " + row.get("aggregate_type") + ", not " + type.aggregateType());
            }
            JsonNode payload = JSON.readTree((String) row.get("payload"));
            schemas.problems(type, payload).forEach(problem -> problems.add(at + ": " + problem));
        }

        assertThat(problems).isEmpty();
        assertThat(seen).as("every type of the catalog was emitted").containsExactlyInAnyOrder(EventType.values());
    }

    private void announceExecuteAndPublishARandomDraw() {
        RecordFixture.Department department = fixture.department();
        String industry = "T" + (1000 + Math.floorMod(System.nanoTime(), 9000L));
        db.update(
                "insert into subject (credit_code, subject_type, name, region_code, industry_code, credit_level) "
                        + "values (?, 'ENTERPRISE', '事件测试公司', '450103', ?, 'D')",
                org.supervisionhub.support.CreditCodeGenerator.enterprise("450103"),
                industry);
        long plan = ((Number) db.single("""
                        insert into random_inspection_plan (source_system, plan_id, name, department_code, item_codes,
                                                            start_date, end_date, content_hash)
                        values ('ssj', ?, '事件测试', ?, array[?]::char(14)[], current_date, current_date + 30,
                                repeat('0', 64)) returning id""", "EV-" + System.nanoTime(), department.code(), department.inspectionItem()))
                .longValue();
        int draw = given().auth()
                .oauth2(department.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("industryCode", industry))
                .post("/api/v1/random-plans/{id}/draws", plan)
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String step : List.of("execute", "publish")) {
            given().auth()
                    .oauth2(department.adminToken())
                    .post("/api/v1/random-draws/{id}/" + step, draw)
                    .then()
                    .statusCode(200);
        }
    }

    private void publishAndWithdrawADisclosure() {
        RecordFixture.Department department = fixture.department();
        long record = fixture.stored(department, fixture.penalty(department));
        given().auth()
                .oauth2(department.adminToken())
                .contentType(ContentType.JSON)
                .body("{}")
                .put("/api/v1/records/{id}/disclosure", record)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(department.adminToken())
                .queryParam("reason", "行政复议撤销")
                .delete("/api/v1/records/{id}/disclosure", record)
                .then()
                .statusCode(200);
    }

    /** A joint task of two departments of 北海, claimed, handled, reminded, fed back and closed (each step reported). */
    private void runAJointTask() {
        RecordFixture.Department initiator = fixture.department("450500");
        RecordFixture.Department participant = fixture.department("450500");
        String subject = org.supervisionhub.support.CreditCodeGenerator.enterprise("450500");
        Map<String, Object> inspection = fixture.inspection(participant);
        inspection.put("subject", Map.of("type", "ENTERPRISE", "name", "事件测试公司", "creditCode", subject));
        upload(participant, inspection);
        Object record = db.single(
                "select id from behaviour_record where source_system = ? and source_record_id = ?",
                inspection.get("sourceSystem"),
                inspection.get("sourceRecordId"));
        int task = given().auth()
                .oauth2(initiator.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "title", "事件测试联合检查",
                        "subjects", List.of(Map.of("creditCode", subject, "name", "事件测试公司")),
                        "itemCodes", List.of(participant.inspectionItem()),
                        "participants", List.of(participant.code()),
                        "deadline", TODAY.plusDays(7).toString()))
                .post("/api/v1/joint-tasks")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        for (String step : List.of("claim", "handling")) {
            given().auth()
                    .oauth2(participant.adminToken())
                    .post("/api/v1/joint-tasks/{id}/participants/{code}/" + step, task, participant.code())
                    .then()
                    .statusCode(200);
        }
        // The deadline comes near: the participant, still handling, is reminded.
        db.update("update joint_task set deadline = ? where id = ?", TODAY.plusDays(1), task);
        jointTaskReminders.remind();
        given().auth()
                .oauth2(participant.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "kind", "INSPECTION", "recordIds", List.of(record), "suggestion", "已检查", "visitId", "EV-1"))
                .post("/api/v1/joint-tasks/{id}/participants/{code}/feedback", task, participant.code())
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(initiator.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("remark", "结束"))
                .post("/api/v1/joint-tasks/{id}/close", task)
                .then()
                .statusCode(200);
    }

    /** Three complaints about one business: the complaints-surge model raises a clue (evaluated for it alone). */
    private void raiseARiskClue() {
        RecordFixture.Department department = fixture.department();
        String subject = org.supervisionhub.support.CreditCodeGenerator.enterprise(department.regionCode());
        for (int i = 0; i < 3; i++) {
            Map<String, Object> complaint = fixture.complaint(department);
            complaint.put("subject", Map.of("type", "ENTERPRISE", "name", "事件测试公司", "creditCode", subject));
            upload(department, complaint);
        }
        riskPasses.evaluate(List.of(subject));
    }

    private void claimListAndRelease() {
        String item = catalog.subItem("SAMR", "INSPECTION");
        given().auth()
                .oauth2(nanning)
                .contentType(ContentType.JSON)
                .body("{}")
                .post("/api/v1/items/{code}/claims", item)
                .then()
                .statusCode(201);
        String creditCode = (String) db.single("select credit_code from department where code = 'NN_SCJGJ'");
        Map<String, Object> list = new LinkedHashMap<>();
        list.put("implementingBodyName", "南宁市市场监督管理局");
        list.put("implementingBodyCreditCode", creditCode);
        list.put("exerciseLevel", 3);
        list.put("supervisedObject", "食品生产企业");
        list.put("checkForm", "ON_SITE");
        list.put("randomInspection", true);
        list.put("samplingProportion", new BigDecimal("5.00"));
        list.put("frequencyTimes", 1);
        list.put("frequencyPeriod", "YEAR");
        list.put("checkContent", "生产环境条件、进货查验、生产过程控制");
        given().auth()
                .oauth2(nanning)
                .contentType(ContentType.JSON)
                .body(list)
                .put("/api/v1/items/{code}/claims/{department}/implementation-list", item, "NN_SCJGJ")
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(nanning)
                .queryParam("reason", "职能调整")
                .delete("/api/v1/items/{code}/claims/NN_SCJGJ", item)
                .then()
                .statusCode(200);
    }

    private void upsertCertificate() {
        long n = System.nanoTime();
        String first17 = "450103"
                + LocalDate.of(1960, 1, 1).plusDays(n % 15000).toString().replace("-", "")
                + String.format("%03d", n / 15000 % 1000);
        Map<String, Object> holder = new LinkedHashMap<>();
        holder.put("name", "张三");
        holder.put("idNumber", first17 + IdNumbers.checkCharacter(first17));
        holder.put("departmentCode", "NN_SCJGJ");
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("holder", holder);
        body.put("kind", "PROVINCIAL");
        body.put("validFrom", TODAY.minusYears(1).toString());
        body.put("validTo", TODAY.plusYears(3).toString());
        body.put("categories", List.of("SAMR"));
        body.put("status", "VALID");
        given().auth()
                .oauth2(guangxiSystem)
                .contentType(ContentType.JSON)
                .body(body)
                .put(
                        "/api/v1/credentials/{issuer}/{certNo}",
                        "GX_SFT",
                        "E" + String.format("%011d", n % 100_000_000_000L))
                .then()
                .statusCode(201);
    }

    private void upsertSubjects() {
        given().auth()
                .oauth2(registry)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "source",
                        "gx-registry",
                        "name",
                        "南宁市事件测试有限公司",
                        "subjectType",
                        "ENTERPRISE",
                        "regionCode",
                        "450103",
                        "industryCode",
                        "C1310"))
                .put("/api/v1/subjects/{code}", CreditCodeGenerator.enterprise("450103"))
                .then()
                .statusCode(201);
        long n = System.nanoTime();
        String first17 = "450103"
                + LocalDate.of(1950, 1, 1).plusDays(n % 18000).toString().replace("-", "")
                + String.format("%03d", n / 18000 % 1000);
        given().auth()
                .oauth2(registry)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "source",
                        "gx-registry",
                        "idNumber",
                        first17 + IdNumbers.checkCharacter(first17),
                        "name",
                        "李四",
                        "regionCode",
                        "450103"))
                .post("/api/v1/subjects/persons")
                .then()
                .statusCode(201);
    }

    @SuppressWarnings("unchecked")
    private void createUpdateAndDeleteARecord() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> record = fixture.inspection(department);
        upload(department, record);
        Map<String, Object> changed = new LinkedHashMap<>(record);
        Map<String, Object> inspection = new LinkedHashMap<>((Map<String, Object>) record.get("inspection"));
        inspection.put("resultCode", "A");
        changed.put("inspection", inspection);
        upload(department, changed);
        upload(
                department,
                Map.of(
                        "operation",
                        "DELETE",
                        "sourceSystem",
                        record.get("sourceSystem"),
                        "sourceRecordId",
                        record.get("sourceRecordId")));
    }

    private static void upload(RecordFixture.Department department, Map<String, Object> record) {
        given().auth()
                .oauth2(department.systemToken())
                .contentType(ContentType.JSON)
                .body(List.of(record))
                .post("/api/v1/records")
                .then()
                .statusCode(200)
                .body("rejected", org.hamcrest.Matchers.equalTo(0));
    }

    private void sendCaseFeedback() {
        RecordFixture.Department department = fixture.department();
        long id = ((Number) db.single("""
                insert into national_case (kind, national_id, title, region_code, department_code, status, deadline, payload)
                values ('COMPLAINT', ?, '事件契约测试投诉', ?, ?, 'ASSIGNED', now() + interval '7 days', '{}')
                returning id""", "N-EVENTS-" + System.nanoTime(), department.regionCode(), department.code()))
                .longValue();
        given().auth()
                .oauth2(department.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("result", "经现场核查，投诉属实，已责令整改"))
                .post("/api/v1/complaints/{id}/feedback", id)
                .then()
                .statusCode(200);
    }

    private void registerAndDeactivateADepartment() {
        String code = "T_EVT_" + System.nanoTime() % 1_000_000_000L;
        Map<String, Object> department = new LinkedHashMap<>();
        department.put("name", "事件契约测试局");
        department.put("creditCode", CreditCodeGenerator.enterprise("450100"));
        department.put("regionCode", "450100");
        department.put("level", "CITY");
        department.put("sectorCodes", List.of("SAMR"));
        department.put(
                "entrusted",
                List.of(Map.of("name", "事件契约测试队", "creditCode", CreditCodeGenerator.enterprise("450100"))));
        department.put("validFrom", TODAY.toString());
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .contentType(ContentType.JSON)
                .body(department)
                .put("/api/v1/departments/{code}", code)
                .then()
                .statusCode(201);
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .delete("/api/v1/departments/{code}", code)
                .then()
                .statusCode(200);
    }
}
