package org.supervisionhub.fileimport;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.record.RecordKind;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class FileImportTest {

    private static final List<StandardColumns.Column> INSPECTION = StandardColumns.of(RecordKind.INSPECTION);

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    static Response post(String token, String path, String contentType, byte[] body) {
        return given().auth().oauth2(token).contentType(contentType).body(body).post(path);
    }

    static JsonPath awaitFinished(String token, String location) throws InterruptedException {
        Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
        while (Instant.now().isBefore(deadline)) {
            JsonPath job = given().auth()
                    .oauth2(token)
                    .get(location)
                    .then()
                    .statusCode(200)
                    .extract()
                    .jsonPath();
            if (List.of("SUCCEEDED", "FAILED").contains(job.getString("status"))) {
                return job;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("job " + location + " did not finish in 60 s");
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
    void xlsxSheetOfInspectionsIsImportedAsAJob() throws Exception {
        RecordFixture.Department department = fixture.department();
        List<List<Object>> rows = inspections(department, 3);
        rows.get(1).set(column("检查日期"), RecordFixture.TODAY.minusDays(2));

        Response answer = post(
                department.adminToken(),
                "/api/v1/imports/inspection?name=检查台账.xlsx",
                FileImports.XLSX,
                Sheets.xlsx(Sheets.headers(INSPECTION), rows));

        answer.then()
                .statusCode(202)
                .body("recordsTotal", equalTo(3))
                .body("mediaType", equalTo(FileImports.XLSX))
                .header("Link", containsString("/annotated-file>; rel=\"annotated-file\""));
        JsonPath job = awaitFinished(department.adminToken(), answer.header("Location"));
        assertThat(job.getString("status")).isEqualTo("SUCCEEDED");
        assertThat(job.getInt("accepted")).isEqualTo(3);
        assertThat(db.count(
                        "select count(*) from behaviour_record where department_code = ? and source_system = ?",
                        department.code(),
                        "TEST-SYS"))
                .isEqualTo(3);
        assertThat(db.single(
                        "select body->'inspection'->>'checkDate' from behaviour_record where department_code = ? "
                                + "and body->'inspection'->>'checkDate' = ?",
                        department.code(),
                        RecordFixture.TODAY.minusDays(2).toString()))
                .isNotNull();
    }

    @Test
    void rowErrorsComeBackInTheAnnotatedSheetBesideTheirRows() throws Exception {
        RecordFixture.Department department = fixture.department();
        List<List<Object>> rows = inspections(department, 4);
        rows.get(1).set(column("检查结果代码"), "Z");
        rows.get(3).set(column("检查日期"), "明天");

        String location = post(
                        department.systemToken(),
                        "/api/v1/imports/INSPECTION",
                        FileImports.XLSX,
                        Sheets.xlsx(Sheets.headers(INSPECTION), rows))
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        JsonPath job = awaitFinished(department.systemToken(), location);
        assertThat(job.getInt("accepted")).isEqualTo(2);
        assertThat(job.getInt("rejected")).isEqualTo(2);

        byte[] annotated = given().auth()
                .oauth2(department.systemToken())
                .get(location + "/annotated-file")
                .then()
                .statusCode(200)
                .contentType(FileImports.XLSX)
                .extract()
                .asByteArray();
        List<List<String>> sheet = Sheets.read(annotated);
        int result = INSPECTION.size();
        assertThat(sheet.get(0).get(result)).isEqualTo(ImportReports.RESULT_HEADER);
        assertThat(sheet).hasSize(5);
        assertThat(sheet.get(1)).hasSizeLessThanOrEqualTo(result);
        assertThat(sheet.get(2).get(result)).contains("错误", "【检查结果代码】", "inspection.resultCode", "RESULT_CODE_INVALID");
        assertThat(sheet.get(2).get(column("检查结果代码"))).isEqualTo("Z");
        assertThat(sheet.get(4).get(result)).contains("【检查日期】", "TYPE_MISMATCH");

        String issues = given().auth()
                .oauth2(department.systemToken())
                .get(location + "/issues?format=ndjson")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(issues.lines().toList()).hasSize(2);
        assertThat(issues.lines().findFirst().orElseThrow()).contains("\"index\":1", "\"line\":3");
    }

    @Test
    void utf8CsvWithByteOrderMarkIsReadWithItsChineseHeaders() throws Exception {
        RecordFixture.Department department = fixture.department();
        List<List<Object>> rows = inspections(department, 2);
        rows.get(0).set(column("检查结果说明"), "未发现问题，已告知");

        String location = post(
                        department.adminToken(),
                        "/api/v1/imports/inspection",
                        "text/csv",
                        Sheets.csv(Sheets.headers(INSPECTION), rows, StandardCharsets.UTF_8, true))
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        assertThat(awaitFinished(department.adminToken(), location).getInt("accepted"))
                .isEqualTo(2);
        assertThat(db.count(
                        "select count(*) from behaviour_record where department_code = ? "
                                + "and body->'inspection'->>'resultDescription' = '未发现问题，已告知'",
                        department.code()))
                .isEqualTo(1);
    }

    @Test
    void gb18030CsvIsDetectedAndReadRight() throws Exception {
        RecordFixture.Department department = fixture.department();
        List<List<Object>> rows = inspections(department, 2);
        rows.get(1).set(column("检查行为名称"), "食品经营许可现场核查（第二次）");
        byte[] body = Sheets.csv(Sheets.headers(INSPECTION), rows, CsvSheet.GB18030, false);

        String location = post(department.adminToken(), "/api/v1/imports/inspection", "text/csv", body)
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        JsonPath job = awaitFinished(department.adminToken(), location);
        assertThat(job.getInt("accepted")).isEqualTo(2);
        assertThat(db.count(
                        "select count(*) from behaviour_record where department_code = ? "
                                + "and body->'inspection'->>'actionName' = '食品经营许可现场核查（第二次）'",
                        department.code()))
                .isEqualTo(1);
        String annotated = new String(
                given().auth()
                        .oauth2(department.adminToken())
                        .get(location + "/annotated-file")
                        .then()
                        .statusCode(200)
                        .contentType(containsString("text/csv"))
                        .extract()
                        .asByteArray(),
                StandardCharsets.UTF_8);
        assertThat(annotated).startsWith("\uFEFF操作类型,来源系统").contains("食品经营许可现场核查（第二次）");
    }

    @Test
    void namedCharsetIsUsedAndAnUnsupportedOneRefused() {
        RecordFixture.Department department = fixture.department();
        byte[] body = Sheets.csv(Sheets.headers(INSPECTION), inspections(department, 1), CsvSheet.GB18030, false);

        post(department.adminToken(), "/api/v1/imports/inspection?charset=GBK", "text/csv", body)
                .then()
                .statusCode(202);
        post(department.adminToken(), "/api/v1/imports/inspection?charset=BIG5", "text/csv", body)
                .then()
                .statusCode(400)
                .body("code", equalTo("CHARSET_UNSUPPORTED"))
                .body("errors[0].field", equalTo("charset"));
    }

    @Test
    void aMalformedCharsetParameterIsAValidationErrorNamingIt() {
        RecordFixture.Department department = fixture.department();
        byte[] body = Sheets.csv(Sheets.headers(INSPECTION), inspections(department, 1), CsvSheet.GB18030, false);

        post(department.adminToken(), "/api/v1/imports/inspection?charset=a!", "text/csv", body)
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("charset"))
                .body("errors[0].code", equalTo("FORMAT_INVALID"));
    }

    @Test
    void wrongHeadersAreRefusedBeforeAnyJobExists() {
        RecordFixture.Department department = fixture.department();
        List<String> header = new ArrayList<>(Sheets.headers(INSPECTION));
        header.set(header.indexOf("检查日期"), "检查时间");
        long jobs = db.count("select count(*) from upload_job where department_code = ?", department.code());

        post(department.adminToken(), "/api/v1/imports/inspection", FileImports.XLSX, Sheets.xlsx(header, List.of()))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("FILE_HEADERS_INVALID"))
                .body("errors.field", hasItems("检查日期", "检查时间"))
                .body("errors.code", hasItems("HEADER_MISSING", "HEADER_UNKNOWN"));

        assertThat(db.count("select count(*) from upload_job where department_code = ?", department.code()))
                .isEqualTo(jobs);
    }

    @Test
    void aFileThatIsNoSheetIsRefusedWithItsCode() {
        RecordFixture.Department department = fixture.department();

        post(department.adminToken(), "/api/v1/imports/inspection", FileImports.XLSX, new byte[] {
                    (byte) 0xD0, (byte) 0xCF, 0x11, (byte) 0xE0, 0, 0, 0, 0
                })
                .then()
                .statusCode(415)
                .body("code", equalTo("FILE_TYPE_UNSUPPORTED"));
        post(department.adminToken(), "/api/v1/imports/inspection", FileImports.XLSX, new byte[] {
                    'P', 'K', 3, 4, 'b', 'r', 'o', 'k', 'e', 'n'
                })
                .then()
                .statusCode(400)
                .body("code", equalTo("FILE_UNREADABLE"));
        post(department.adminToken(), "/api/v1/imports/inspection", "text/csv", new byte[0])
                .then()
                .statusCode(400)
                .body("code", equalTo("BODY_EMPTY"));
    }

    @Test
    void aSheetOverTheRowLimitIsRefusedAndItsJobFails() {
        RecordFixture.Department department = fixture.department();
        List<List<Object>> rows = inspections(department, 1);
        while (rows.size() < 51) {
            rows.add(rows.get(0));
        }

        post(
                        department.adminToken(),
                        "/api/v1/imports/inspection",
                        "text/csv",
                        Sheets.csv(Sheets.headers(INSPECTION), rows, StandardCharsets.UTF_8, false))
                .then()
                .statusCode(413)
                .body("code", equalTo("PAYLOAD_TOO_LARGE"));
        assertThat(db.count(
                        "select count(*) from upload_job where department_code = ? and status = 'FAILED'",
                        department.code()))
                .isEqualTo(1);
    }

    @Test
    void unknownKindIsNotFound() {
        RecordFixture.Department department = fixture.department();
        post(department.adminToken(), "/api/v1/imports/permit", "text/csv", "a,b\n1,2\n".getBytes())
                .then()
                .statusCode(404)
                .body("code", equalTo("IMPORT_KIND_NOT_FOUND"));
    }

    @Test
    void anOfficerMayNotImport() {
        RecordFixture.Department department = fixture.department();
        String officer = Tokens.withRoles("officer-1", List.of("officer"), department.code(), "450100");

        post(officer, "/api/v1/imports/inspection", "text/csv", "a\n1\n".getBytes())
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void aDepartmentMayNotImportForAnotherDepartment() {
        RecordFixture.Department own = fixture.department();
        RecordFixture.Department other = fixture.department();
        byte[] body = Sheets.csv(Sheets.headers(INSPECTION), inspections(other, 1), StandardCharsets.UTF_8, false);

        post(own.adminToken(), "/api/v1/imports/inspection?department=" + other.code(), "text/csv", body)
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
    }

    @Test
    void aHubAdminNamesTheDepartment() throws Exception {
        RecordFixture.Department department = fixture.department();
        byte[] body = Sheets.csv(Sheets.headers(INSPECTION), inspections(department, 1), StandardCharsets.UTF_8, false);

        post(Tokens.hubAdmin(), "/api/v1/imports/inspection", "text/csv", body)
                .then()
                .statusCode(400)
                .body("code", equalTo("DEPARTMENT_REQUIRED"));
        String location = post(
                        Tokens.hubAdmin(),
                        "/api/v1/imports/inspection?department=" + department.code(),
                        "text/csv",
                        body)
                .then()
                .statusCode(202)
                .body("departmentCode", equalTo(department.code()))
                .extract()
                .header("Location");
        assertThat(awaitFinished(Tokens.hubAdmin(), location).getInt("accepted"))
                .isEqualTo(1);
    }

    @Test
    void annotatedFileIsScopedLikeItsJob() throws Exception {
        RecordFixture.Department department = fixture.department("450200");
        RecordFixture.Department other = fixture.department("450200");
        byte[] body = Sheets.csv(Sheets.headers(INSPECTION), inspections(department, 1), StandardCharsets.UTF_8, false);
        String location = post(department.adminToken(), "/api/v1/imports/inspection", "text/csv", body)
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        awaitFinished(department.adminToken(), location);

        given().auth()
                .oauth2(other.adminToken())
                .get(location + "/annotated-file")
                .then()
                .statusCode(404)
                .body("code", equalTo("UPLOAD_JOB_NOT_FOUND"));
        given().auth()
                .oauth2(Tokens.regionAdmin("450100"))
                .get(location + "/annotated-file")
                .then()
                .statusCode(404)
                .body("code", equalTo("UPLOAD_JOB_NOT_FOUND"));
        given().auth()
                .oauth2(Tokens.regionAdmin("450200"))
                .get(location + "/annotated-file")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.regionAdmin("450200"))
                .contentType("text/csv")
                .body(body)
                .post("/api/v1/imports/inspection")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void anUploadJobNotFedFromAFileHasNoAnnotatedFile() throws Exception {
        RecordFixture.Department department = fixture.department();
        String ndjson =
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(fixture.inspection(department))
                        + "\n";
        String location = given().auth()
                .oauth2(department.systemToken())
                .contentType("application/x-ndjson")
                .body(ndjson.getBytes(StandardCharsets.UTF_8))
                .post("/api/v1/records?async=true")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");

        given().auth()
                .oauth2(department.systemToken())
                .get(location + "/annotated-file")
                .then()
                .statusCode(404)
                .body("code", equalTo("IMPORT_FILE_NOT_FOUND"));
    }

    @Test
    void templateHasTheChineseHeadersTheirFieldsAndAnExample() throws Exception {
        byte[] template = given().auth()
                .oauth2(Tokens.withRoles("officer-2", List.of("officer"), "NN_SCJGJ", "450100"))
                .get("/api/v1/imports/penalty/template.xlsx")
                .then()
                .statusCode(200)
                .contentType(FileImports.XLSX)
                .header("Content-Disposition", containsString("penalty-template.xlsx"))
                .extract()
                .asByteArray();

        List<StandardColumns.Column> columns = StandardColumns.of(RecordKind.PENALTY);
        List<List<String>> sheet = Sheets.read(template);
        assertThat(sheet.get(0)).containsExactlyElementsOf(Sheets.headers(columns));
        assertThat(sheet.get(0)).contains("处罚决定书文号", "罚款金额", "执法人员执法证号");
        assertThat(sheet.get(1).get(Sheets.headers(columns).indexOf("程序类型"))).isEqualTo("02");
        try (var workbook =
                new org.apache.poi.xssf.usermodel.XSSFWorkbook(new java.io.ByteArrayInputStream(template))) {
            var comment = workbook.getSheetAt(0)
                    .getRow(0)
                    .getCell(Sheets.headers(columns).indexOf("罚款金额"))
                    .getCellComment();
            assertThat(comment.getString().getString()).contains("penalty.fineAmount", "number");
            assertThat(workbook.getSheet("说明")).isNotNull();
        }
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/imports/permit/template.xlsx")
                .then()
                .statusCode(404)
                .body("code", equalTo("IMPORT_KIND_NOT_FOUND"));
    }

    @Test
    void columnsOfAKindAreItsTemplatesHeadersWithTheirFields() {
        JsonPath columns = given().auth()
                .oauth2(Tokens.withRoles("officer-3", List.of("officer"), "NN_SCJGJ", "450100"))
                .get("/api/v1/imports/inspection/columns")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();

        assertThat(columns.getList("header", String.class)).containsExactlyElementsOf(Sheets.headers(INSPECTION));
        int result = column("检查结果代码");
        assertThat(columns.getString("[" + result + "].field")).isEqualTo("inspection.resultCode");
        assertThat(columns.getBoolean("[" + result + "].required")).isTrue();
        assertThat(columns.getString("[" + column("检查日期") + "].format")).startsWith("date");
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/imports/permit/columns")
                .then()
                .statusCode(404)
                .body("code", equalTo("IMPORT_KIND_NOT_FOUND"));
    }

    @Test
    void everyKindsTemplateImportsBackAsItsHeader() {
        for (RecordKind kind : RecordKind.values()) {
            List<String> headers = Sheets.headers(StandardColumns.of(kind));
            assertThat(headers).as(kind.name()).doesNotHaveDuplicates();
            assertThat(SheetMapping.standard(kind, "x", headers)).isNotNull();
        }
    }
}
