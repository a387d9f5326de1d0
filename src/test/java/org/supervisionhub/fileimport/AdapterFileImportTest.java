package org.supervisionhub.fileimport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.supervisionhub.fileimport.FileImportTest.awaitFinished;
import static org.supervisionhub.fileimport.FileImportTest.post;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.LocalDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** Sheets in a docked system's own format: test-sheet (complaints) and the county's 行政检查 ledger. */
@QuarkusTest
class AdapterFileImportTest {

    private static final String SHEET_OWNER = "T_FILE_SHEET";
    private static final String COUNTY = "NN_QX_SAMR";
    private static final List<String> COMPLAINT_HEADER = List.of("工单编号", "区划", "登记时间", "类型", "受理日期", "诉求内容", "备注");

    @Inject
    Db db;

    @Inject
    RecordFixture fixture;

    @BeforeEach
    void registerTheOwners() {
        db.update(
                "insert into department (code, name, credit_code, region_code) values (?, '测试投诉台账部门', "
                        + "'11450100MB1234567D', '450100') on conflict do nothing",
                SHEET_OWNER);
        db.update(
                "insert into department (code, name, credit_code, region_code) values (?, '南宁市青秀区市场监督管理局', ?, "
                        + "'450103') on conflict do nothing",
                COUNTY,
                CreditCodeGenerator.enterprise("450103"));
        db.update(
                "insert into department_sector (department_code, sector_code) values (?, 'SAMR') on conflict do nothing",
                COUNTY);
    }

    private static String admin(String department, String region) {
        return Tokens.withRoles("dept-admin-" + department, List.of("dept-admin"), department, region);
    }

    private static List<Object> complaint(String number, String type) {
        String now = LocalDateTime.now(RecordFixture.ZONE)
                .minusMinutes(5)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        return new ArrayList<>(List.of(
                number, "450103", now, type, RecordFixture.TODAY.minusDays(1).toString(), "小区噪音扰民，夜间施工", "无"));
    }

    @Test
    void complaintSheetIsMappedByItsDescriptorAndBadRowsAnnotated() throws Exception {
        String token = admin(SHEET_OWNER, "450100");
        String first = "GD-" + System.nanoTime();
        byte[] body = Sheets.csv(
                COMPLAINT_HEADER,
                List.of(complaint(first, "投诉"), complaint(first + "-2", "咨询")),
                CsvSheet.GB18030,
                false);

        String location = post(token, "/api/v1/adapters/test-sheet/files/complaints", "text/csv", body)
                .then()
                .statusCode(202)
                .body("departmentCode", equalTo(SHEET_OWNER))
                .extract()
                .header("Location");

        JsonPath job = awaitFinished(token, location);
        assertThat(job.getInt("accepted")).isEqualTo(1);
        assertThat(job.getInt("rejected")).isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from behaviour_record where source_system = 'test-sheet' and source_record_id = ? "
                                + "and body->'complaint'->>'detail' = '小区噪音扰民，夜间施工'",
                        first))
                .isEqualTo(1);
        String annotated = new String(
                given().auth()
                        .oauth2(token)
                        .get(location + "/annotated-file")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        List<String> lines = annotated.lines().toList();
        assertThat(lines).hasSize(3);
        assertThat(lines.get(1)).endsWith(",");
        assertThat(lines.get(2)).contains("【类型】", "MAPPING_FAILED", "咨询");
    }

    @Test
    void theSystemsOwnClientMayImportAndNoOtherClient() {
        byte[] body = Sheets.csv(
                COMPLAINT_HEADER, List.of(complaint("GD-" + System.nanoTime(), "举报")), StandardCharsets.UTF_8, false);

        post(
                        Tokens.ofClient("system-test-sheet", "test-sheet", List.of("system"), SHEET_OWNER, "450100"),
                        "/api/v1/adapters/test-sheet/files/complaints",
                        "text/csv",
                        body)
                .then()
                .statusCode(202);
        post(
                        Tokens.ofClient("system-other", "other-system", List.of("system"), SHEET_OWNER, "450100"),
                        "/api/v1/adapters/test-sheet/files/complaints",
                        "text/csv",
                        body)
                .then()
                .statusCode(403)
                .body("code", equalTo("ADAPTER_CLIENT_MISMATCH"));
    }

    @Test
    void anotherDepartmentMayNotImportTheAdaptersSheet() {
        RecordFixture.Department other = fixture.department();
        byte[] body = Sheets.csv(
                COMPLAINT_HEADER, List.of(complaint("GD-" + System.nanoTime(), "举报")), StandardCharsets.UTF_8, false);

        post(other.adminToken(), "/api/v1/adapters/test-sheet/files/complaints", "text/csv", body)
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        post(Tokens.regionAdmin("450100"), "/api/v1/adapters/test-sheet/files/complaints", "text/csv", body)
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void onlyFileKindsOfKnownAdaptersTakeSheets() {
        byte[] body = "工单编号\nX\n".getBytes(StandardCharsets.UTF_8);

        post(Tokens.hubAdmin(), "/api/v1/adapters/test-sheet/files/cases", "text/csv", body)
                .then()
                .statusCode(404)
                .body("code", equalTo("IMPORT_KIND_NOT_FOUND"));
        post(Tokens.hubAdmin(), "/api/v1/adapters/ssj/files/inspection-results", "text/csv", body)
                .then()
                .statusCode(404)
                .body("code", equalTo("IMPORT_KIND_NOT_FOUND"));
        post(Tokens.hubAdmin(), "/api/v1/adapters/no-such-system/files/complaints", "text/csv", body)
                .then()
                .statusCode(404)
                .body("code", equalTo("ADAPTER_NOT_FOUND"));
    }

    @Test
    void aSheetLackingAColumnTheDescriptorReadsIsRefused() {
        List<String> header = new ArrayList<>(COMPLAINT_HEADER);
        header.remove("受理日期");

        post(
                        admin(SHEET_OWNER, "450100"),
                        "/api/v1/adapters/test-sheet/files/complaints",
                        "text/csv",
                        Sheets.csv(header, List.of(), StandardCharsets.UTF_8, false))
                .then()
                .statusCode(400)
                .body("code", equalTo("FILE_HEADERS_INVALID"))
                .body("errors.field", hasItem("受理日期"));
    }

    @Test
    void countyInspectionLedgerArrivesRowByRow() throws Exception {
        String item = fixture.claimed(COUNTY, "INSPECTION");
        String officerA = fixture.certificate(
                COUNTY, "VALID", RecordFixture.TODAY.minusYears(1), RecordFixture.TODAY.plusYears(3));
        String officerB = fixture.certificate(
                COUNTY, "VALID", RecordFixture.TODAY.minusYears(1), RecordFixture.TODAY.plusYears(3));
        String creditCode = (String) db.single("select credit_code from department where code = ?", COUNTY);
        String reported = LocalDateTime.now(RecordFixture.ZONE)
                .minusMinutes(5)
                .format(DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss"));
        List<List<Object>> rows = new ArrayList<>();
        for (int i = 0; i < 2; i++) {
            rows.add(CountyInspectionSheetTest.row(
                    "QX-JC-" + System.nanoTime(),
                    item,
                    creditCode + "4" + item,
                    creditCode,
                    CreditCodeGenerator.enterprise("450103"),
                    RecordFixture.TODAY.minusDays(1),
                    reported,
                    "GX_REC",
                    officerA + "," + officerB));
        }
        rows.get(1).set(CountyInspectionSheetTest.HEADER.indexOf("检查结果"), "结果不明");
        String token = admin(COUNTY, "450103");

        String location = post(
                        token,
                        "/api/v1/adapters/county-inspection-xlsx/files/inspections",
                        FileImports.XLSX,
                        Sheets.xlsx(CountyInspectionSheetTest.HEADER, rows))
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        JsonPath job = awaitFinished(token, location);
        assertThat(job.getInt("accepted")).isEqualTo(1);
        assertThat(job.getInt("rejected")).isEqualTo(1);
        assertThat(db.count(
                        "select count(*) from behaviour_record where source_system = 'county-inspection-xlsx' "
                                + "and department_code = ? and jsonb_array_length(body->'officers') = 2",
                        COUNTY))
                .isGreaterThanOrEqualTo(1);
        List<List<String>> annotated = Sheets.read(given().auth()
                .oauth2(token)
                .get(location + "/annotated-file")
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        int result = CountyInspectionSheetTest.HEADER.size();
        assertThat(annotated.get(2).get(result)).contains("【检查结果】", "MAPPING_FAILED", "结果不明");
        assertThat(annotated.get(1).size() > result ? annotated.get(1).get(result) : "")
                .isEmpty();
    }
}
