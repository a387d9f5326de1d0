package org.supervisionhub.jointtask;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.ValidatableResponse;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** 跨部门联合监管: a task from 分发 through 认领, 处置 and 反馈 to 结束, its scope, its checks and its repeats. */
@QuarkusTest
class JointTaskTest {

    private static final String BEIHAI = "450500";
    private static final LocalDate TODAY = RecordFixture.TODAY;

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    /** Four departments of 北海: the initiator and three participants, and a subject to inspect. */
    private record Setting(
            RecordFixture.Department initiator,
            RecordFixture.Department market,
            RecordFixture.Department fire,
            RecordFixture.Department health,
            String subject) {}

    private Setting setting() {
        return new Setting(
                fixture.department(BEIHAI),
                fixture.department(BEIHAI),
                fixture.department(BEIHAI),
                fixture.department(BEIHAI),
                CreditCodeGenerator.enterprise(BEIHAI));
    }

    private Map<String, Object> taskBody(Setting s, List<String> participants, LocalDate deadline) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "北海市海城区餐饮单位联合检查");
        body.put("inspectContent", "食品经营许可、消防设施、从业人员健康证明");
        body.put("subjects", List.of(Map.of("creditCode", s.subject(), "name", "北海市某某餐饮有限公司")));
        body.put("itemCodes", List.of(s.initiator().inspectionItem()));
        body.put("participants", participants);
        body.put("deadline", deadline.toString());
        return body;
    }

    private long create(Setting s) {
        return create(s.initiator().adminToken(), taskBody(s, codes(s), TODAY.plusDays(10)));
    }

    private static long create(String token, Map<String, Object> body) {
        return post(token, "/api/v1/joint-tasks", body)
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static List<String> codes(Setting s) {
        return List.of(s.market().code(), s.fire().code(), s.health().code());
    }

    @Test
    void aJointTaskAcrossThreeDepartmentsRunsFromDistributionToClosingWithOneOverdueParticipant() {
        Setting s = setting();
        long id = post(s.initiator().adminToken(), "/api/v1/joint-tasks", taskBody(s, codes(s), TODAY.plusDays(10)))
                .statusCode(201)
                .body("status", equalTo("DISTRIBUTED"))
                .body("initiatorType", equalTo("DEPARTMENT"))
                .body("initiatorDepartmentCode", equalTo(s.initiator().code()))
                .body("initiatorRegionCode", equalTo(BEIHAI))
                .body("taskNo", org.hamcrest.Matchers.startsWith("LHJG" + BEIHAI))
                .body("participants.status", contains("DISTRIBUTED", "DISTRIBUTED", "DISTRIBUTED"))
                .body("overdue", equalTo(false))
                .extract()
                .jsonPath()
                .getLong("id");

        step(s.market(), id, "claim").statusCode(200).body("status", equalTo("DISTRIBUTED"));
        step(s.fire(), id, "claim").statusCode(200);
        step(s.health(), id, "claim").statusCode(200).body("status", equalTo("CLAIMED"));
        step(s.market(), id, "handling").statusCode(200).body("status", equalTo("HANDLING"));

        // 进一次门，查多项事: market and fire inspect the subject in one visit, one record each.
        long marketRecord = upload(s.market(), inspectionOf(s.market(), s.subject()));
        long fireRecord = upload(s.fire(), inspectionOf(s.fire(), s.subject()));
        feedback(s.market(), id, feedbackBody("INSPECTION", marketRecord, "LHJC-BH-01"))
                .statusCode(200);
        feedback(s.fire(), id, feedbackBody("INSPECTION", fireRecord, "LHJC-BH-01"))
                .statusCode(200)
                .body("visits[0].visitId", equalTo("LHJC-BH-01"))
                .body(
                        "visits[0].departmentCodes",
                        contains(s.market().code(), s.fire().code()))
                .body("visits[0].recordIds", contains((int) marketRecord, (int) fireRecord));

        // The deadline passes (they fed back in time, three days ago); health has not fed back: overdue.
        db.update("update joint_task set deadline = current_date - 1 where id = ?", id);
        db.update(
                "update joint_task_participant set fed_back_at = fed_back_at - interval '3 days' "
                        + "where task_id = ? and status = 'FED_BACK'",
                id);
        get(s.initiator().adminToken(), id)
                .statusCode(200)
                .body("status", equalTo("HANDLING"))
                .body("overdue", equalTo(true))
                .body("participants.overdue", contains(false, false, true));

        long penalty = upload(s.health(), penaltyOf(s.health(), s.subject()));
        feedback(s.health(), id, feedbackBody("PENALTY", penalty, null))
                .statusCode(200)
                .body("status", equalTo("FED_BACK"))
                .body("participants[2].feedbackKind", equalTo("PENALTY"))
                .body("participants[2].recordIds", contains((int) penalty));

        post(s.initiator().adminToken(), "/api/v1/joint-tasks/" + id + "/close", Map.of("remark", "各部门均已反馈"))
                .statusCode(200)
                .body("status", equalTo("CLOSED"))
                .body("closeRemark", equalTo("各部门均已反馈"))
                .body("overdue", equalTo(true))
                .body("participants.overdue", contains(false, false, true));

        assertThat(db.single("select closed_at is not null from joint_task where id = ?", id))
                .isEqualTo(true);
        assertThat(db.count("select count(*) from joint_task_record where task_id = ?", id))
                .isEqualTo(3);
        for (Map.Entry<String, Long> expected : Map.of(
                        "joint-task.created", 1L,
                        "joint-task.claimed", 3L,
                        "joint-task.started", 1L,
                        "joint-task.answered", 3L,
                        "joint-task.closed", 1L)
                .entrySet()) {
            assertThat(db.count(
                            "select count(*) from outbox where event_type = ? and aggregate_id = ?",
                            expected.getKey(),
                            String.valueOf(id)))
                    .as(expected.getKey())
                    .isEqualTo(expected.getValue());
        }
        assertThat(db.single(
                        "select payload->>'overdueDepartmentCodes' from outbox where event_type = 'joint-task.closed' "
                                + "and aggregate_id = ?",
                        String.valueOf(id)))
                .isEqualTo("[\"" + s.health().code() + "\"]");
        assertThat(db.count(
                        "select count(*) from audit_log where entity_type = 'joint_task' and entity_id = ?",
                        String.valueOf(id)))
                .isEqualTo(9);
    }

    @Test
    void closingBeforeEveryParticipantFedBackIsRefused() {
        Setting s = setting();
        long id = create(s);

        post(s.initiator().adminToken(), "/api/v1/joint-tasks/" + id + "/close", Map.of())
                .statusCode(409)
                .body("code", equalTo("JOINT_TASK_NOT_ALL_FED_BACK"));

        assertThat(db.single("select closed_at is null from joint_task where id = ?", id))
                .isEqualTo(true);
    }

    @Test
    void claimingAgainChangesNothing() {
        Setting s = setting();
        long id = create(s);
        step(s.market(), id, "claim").statusCode(200).body("version", equalTo(2));

        step(s.market(), id, "claim").statusCode(200).body("version", equalTo(2));

        assertThat(db.count(
                        "select count(*) from outbox where event_type = 'joint-task.claimed' and aggregate_id = ?",
                        String.valueOf(id)))
                .isEqualTo(1);
    }

    @Test
    void theSameFeedbackAgainChangesNothingAndOtherFeedbackIsRefused() {
        Setting s = setting();
        long id = create(s);
        step(s.market(), id, "claim").statusCode(200);
        long record = upload(s.market(), inspectionOf(s.market(), s.subject()));
        feedback(s.market(), id, feedbackBody("INSPECTION", record, null)).statusCode(200);

        feedback(s.market(), id, feedbackBody("INSPECTION", record, null)).statusCode(200);
        Map<String, Object> other = feedbackBody("INSPECTION", record, null);
        other.put("suggestion", "另一意见");
        feedback(s.market(), id, other).statusCode(409).body("code", equalTo("JOINT_TASK_ALREADY_FED_BACK"));

        assertThat(db.count(
                        "select count(*) from outbox where event_type = 'joint-task.answered' and aggregate_id = ?",
                        String.valueOf(id)))
                .isEqualTo(1);
        assertThat(db.single(
                        "select feedback_suggestion from joint_task_participant where task_id = ? and department_code = ?",
                        id,
                        s.market().code()))
                .isEqualTo("已完成现场检查，未发现违法违规行为");
    }

    @Test
    void feedbackBeforeTheClaimIsRefused() {
        Setting s = setting();
        long id = create(s);
        long record = upload(s.market(), inspectionOf(s.market(), s.subject()));

        feedback(s.market(), id, feedbackBody("INSPECTION", record, null))
                .statusCode(409)
                .body("code", equalTo("JOINT_TASK_STATE_INVALID"));

        assertThat(db.count("select count(*) from joint_task_record where task_id = ?", id))
                .isZero();
    }

    @Test
    void aRecordOfAnotherDepartmentOrKindOrSubjectIsRefusedByField() {
        Setting s = setting();
        long id = create(s);
        step(s.market(), id, "claim").statusCode(200);
        long foreign = upload(s.fire(), inspectionOf(s.fire(), s.subject()));
        long penalty = upload(s.market(), penaltyOf(s.market(), s.subject()));
        long otherSubject = upload(s.market(), fixture.inspection(s.market()));
        Map<String, Object> body = feedbackBody("INSPECTION", foreign, null);
        body.put("recordIds", List.of(foreign, penalty, otherSubject));

        feedback(s.market(), id, body)
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("recordIds[0]", "recordIds[1]", "recordIds[2]"))
                .body(
                        "errors.code",
                        contains(
                                "JOINT_TASK_RECORD_INVALID", "JOINT_TASK_RECORD_INVALID", "JOINT_TASK_RECORD_INVALID"));

        assertThat(db.single(
                        "select status from joint_task_participant where task_id = ? and department_code = ?",
                        id,
                        s.market().code()))
                .isEqualTo("CLAIMED");
    }

    @Test
    void recordsOfOneJointVisitMustShareTheirDate() {
        Setting s = setting();
        long id = create(s);
        step(s.market(), id, "claim").statusCode(200);
        step(s.fire(), id, "claim").statusCode(200);
        feedback(
                        s.market(),
                        id,
                        feedbackBody("INSPECTION", upload(s.market(), inspectionOf(s.market(), s.subject())), "V1"))
                .statusCode(200);
        Map<String, Object> earlier = inspectionOf(s.fire(), s.subject());
        ((Map<String, Object>) earlier.get("inspection"))
                .put("checkDate", TODAY.minusDays(2).toString());

        feedback(s.fire(), id, feedbackBody("INSPECTION", upload(s.fire(), earlier), "V1"))
                .statusCode(400)
                .body("errors[0].field", equalTo("visitId"))
                .body("errors[0].code", equalTo("JOINT_VISIT_DATE_MISMATCH"));
    }

    @Test
    void invalidTasksAreRefusedWithFieldNames() {
        Setting s = setting();
        RecordFixture.Department nanning = fixture.department("450100");
        Map<String, Object> body = taskBody(s, List.of(s.market().code(), nanning.code()), TODAY.plusDays(5));
        body.put("itemCodes", List.of("99999999999999"));

        post(s.initiator().adminToken(), "/api/v1/joint-tasks", body)
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("participants[1]"))
                .body("errors[0].code", equalTo("JOINT_TASK_DEPARTMENT_INVALID"));

        Map<String, Object> bad =
                taskBody(s, List.of(s.market().code(), s.market().code()), TODAY.minusDays(1));
        bad.remove("title");
        post(s.initiator().adminToken(), "/api/v1/joint-tasks", bad)
                .statusCode(400)
                .body("errors.field", hasItem("title"));
        bad.put("title", "重复与过期");
        post(s.initiator().adminToken(), "/api/v1/joint-tasks", bad)
                .statusCode(400)
                .body("errors.field", contains("participants[1]", "deadline"));

        assertThat(db.count(
                        "select count(*) from joint_task where initiator_department_code = ?",
                        s.initiator().code()))
                .isZero();
    }

    @Test
    void aRegionTakesPartThroughItsDepartmentsThatClaimAnItemOfTheTask() {
        Setting s = setting();
        // 海城区 (450502): one department claims the task's item, another claims nothing of it.
        RecordFixture.Department claimant = fixture.department("450502");
        RecordFixture.Department bystander = fixture.department("450502");
        db.update(
                "insert into item_claim (item_code, department_code, status, claimed_by) values (?, ?, 'ACTIVE', 'test')",
                s.initiator().inspectionItem(),
                claimant.code());
        Map<String, Object> body = taskBody(s, List.of(s.market().code()), TODAY.plusDays(10));
        body.put("participantRegions", List.of("450502"));

        long id = post(s.initiator().adminToken(), "/api/v1/joint-tasks", body)
                .statusCode(201)
                .body("participants.departmentCode", contains(s.market().code(), claimant.code()))
                .extract()
                .jsonPath()
                .getLong("id");

        assertThat(db.count(
                        "select count(*) from joint_task_participant where task_id = ? and department_code = ?",
                        id,
                        bystander.code()))
                .isZero();
        given().auth()
                .oauth2(claimant.adminToken())
                .post("/api/v1/joint-tasks/" + id + "/participants/" + claimant.code() + "/claim")
                .then()
                .statusCode(200)
                .body("participants[1].status", equalTo("CLAIMED"));
    }

    @Test
    void aRegionOutsideTheInitiatorsOrWithoutAClaimantIsRefusedByField() {
        Setting s = setting();
        Map<String, Object> body = taskBody(s, List.of(), TODAY.plusDays(10));
        body.put("participantRegions", List.of("450100", "450503"));

        post(s.initiator().adminToken(), "/api/v1/joint-tasks", body)
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("participantRegions[0]", "participantRegions[1]"))
                .body("errors.code", contains("JOINT_TASK_REGION_INVALID", "JOINT_TASK_REGION_INVALID"));

        body.remove("participantRegions");
        post(s.initiator().adminToken(), "/api/v1/joint-tasks", body)
                .statusCode(400)
                .body("errors[0].field", equalTo("participants"))
                .body("errors[0].code", equalTo("REQUIRED"));
        assertThat(db.count(
                        "select count(*) from joint_task where initiator_department_code = ?",
                        s.initiator().code()))
                .isZero();
    }

    @Test
    void anUnknownItemIsRefusedByField() {
        Setting s = setting();
        Map<String, Object> body = taskBody(s, codes(s), TODAY.plusDays(5));
        body.put("itemCodes", List.of(s.initiator().inspectionItem(), "45999999999999"));

        post(s.initiator().adminToken(), "/api/v1/joint-tasks", body)
                .statusCode(400)
                .body("errors[0].field", equalTo("itemCodes[1]"))
                .body("errors[0].code", equalTo("JOINT_TASK_ITEM_INVALID"));
    }

    @Test
    void anOfficerMayNotCreateOrClaim() {
        Setting s = setting();
        long id = create(s);
        String officer = Tokens.withRoles(
                "officer-" + s.market().code(), List.of("officer"), s.market().code(), BEIHAI);

        post(officer, "/api/v1/joint-tasks", taskBody(s, codes(s), TODAY.plusDays(3)))
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        post(
                        officer,
                        "/api/v1/joint-tasks/" + id + "/participants/"
                                + s.market().code() + "/claim",
                        null)
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));

        assertThat(db.single(
                        "select status from joint_task_participant where task_id = ? and department_code = ?",
                        id,
                        s.market().code()))
                .isEqualTo("DISTRIBUTED");
    }

    @Test
    void aDepartmentOutsideTheTaskNeitherSeesNorClaimsIt() {
        Setting s = setting();
        long id = create(s);
        RecordFixture.Department outsider = fixture.department(BEIHAI);

        get(outsider.adminToken(), id).statusCode(404).body("code", equalTo("JOINT_TASK_NOT_FOUND"));
        post(outsider.adminToken(), "/api/v1/joint-tasks/" + id + "/participants/" + outsider.code() + "/claim", null)
                .statusCode(404)
                .body("code", equalTo("JOINT_TASK_NOT_FOUND"));
        given().auth()
                .oauth2(outsider.adminToken())
                .get("/api/v1/joint-tasks")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem((int) id)));
    }

    @Test
    void aParticipantCannotActForAnotherParticipant() {
        Setting s = setting();
        long id = create(s);

        post(
                        s.market().adminToken(),
                        "/api/v1/joint-tasks/" + id + "/participants/"
                                + s.fire().code() + "/claim",
                        null)
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        post(s.market().adminToken(), "/api/v1/joint-tasks/" + id + "/close", Map.of())
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));

        assertThat(db.single(
                        "select status from joint_task_participant where task_id = ? and department_code = ?",
                        id,
                        s.fire().code()))
                .isEqualTo("DISTRIBUTED");
    }

    @Test
    void participantsSeeTheTaskAndTheRegionAdminOfAnotherRegionDoesNot() {
        Setting s = setting();
        long id = create(s);

        get(s.fire().adminToken(), id).statusCode(200).body("id", equalTo((int) id));
        given().auth()
                .oauth2(Tokens.regionAdmin(BEIHAI))
                .queryParam("department", s.health().code())
                .get("/api/v1/joint-tasks")
                .then()
                .statusCode(200)
                .body("items.id", hasItem((int) id));
        get(Tokens.regionAdmin("450100"), id).statusCode(404).body("code", equalTo("JOINT_TASK_NOT_FOUND"));
        post(
                        Tokens.regionAdmin("450100"),
                        "/api/v1/joint-tasks/" + id + "/participants/"
                                + s.fire().code() + "/claim",
                        null)
                .statusCode(404);
    }

    @Test
    void aRegionsTaskIsClosedByTheRegionNotByAParticipant() {
        Setting s = setting();
        Map<String, Object> body = taskBody(s, List.of(s.market().code()), TODAY.plusDays(5));
        long id = post(Tokens.regionAdmin(BEIHAI), "/api/v1/joint-tasks", body)
                .statusCode(201)
                .body("initiatorType", equalTo("REGION"))
                .body("initiatorRegionCode", equalTo(BEIHAI))
                .body("initiatorDepartmentCode", equalTo(null))
                .extract()
                .jsonPath()
                .getLong("id");
        step(s.market(), id, "claim").statusCode(200);
        feedback(
                        s.market(),
                        id,
                        feedbackBody("INSPECTION", upload(s.market(), inspectionOf(s.market(), s.subject())), null))
                .statusCode(200);

        post(s.market().adminToken(), "/api/v1/joint-tasks/" + id + "/close", Map.of())
                .statusCode(403)
                .body("code", equalTo("REGION_OUT_OF_SCOPE"));
        post(Tokens.regionAdmin(BEIHAI), "/api/v1/joint-tasks/" + id + "/close", Map.of())
                .statusCode(200)
                .body("status", equalTo("CLOSED"));
        post(Tokens.regionAdmin(BEIHAI), "/api/v1/joint-tasks/" + id + "/close", Map.of())
                .statusCode(200)
                .body("status", equalTo("CLOSED"));

        assertThat(db.count(
                        "select count(*) from outbox where event_type = 'joint-task.closed' and aggregate_id = ?",
                        String.valueOf(id)))
                .isEqualTo(1);
    }

    @Test
    void aDepartmentCannotInitiateForAnotherDepartment() {
        Setting s = setting();
        Map<String, Object> body = taskBody(s, codes(s), TODAY.plusDays(5));
        body.put("initiatorDepartmentCode", s.market().code());

        post(s.initiator().adminToken(), "/api/v1/joint-tasks", body)
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));

        assertThat(db.count(
                        "select count(*) from joint_task where initiator_department_code = ?",
                        s.market().code()))
                .isZero();
    }

    @Test
    void aTaskIsRenderedInTheNationalShapeAsXmlOrJson() {
        Setting s = setting();
        long id = create(s);
        step(s.market(), id, "claim").statusCode(200);
        String taskNo = (String) db.single("select task_no from joint_task where id = ?", id);

        String xml = given().auth()
                .oauth2(s.initiator().adminToken())
                .accept("application/xml")
                .get("/api/v1/joint-tasks/" + id + "/national")
                .then()
                .statusCode(200)
                .contentType(org.hamcrest.Matchers.startsWith("application/xml"))
                .extract()
                .asString();
        SuperviseData fromXml = SuperviseDataCodec.fromXml(
                new java.io.ByteArrayInputStream(xml.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        assertThat(fromXml.taskInfo().taskNo()).isEqualTo(taskNo);
        assertThat(fromXml.taskInfo().status()).isEqualTo("分发");
        assertThat(fromXml.taskInfo().unionDeptNo()).isEqualTo(codes(s));
        assertThat(fromXml.superviseObjects().get(0).objectCode()).isEqualTo(s.subject());
        assertThat(fromXml.taskDetails())
                .extracting(SuperviseData.TaskDetails::status)
                .containsExactly("认领", "分发", "分发");

        given().auth()
                .oauth2(s.market().adminToken())
                .accept("application/json")
                .get("/api/v1/joint-tasks/" + id + "/national")
                .then()
                .statusCode(200)
                .body("superviseData.taskInfo.taskNo", equalTo(taskNo))
                .body(
                        "superviseData.supervisionProcess.taskDetails[0].'@unitNo'",
                        equalTo(s.market().code()));
        given().auth()
                .oauth2(fixture.department(BEIHAI).adminToken())
                .accept("application/json")
                .get("/api/v1/joint-tasks/" + id + "/national")
                .then()
                .statusCode(404)
                .body("code", equalTo("JOINT_TASK_NOT_FOUND"));
    }

    // ---- helpers -----------------------------------------------------------------------------------

    private Map<String, Object> inspectionOf(RecordFixture.Department department, String subject) {
        Map<String, Object> record = fixture.inspection(department);
        record.put("subject", Map.of("type", "ENTERPRISE", "name", "北海市某某餐饮有限公司", "creditCode", subject));
        return record;
    }

    private Map<String, Object> penaltyOf(RecordFixture.Department department, String subject) {
        Map<String, Object> record = fixture.penalty(department);
        record.put("subject", Map.of("type", "ENTERPRISE", "name", "北海市某某餐饮有限公司", "creditCode", subject));
        return record;
    }

    private static Map<String, Object> feedbackBody(String kind, long record, String visit) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("kind", kind);
        body.put("recordIds", List.of(record));
        body.put("suggestion", "已完成现场检查，未发现违法违规行为");
        if (visit != null) {
            body.put("visitId", visit);
        }
        return body;
    }

    private long upload(RecordFixture.Department department, Map<String, Object> record) {
        given().auth()
                .oauth2(department.systemToken())
                .contentType(ContentType.JSON)
                .body(List.of(record))
                .post("/api/v1/records")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("rejected", equalTo(0));
        return ((Number) db.single(
                        "select id from behaviour_record where source_system = ? and source_record_id = ?",
                        record.get("sourceSystem"),
                        record.get("sourceRecordId")))
                .longValue();
    }

    private static ValidatableResponse step(RecordFixture.Department department, long id, String step) {
        return post(
                department.adminToken(),
                "/api/v1/joint-tasks/" + id + "/participants/" + department.code() + "/" + step,
                null);
    }

    private static ValidatableResponse feedback(
            RecordFixture.Department department, long id, Map<String, Object> body) {
        return post(
                department.adminToken(),
                "/api/v1/joint-tasks/" + id + "/participants/" + department.code() + "/feedback",
                body);
    }

    private static ValidatableResponse get(String token, long id) {
        return given().auth()
                .oauth2(token)
                .get("/api/v1/joint-tasks/" + id)
                .then()
                .log()
                .ifValidationFails();
    }

    private static ValidatableResponse post(String token, String path, Object body) {
        var request = given().auth().oauth2(token);
        if (body != null) {
            request = request.contentType(ContentType.JSON).body(body);
        }
        return request.post(path).then().log().ifValidationFails();
    }
}
