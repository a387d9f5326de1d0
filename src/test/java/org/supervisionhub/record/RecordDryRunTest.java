package org.supervisionhub.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.supervisionhub.record.RecordFixture.list;
import static org.supervisionhub.record.RecordFixture.upload;
import static org.supervisionhub.record.RecordFixture.uploadNdjson;
import static org.supervisionhub.record.RecordFixture.with;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * 试运行: POST /api/v1/records?dryRun=true validates exactly as a real upload and answers the same verdicts, with the
 * canonical records, storing nothing (no record, no event, no data-quality figure) but one audit entry.
 */
@QuarkusTest
class RecordDryRunTest {

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    @Inject
    ObjectMapper mapper;

    /** Rows a real upload of the department would add to: its records, their events, its data-quality figures. */
    private List<Long> footprint(RecordFixture.Department department) {
        return List.of(
                db.count("select count(*) from behaviour_record where department_code = ?", department.code()),
                db.count("select count(*) from outbox where payload->>'departmentCode' = ?", department.code()),
                db.count("select count(*) from record_quality_daily where department_code = ?", department.code()),
                db.count("select count(*) from record_rejection_daily where department_code = ?", department.code()));
    }

    private long dryRunAudits(RecordFixture.Department department) {
        return db.count(
                "select count(*) from audit_log where action = 'RECORDS_DRY_RUN' and detail->>'department' = ?",
                department.code());
    }

    @Test
    void dryRunOfValidRecordsAnswersTheirCanonicalFormsAndStoresNothing() {
        RecordFixture.Department department = fixture.department();
        Map<String, Object> inspection = fixture.inspection(department);
        Map<String, Object> complaint = fixture.complaint(department);
        List<Long> before = footprint(department);

        upload(department.systemToken(), list(inspection, complaint), "?dryRun=true")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("received", equalTo(2))
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(0))
                .body("issues.size()", equalTo(0))
                .body("records.outcome", equalTo(List.of("CREATED", "CREATED")))
                .body("records[0].sourceRecordId", equalTo(inspection.get("sourceRecordId")))
                .body("records[0].canonical.sourceRecordId", equalTo(inspection.get("sourceRecordId")))
                .body("records[0].canonical.kind", equalTo("INSPECTION"))
                .body("records[0].stored.departmentCode", equalTo(department.code()))
                .body("records[1].stored.kind", equalTo("COMPLAINT"));

        assertThat(footprint(department)).isEqualTo(before);
        assertThat(db.rows(
                        "select detail->>'received' as received, detail->>'valid' as valid from audit_log "
                                + "where action = 'RECORDS_DRY_RUN' and detail->>'department' = ?",
                        department.code()))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row).containsEntry("received", "2");
                    assertThat(row).containsEntry("valid", "2");
                });
    }

    @Test
    void dryRunOfInvalidRecordsAnswersTheSameIssuesAsARealUpload() {
        RecordFixture.Department department = fixture.department();
        RecordFixture.Department other = fixture.department();
        List<Map<String, Object>> body = list(
                fixture.inspection(department),
                with(
                        with(fixture.penalty(department), "penalty.procedure", "03"),
                        "subject.creditCode",
                        "91350100M000100Y44"),
                with(fixture.inspection(department), "departmentCode", other.code()),
                Map.of("operation", "DELETE", "sourceSystem", "TEST-SYS", "sourceRecordId", "NO-SUCH-RECORD"));

        JsonPath dry = upload(department.systemToken(), body, "?dryRun=true")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        assertThat(footprint(department).get(0)).isZero();
        JsonPath real = upload(department.systemToken(), body, "")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(dry.getList("issues")).hasSize(3).isEqualTo(real.getList("issues"));
        assertThat(dry.getMap("errorCounts"))
                .containsKeys("CREDIT_CODE_INVALID", "PROCEDURE_INVALID", "DEPARTMENT_OUT_OF_SCOPE", "RECORD_NOT_FOUND")
                .isEqualTo(real.getMap("errorCounts"));
        assertThat(dry.getList("records.outcome")).isEqualTo(real.getList("records.outcome"));
        // The same body again: the dry run now judges its valid record an identical re-send, as the write would.
        upload(department.systemToken(), body, "?dryRun=true")
                .then()
                .statusCode(200)
                .body("records.outcome", equalTo(List.of("UNCHANGED", "REJECTED", "REJECTED", "REJECTED")));
    }

    @Test
    void ndjsonDryRunAnswersCountsAndIssuesOnly() throws Exception {
        RecordFixture.Department department = fixture.department();
        String body = mapper.writeValueAsString(fixture.inspection(department)) + "\n"
                + mapper.writeValueAsString(with(fixture.penalty(department), "penalty.fineAmount", -1)) + "\n";
        List<Long> before = footprint(department);

        uploadNdjson(department.systemToken(), body, "?dryRun=true")
                .then()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("issues[0].line", equalTo(2))
                .body("issues[0].errors[0].code", equalTo("AMOUNT_INVALID"))
                .body("records", nullValue());

        assertThat(footprint(department)).isEqualTo(before);
        assertThat(dryRunAudits(department)).isEqualTo(1);
    }

    @Test
    void dryRunAsAJobIsRefused() {
        RecordFixture.Department department = fixture.department();

        upload(department.systemToken(), list(fixture.inspection(department)), "?dryRun=true&async=true")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("DRY_RUN_ASYNC_UNSUPPORTED"));

        assertThat(dryRunAudits(department)).isZero();
        assertThat(db.count("select count(*) from upload_job where department_code = ?", department.code()))
                .isZero();
    }

    @Test
    void dryRunNeedsTheUploadRoles() {
        RecordFixture.Department department = fixture.department();

        upload(
                        Tokens.withRoles(
                                "officer-" + department.code(),
                                List.of("officer"),
                                department.code(),
                                department.regionCode()),
                        list(fixture.inspection(department)),
                        "?dryRun=true")
                .then()
                .statusCode(403);

        assertThat(dryRunAudits(department)).isZero();
    }

    @Test
    void dryRunOfAnUnregisteredDepartmentIsRefusedLikeAnUpload() {
        RecordFixture.Department department = fixture.department();

        upload(
                        Tokens.withRoles("system-T_NOWHERE", List.of("system"), "T_NOWHERE", "450100"),
                        list(fixture.inspection(department)),
                        "?dryRun=true")
                .then()
                .statusCode(403)
                .body("code", equalTo("CALLER_DEPARTMENT_UNKNOWN"));
    }

    @Test
    void deptAdminMayDryRunToo() {
        RecordFixture.Department department = fixture.department();

        given().auth()
                .oauth2(department.adminToken())
                .contentType("application/json")
                .body(list(fixture.other(department)))
                .post("/api/v1/records?dryRun=true")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("records[0].stored", notNullValue());
    }
}
