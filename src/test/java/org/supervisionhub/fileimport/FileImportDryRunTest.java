package org.supervisionhub.fileimport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.supervisionhub.fileimport.FileImportTest.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.record.RecordKind;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * 试运行 of the file routes: POST /api/v1/imports/{kind}?dryRun=true and /api/v1/adapters/{system}/files/{kind}?dryRun=true
 * read, map and validate a sheet exactly as an import does and answer every row's canonical record and issues in the
 * request, storing nothing (no job, no file, no record, no event) but one FILE_IMPORT_DRY_RUN audit entry.
 */
@QuarkusTest
class FileImportDryRunTest {

    private static final List<StandardColumns.Column> INSPECTION = StandardColumns.of(RecordKind.INSPECTION);
    private static final String SHEET_OWNER = "T_FILE_SHEET";
    private static final List<String> COMPLAINT_HEADER = List.of("工单编号", "区划", "登记时间", "类型", "受理日期", "诉求内容", "备注");

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    /** Rows an import of the department would add to: jobs, their files, records, events, data-quality figures. */
    private List<Long> footprint(String department) {
        return List.of(
                db.count("select count(*) from upload_job where department_code = ?", department),
                db.count(
                        "select count(*) from upload_job_file f join upload_job j on j.id = f.job_id "
                                + "where j.department_code = ?",
                        department),
                db.count("select count(*) from behaviour_record where department_code = ?", department),
                db.count("select count(*) from outbox where payload->>'departmentCode' = ?", department),
                db.count("select count(*) from record_quality_daily where department_code = ?", department));
    }

    private long dryRunAudits(String department) {
        return db.count(
                "select count(*) from audit_log where action = 'FILE_IMPORT_DRY_RUN' and detail->>'department' = ?",
                department);
    }

    private List<List<Object>> inspections(RecordFixture.Department department, int count) {
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < count; i++) {
            rows.add(Sheets.standardRow(INSPECTION, fixture.inspection(department)));
        }
        return rows;
    }

    private static int column(String header) {
        return Sheets.headers(INSPECTION).indexOf(header);
    }

    @Test
    void dryRunOfAValidSheetAnswersEveryRowsCanonicalRecordAndStoresNothing() {
        RecordFixture.Department department = fixture.department();
        List<List<Object>> rows = inspections(department, 2);
        List<Long> before = footprint(department.code());

        post(
                        department.adminToken(),
                        "/api/v1/imports/inspection?dryRun=true&name=检查台账.xlsx",
                        FileImports.XLSX,
                        Sheets.xlsx(Sheets.headers(INSPECTION), rows))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .header("Location", nullValue())
                .body("dryRun", equalTo(true))
                .body("received", equalTo(2))
                .body("accepted", equalTo(2))
                .body("rejected", equalTo(0))
                .body("issues.size()", equalTo(0))
                .body("records.outcome", equalTo(List.of("CREATED", "CREATED")))
                .body("records.line", equalTo(List.of(2, 3)))
                .body("records[0].canonical.kind", equalTo("INSPECTION"))
                .body("records[0].canonical.sourceSystem", equalTo("TEST-SYS"))
                .body("records[1].stored.departmentCode", equalTo(department.code()));

        assertThat(footprint(department.code())).isEqualTo(before);
    }

    @Test
    void dryRunListsEveryRowsIssuesByRowNumberAsTheImportWould() {
        RecordFixture.Department department = fixture.department();
        List<List<Object>> rows = inspections(department, 4);
        rows.get(1).set(column("检查结果代码"), "Z");
        rows.get(3).set(column("检查日期"), "明天");

        JsonPath answer = post(
                        department.adminToken(),
                        "/api/v1/imports/INSPECTION?dryRun=true",
                        "text/csv",
                        Sheets.csv(Sheets.headers(INSPECTION), rows, StandardCharsets.UTF_8, true))
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(answer.getInt("accepted")).isEqualTo(2);
        assertThat(answer.getInt("rejected")).isEqualTo(2);
        assertThat(answer.getList("issues.line", Integer.class)).containsExactly(3, 5);
        assertThat(answer.getList("issues.index", Integer.class)).containsExactly(1, 3);
        assertThat(answer.getString("issues[0].errors[0].field")).isEqualTo("inspection.resultCode");
        assertThat(answer.getString("issues[0].errors[0].code")).isEqualTo("RESULT_CODE_INVALID");
        assertThat(answer.getString("issues[1].errors[0].code")).isEqualTo("TYPE_MISMATCH");
        assertThat(answer.getMap("errorCounts")).containsOnlyKeys("RESULT_CODE_INVALID", "TYPE_MISMATCH");
        assertThat(answer.getList("records.outcome")).containsExactly("CREATED", "REJECTED", "CREATED", "REJECTED");
        assertThat(footprint(department.code()).get(2)).isZero();
    }

    @Test
    void dryRunWritesNoEventAndOneAuditEntryWithItsCounts() {
        RecordFixture.Department department = fixture.department();
        List<List<Object>> rows = inspections(department, 3);
        rows.get(2).set(column("检查结果代码"), "Z");

        post(
                        department.adminToken(),
                        "/api/v1/imports/inspection?dryRun=true",
                        "text/csv",
                        Sheets.csv(Sheets.headers(INSPECTION), rows, StandardCharsets.UTF_8, false))
                .then()
                .statusCode(200);

        assertThat(db.count("select count(*) from outbox where payload->>'departmentCode' = ?", department.code()))
                .isZero();
        assertThat(db.rows(
                        "select actor, detail->>'kind' as kind, detail->>'format' as format, "
                                + "detail->>'received' as received, detail->>'rejected' as rejected from audit_log "
                                + "where action = 'FILE_IMPORT_DRY_RUN' and detail->>'department' = ?",
                        department.code()))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row).containsEntry("actor", "dept-admin-" + department.code());
                    assertThat(row).containsEntry("kind", "INSPECTION");
                    assertThat(row).containsEntry("format", "csv");
                    assertThat(row).containsEntry("received", "3");
                    assertThat(row).containsEntry("rejected", "1");
                });
    }

    @Test
    void dryRunChecksTheHeadersFirstAndAuditsNothingThen() {
        RecordFixture.Department department = fixture.department();
        List<String> header = new ArrayList<>(Sheets.headers(INSPECTION));
        header.remove("检查日期");
        byte[] body = Sheets.csv(header, List.of(), StandardCharsets.UTF_8, false);

        post(department.adminToken(), "/api/v1/imports/inspection?dryRun=true", "text/csv", body)
                .then()
                .statusCode(400)
                .body("code", equalTo("FILE_HEADERS_INVALID"))
                .body("errors.code", equalTo(List.of("HEADER_MISSING")));
        assertThat(dryRunAudits(department.code())).isZero();
    }

    @Test
    void dryRunOfMoreRowsThanItsLimitIsRefusedWithItsCode() {
        RecordFixture.Department department = fixture.department();
        List<Object> row = Sheets.standardRow(INSPECTION, fixture.inspection(department));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 21; i++) { // %test.hub.imports.max-dry-run-rows=20
            rows.add(row);
        }

        post(
                        department.adminToken(),
                        "/api/v1/imports/inspection?dryRun=true",
                        "text/csv",
                        Sheets.csv(Sheets.headers(INSPECTION), rows, StandardCharsets.UTF_8, false))
                .then()
                .statusCode(413)
                .body("code", equalTo("DRY_RUN_TOO_MANY_ROWS"));
        assertThat(footprint(department.code())).containsOnly(0L);
        assertThat(dryRunAudits(department.code())).isZero();
    }

    @Test
    void dryRunIsForTheRolesThatMayImportAndItsOwnDepartmentOnly() {
        RecordFixture.Department department = fixture.department();
        RecordFixture.Department other = fixture.department();
        byte[] body = Sheets.csv(Sheets.headers(INSPECTION), inspections(department, 1), StandardCharsets.UTF_8, false);
        String path = "/api/v1/imports/inspection?dryRun=true";

        post(
                        Tokens.withRoles(
                                "officer-" + department.code(), List.of("officer"), department.code(), "450100"),
                        path,
                        "text/csv",
                        body)
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        post(Tokens.regionAdmin("450100"), path, "text/csv", body)
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        post(Tokens.hubAdmin(), path, "text/csv", body)
                .then()
                .statusCode(400)
                .body("code", equalTo("DEPARTMENT_REQUIRED"));
        // Another department's admin may only judge the rows as its own department's records, never as another's.
        post(other.adminToken(), path + "&department=" + department.code(), "text/csv", body)
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        assertThat(dryRunAudits(department.code())).isZero();
        post(Tokens.hubAdmin(), path + "&department=" + department.code(), "text/csv", body)
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1));
        assertThat(footprint(department.code()).get(2)).isZero();
        assertThat(footprint(other.code()).get(2)).isZero();
    }

    @Test
    void adapterSheetDryRunAnswersItsMappingAndStoresNothing() {
        db.update(
                "insert into department (code, name, credit_code, region_code) values (?, '测试投诉台账部门', "
                        + "'11450100MB1234567D', '450100') on conflict do nothing",
                SHEET_OWNER);
        String token = Tokens.withRoles("dept-admin-" + SHEET_OWNER, List.of("dept-admin"), SHEET_OWNER, "450100");
        String number = "GD-" + System.nanoTime();
        String now = LocalDateTime.now(RecordFixture.ZONE)
                .minusMinutes(5)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        String accepted = RecordFixture.TODAY.minusDays(1).toString();
        byte[] body = Sheets.csv(
                COMPLAINT_HEADER,
                List.of(
                        List.<Object>of(number, "450103", now, "投诉", accepted, "小区噪音扰民，夜间施工", "无"),
                        List.<Object>of(number + "-2", "450103", now, "咨询", accepted, "小区噪音扰民", "无")),
                CsvSheet.GB18030,
                false);
        List<Long> before = footprint(SHEET_OWNER);
        long audits = dryRunAudits(SHEET_OWNER);

        post(token, "/api/v1/adapters/test-sheet/files/complaints?dryRun=true", "text/csv", body)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(1))
                .body("records[0].canonical.sourceRecordId", equalTo(number))
                .body("records[0].canonical.complaint.detail", equalTo("小区噪音扰民，夜间施工"))
                .body("issues[0].line", equalTo(3))
                .body("issues[0].errors[0].code", equalTo("MAPPING_FAILED"));

        assertThat(footprint(SHEET_OWNER)).isEqualTo(before);
        assertThat(db.count(
                        "select count(*) from behaviour_record where source_system = 'test-sheet' and source_record_id = ?",
                        number))
                .isZero();
        assertThat(dryRunAudits(SHEET_OWNER)).isEqualTo(audits + 1);
        assertThat(db.single(
                        "select detail->>'system' from audit_log where action = 'FILE_IMPORT_DRY_RUN' "
                                + "and detail->>'department' = ? order by id desc limit 1",
                        SHEET_OWNER))
                .isEqualTo("test-sheet");
        post(
                        fixture.department().adminToken(),
                        "/api/v1/adapters/test-sheet/files/complaints?dryRun=true",
                        "text/csv",
                        body)
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
    }
}
