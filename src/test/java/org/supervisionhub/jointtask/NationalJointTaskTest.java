package org.supervisionhub.jointtask;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.supervisionhub.support.Eventually.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * Joint tasks both ways with the national platform: a superviseData document sent down (JSON or XML) becomes a joint
 * task for the hub's departments it names, revisions move and end it, and each participant's step goes back up in the
 * national shape with its records' contents.
 */
@QuarkusTest
class NationalJointTaskTest {

    private static final String NANNING = "450100";
    private static final String NATIONAL = Tokens.withRoles("national-platform", List.of("national"), null, null);

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    @Inject
    ObjectMapper mapper;

    /** Three departments of 南宁: named by code, named by credit code, and one taking part for its region. */
    private record Setting(
            RecordFixture.Department byCode,
            RecordFixture.Department byCreditCode,
            RecordFixture.Department ofRegion,
            String regionOfThird,
            String subject,
            String taskNo) {}

    private Setting setting() {
        RecordFixture.Department byCode = fixture.department(NANNING);
        RecordFixture.Department byCreditCode = fixture.department(NANNING);
        // The third department, of a county, claims the task's item (the first department's own test item).
        String county = "450125";
        RecordFixture.Department ofRegion = fixture.department(county);
        db.update(
                "insert into item_claim (item_code, department_code, status, claimed_by) values (?, ?, 'ACTIVE', 'test')",
                byCode.inspectionItem(),
                ofRegion.code());
        return new Setting(
                byCode,
                byCreditCode,
                ofRegion,
                county,
                CreditCodeGenerator.enterprise(NANNING),
                "LHJG-GJ-" + UUID.randomUUID().toString().substring(0, 8));
    }

    private Map<String, Object> document(Setting s, String status) {
        Map<String, Object> taskInfo = new LinkedHashMap<>();
        taskInfo.put("taskNo", s.taskNo());
        taskInfo.put("taskName", "2026年校园周边食品安全跨部门联合检查");
        taskInfo.put("status", status);
        taskInfo.put("initiateUnitNo", "SAMR");
        taskInfo.put("initiateUnitName", "国家市场监督管理总局");
        taskInfo.put("initiateUnitType", "dept");
        taskInfo.put("unionDeptNo", s.byCode().code() + "," + s.byCreditCode().creditCode() + ",NOT_A_HUB_UNIT");
        taskInfo.put("supervisionMatterCode", s.byCode().inspectionItem());
        taskInfo.put("inspectContent", "校园周边食品经营者的许可和进货查验");
        Map<String, Object> object = new LinkedHashMap<>();
        object.put("@id", "1");
        object.put("objectName", "南宁市某某餐饮有限公司");
        object.put("objectCode", s.subject());
        object.put("basisData", Map.of("creditAssess", "B", "complaintInfo", "2"));
        Map<String, Object> regionUnit = new LinkedHashMap<>();
        regionUnit.put("@unitNo", s.regionOfThird());
        regionUnit.put("@unitType", "region");
        regionUnit.put("status", status);
        Map<String, Object> document = new LinkedHashMap<>();
        document.put("@version", "1.0");
        document.put("taskInfo", taskInfo);
        document.put("superviseObjects", Map.of("superviseObject", List.of(object)));
        document.put("supervisionProcess", Map.of("taskDetails", List.of(regionUnit)));
        return document;
    }

    private static Map<String, Object> message(Setting s, int revision, Map<String, Object> document, String deadline) {
        Map<String, Object> message = new LinkedHashMap<>();
        message.put("nationalId", s.taskNo());
        message.put("revision", revision);
        if (deadline != null) {
            message.put("deadline", deadline);
        }
        message.put("superviseData", document);
        return message;
    }

    private static ValidatableResponse send(Object message) {
        return given().auth()
                .oauth2(NATIONAL)
                .contentType(ContentType.JSON)
                .body(message)
                .post("/api/v1/national/callbacks/joint-tasks")
                .then()
                .log()
                .ifValidationFails();
    }

    private Map<String, Object> task(String taskNo) {
        List<Map<String, Object>> rows = db.rows("select * from joint_task where task_no = ?", taskNo);
        return rows.isEmpty() ? null : rows.get(0);
    }

    private long received(Setting s) {
        await("the national task is a joint task", () -> task(s.taskNo()) != null);
        return ((Number) task(s.taskNo()).get("id")).longValue();
    }

    @Test
    void aNationalTaskBecomesAJointTaskOfTheHubsDepartmentsItNames() {
        Setting s = setting();

        send(message(s, 1, document(s, "分发"), "2026-12-31"))
                .statusCode(200)
                .body("kind", equalTo("joint-tasks"))
                .body("nationalId", equalTo(s.taskNo()))
                .body("duplicate", equalTo(false));
        long id = received(s);

        assertThat(task(s.taskNo()))
                .containsEntry("initiator_type", "NATIONAL")
                .containsEntry("initiator_region_code", "000000")
                .containsEntry("national_revision", 1)
                .containsEntry("title", "2026年校园周边食品安全跨部门联合检查")
                .containsEntry("deadline", java.sql.Date.valueOf("2026-12-31"));
        assertThat(db.rows(
                        "select department_code, national_unit_no from joint_task_participant where task_id = ?"
                                + " order by position",
                        id))
                .containsExactly(
                        Map.of(
                                "department_code",
                                s.byCode().code(),
                                "national_unit_no",
                                s.byCode().code()),
                        Map.of(
                                "department_code",
                                s.byCreditCode().code(),
                                "national_unit_no",
                                s.byCreditCode().creditCode()),
                        Map.of("department_code", s.ofRegion().code(), "national_unit_no", s.regionOfThird()));
        given().auth()
                .oauth2(s.byCreditCode().adminToken())
                .get("/api/v1/joint-tasks/" + id)
                .then()
                .statusCode(200)
                .body("initiatorType", equalTo("NATIONAL"))
                .body("taskNo", equalTo(s.taskNo()))
                .body("subjects[0].creditCode", equalTo(s.subject()))
                .body("itemCodes", contains(s.byCode().inspectionItem()))
                .body("status", equalTo("DISTRIBUTED"));
        assertThat(db.count(
                        "select count(*) from outbox where aggregate_type = 'joint_task' and aggregate_id = ?"
                                + " and event_type = 'joint-task.created' and payload->>'initiatorType' = 'NATIONAL'",
                        String.valueOf(id)))
                .isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from audit_log where entity_type = 'joint_task' and entity_id = ?"
                                + " and action = 'JOINT_TASK_RECEIVED'",
                        String.valueOf(id)))
                .isEqualTo(1);
    }

    @Test
    void theSameTaskSentTwiceIsOneTask() {
        Setting s = setting();
        send(message(s, 1, document(s, "分发"), null)).statusCode(200).body("duplicate", equalTo(false));
        send(message(s, 1, document(s, "分发"), null)).statusCode(200).body("duplicate", equalTo(true));
        received(s);

        assertThat(db.count("select count(*) from joint_task where task_no = ?", s.taskNo()))
                .isEqualTo(1);
        // No deadline named: the hub's 30 days for national tasks.
        assertThat(task(s.taskNo())).containsEntry("deadline", java.sql.Date.valueOf(RecordFixture.TODAY.plusDays(30)));
    }

    @Test
    void aNewerRevisionMovesTheDeadlineAndTheEndClosesTheTask() {
        Setting s = setting();
        send(message(s, 1, document(s, "分发"), "2026-12-31")).statusCode(200);
        long id = received(s);

        send(message(s, 2, document(s, "分发"), "2027-01-15")).statusCode(200);
        await(
                "revision 2 applied",
                () -> Integer.valueOf(2).equals(task(s.taskNo()).get("national_revision")));
        assertThat(task(s.taskNo())).containsEntry("deadline", java.sql.Date.valueOf("2027-01-15"));

        Map<String, Object> ended = document(s, "结束");
        ((Map<String, Object>) ((List<?>) ((Map<?, ?>) ended.get("supervisionProcess")).get("taskDetails")).get(0))
                .put("endReason", "任务撤销");
        send(message(s, 3, ended, "2027-01-15")).statusCode(200);
        await("closed by the platform", () -> task(s.taskNo()).get("closed_at") != null);
        assertThat(task(s.taskNo()))
                .containsEntry("closed_by", "national-platform")
                .containsEntry("close_remark", "任务撤销");
        assertThat(db.count(
                        "select count(*) from outbox where aggregate_id = ? and event_type = 'joint-task.closed'",
                        String.valueOf(id)))
                .isEqualTo(1);
        // An older revision arriving late changes nothing.
        send(message(s, 2, document(s, "分发"), "2026-12-20")).statusCode(200).body("duplicate", equalTo(true));
        assertThat(task(s.taskNo())).containsEntry("national_revision", 3);
    }

    @Test
    void aTaskSentAsXmlIsReadAsTheSameDocument() {
        Setting s = setting();
        String xml = """
                <?xml version="1.0" encoding="UTF-8"?>
                <superviseData xmlns="http://jointsupervision.example.gov.cn/superviseData/1.0" version="1.0">
                  <taskInfo>
                    <taskNo>%s</taskNo>
                    <taskName>校园周边联合检查（XML）</taskName>
                    <status>分发</status>
                    <initiateUnitNo>SAMR</initiateUnitNo>
                    <initiateUnitType>dept</initiateUnitType>
                    <unionDeptNo>%s</unionDeptNo>
                    <supervisionMatterCode>%s</supervisionMatterCode>
                  </taskInfo>
                  <superviseObjects>
                    <superviseObject id="1"><objectName>南宁市某某餐饮有限公司</objectName><objectCode>%s</objectCode></superviseObject>
                  </superviseObjects>
                </superviseData>
                """.formatted(s.taskNo(), s.byCode().code(), s.byCode().inspectionItem(), s.subject());

        given().auth()
                .oauth2(NATIONAL)
                .contentType("application/xml")
                .header("X-National-Revision", "4")
                .body(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/national/callbacks/joint-tasks")
                .then()
                .statusCode(200)
                .body("nationalId", equalTo(s.taskNo()))
                .body("revision", equalTo(4));
        received(s);

        assertThat(task(s.taskNo())).containsEntry("title", "校园周边联合检查（XML）").containsEntry("national_revision", 4);
    }

    @Test
    void xmlForAKindSentAsJsonOnlyIsRefused() {
        given().auth()
                .oauth2(NATIONAL)
                .contentType("application/xml")
                .body("<complaint/>")
                .post("/api/v1/national/callbacks/complaints")
                .then()
                .statusCode(415)
                .contentType("application/problem+json")
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void anXmlTaskWithABadRevisionHeaderIsRefusedByField() {
        given().auth()
                .oauth2(NATIONAL)
                .contentType("application/xml")
                .header("X-National-Revision", "0")
                .body("<superviseData><taskInfo><taskNo>LHJG-X</taskNo></taskInfo></superviseData>")
                .post("/api/v1/national/callbacks/joint-tasks")
                .then()
                .statusCode(400)
                .body("code", equalTo("REVISION_INVALID"))
                .body("errors[0].field", equalTo("X-National-Revision"));
    }

    @Test
    void aDepartmentCannotSendTheNationalPlatformsTasks() {
        Setting s = setting();
        given().auth()
                .oauth2(s.byCode().adminToken())
                .contentType(ContentType.JSON)
                .body(message(s, 1, document(s, "分发"), null))
                .post("/api/v1/national/callbacks/joint-tasks")
                .then()
                .statusCode(401);
        assertThat(db.count("select count(*) from inbox where national_id = ?", s.taskNo()))
                .isZero();
    }

    @Test
    void aTaskNoDepartmentOfTheHubTakesPartInIsNotStoredAndTheInboxSaysWhy() {
        Setting s = setting();
        Map<String, Object> document = document(s, "分发");
        ((Map<String, Object>) document.get("taskInfo")).put("unionDeptNo", "ONLY_ELSEWHERE");
        document.put("supervisionProcess", Map.of());

        send(message(s, 1, document, null)).statusCode(200);

        await(
                "the inbox reports the failure",
                () -> db.count(
                                "select count(*) from inbox where national_id = ? and last_error like ?",
                                s.taskNo(),
                                "%no unit of national joint task%")
                        == 1);
        assertThat(task(s.taskNo())).isNull();
    }

    @Test
    void aParticipantsFeedbackGoesUpInTheNationalShapeWithItsRecordsContents() throws Exception {
        Setting s = setting();
        send(message(s, 1, document(s, "分发"), null)).statusCode(200);
        long id = received(s);
        RecordFixture.Department department = s.byCreditCode();
        String base = "/api/v1/joint-tasks/" + id + "/participants/" + department.code();
        given().auth()
                .oauth2(department.adminToken())
                .post(base + "/claim")
                .then()
                .statusCode(200);
        Map<String, Object> inspection = fixture.inspection(department);
        inspection.put("subject", Map.of("type", "ENTERPRISE", "name", "南宁市某某餐饮有限公司", "creditCode", s.subject()));
        long record = fixture.stored(department, inspection);

        given().auth()
                .oauth2(department.adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of("kind", "INSPECTION", "recordIds", List.of(record), "suggestion", "已检查，未发现问题"))
                .post(base + "/feedback")
                .then()
                .statusCode(200)
                .body("participants[1].status", equalTo("FED_BACK"));

        List<Map<String, Object>> reports = db.rows(
                "select payload::text as payload from outbox where aggregate_id = ? and event_type = 'joint-task.reported'"
                        + " and payload->>'change' = 'FED_BACK'",
                String.valueOf(id));
        assertThat(reports).hasSize(1);
        JsonNode report = mapper.readTree((String) reports.get(0).get("payload"));
        assertThat(report.path("departmentCode").asText()).isEqualTo(department.code());
        JsonNode document = report.path("superviseData");
        assertThat(document.path("taskInfo").path("initiateUnitName").asText()).isEqualTo("国家市场监督管理总局");
        assertThat(document.path("taskInfo").path("status").asText()).isEqualTo("分发");
        assertThat(document.path("superviseObjects")
                        .path("superviseObject")
                        .get(0)
                        .path("basisData")
                        .path("creditAssess")
                        .asText())
                .isEqualTo("B");
        JsonNode unit = document.path("supervisionProcess").path("taskDetails").get(1);
        assertThat(unit.path("@unitNo").asText()).isEqualTo(department.creditCode());
        assertThat(unit.path("status").asText()).isEqualTo("反馈");
        assertThat(unit.path("feedbackSuggestion").asText()).isEqualTo("已检查，未发现问题");
        JsonNode block = unit.path("admInspection").isArray()
                ? unit.path("admInspection").get(0)
                : unit.path("admInspection");
        assertThat(block.path("@objectId").asText()).isEqualTo("1");
        assertThat(block.path("checkActionCode").asText())
                .isEqualTo(((Map<?, ?>) inspection.get("inspection")).get("actionNumber"));
        assertThat(block.path("checkResult").asText())
                .isEqualTo(((Map<?, ?>) inspection.get("inspection")).get("resultCode"));
        assertThat(block.path("administrativeCpCode").asText()).isEqualTo(s.subject());
        assertThat(block.path("checkPersonnelCode").asText()).contains(",");
        assertThat(block.path("hubRecordId").asText()).isEqualTo(String.valueOf(record));

        // The same document is served on request, and reads back through the national codec.
        String xml = given().auth()
                .oauth2(department.adminToken())
                .accept("application/xml")
                .get("/api/v1/joint-tasks/" + id + "/national")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        SuperviseData read = SuperviseDataCodec.fromXml(
                new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(read.taskDetails().get(1).feedbacks()).hasSize(1);
        assertThat(read.taskDetails().get(1).feedbacks().get(0).kind()).isEqualTo("admInspection");
    }

    @Test
    void aRegionAdminOfAnotherRegionDoesNotSeeANationalTask() {
        Setting s = setting();
        send(message(s, 1, document(s, "分发"), null)).statusCode(200);
        long id = received(s);

        given().auth()
                .oauth2(Tokens.regionAdmin("450500"))
                .get("/api/v1/joint-tasks/" + id)
                .then()
                .statusCode(404)
                .body("code", equalTo("JOINT_TASK_NOT_FOUND"));
        // Only the platform (or a hub admin) ends a national task; a participant's admin may not.
        given().auth()
                .oauth2(s.byCode().adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of())
                .post("/api/v1/joint-tasks/" + id + "/close")
                .then()
                .statusCode(403);
    }
}
