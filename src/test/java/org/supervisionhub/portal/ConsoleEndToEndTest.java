package org.supervisionhub.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supervisionhub.fileimport.Sheets;
import org.supervisionhub.fileimport.StandardColumns;
import org.supervisionhub.officer.ElectronicCredentials;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.record.RecordKind;
import org.supervisionhub.risk.RiskPasses;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;

/**
 * The web console and the citizen's verify page in headless Chromium (src/test/e2e/console.cjs), each as its user
 * meets it: a director drills down the indicators, an operator replays a dead letter and follows an upload job, a
 * department admin claims an item, sees a field error and imports a sheet with one bad row, claims and feeds back its
 * part of a joint supervision task (a refused record shown next to its field) and answers a risk clue as confirmed, a
 * citizen's phone shows 有效 and 伪造. axe-core checks every page for serious WCAG 2 A/AA violations. Screenshots land
 * in target/e2e/.
 */
@QuarkusTest
class ConsoleEndToEndTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    Db db;

    @Inject
    RecordFixture records;

    @Inject
    RiskPasses riskPasses;

    @BeforeEach
    void prerequisites() {
        boolean present = Files.isExecutable(Path.of("/usr/bin/chromium"))
                && Files.isDirectory(Path.of(SsoPrerequisites.nodePath(), "playwright-core"))
                && Files.isDirectory(Path.of(SsoPrerequisites.nodePath(), "axe-core"));
        if (SsoPrerequisites.required()) {
            assertThat(present)
                    .as("Chromium, playwright-core and axe-core (scripts/e2e-prereqs.sh)")
                    .isTrue();
        }
        Assumptions.assumeTrue(present, "browser prerequisites missing: run scripts/e2e-prereqs.sh");
    }

    private long deadLetter() {
        return ((Number) db.single("""
                        insert into outbox (target, aggregate_type, aggregate_id, event_type, payload, status, attempts,
                                            last_error)
                        values ('national', 'console-e2e', ?, 'THING_CREATED', '{}', 'DEAD', 8, 'HTTP 500 from national')
                        returning id""", UUID.randomUUID().toString())).longValue();
    }

    private String uploadJob(RecordFixture.Department department) {
        String location = given().auth()
                .oauth2(department.systemToken())
                .contentType(ContentType.JSON)
                .body(List.of(records.inspection(department)))
                .post("/api/v1/records?async=true")
                .then()
                .statusCode(202)
                .extract()
                .header("Location");
        return location.substring(location.lastIndexOf('/') + 1);
    }

    private static Map<String, String> manualEntry(RecordFixture.Department department) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("itemCode", department.inspectionItem());
        form.put("implementationListCode", department.creditCode() + "3" + department.inspectionItem());
        form.put("implementingBody.name", "测试局");
        form.put("implementingBody.creditCode", department.creditCode());
        form.put("subject.name", "南宁某某餐饮有限公司");
        form.put("regionCode", department.regionCode());
        form.put("officers.0.issuer", "GX_REC");
        form.put("officers.0.certNo", department.officerA());
        form.put("officers.0.name", "执法员");
        form.put("officers.1.issuer", "GX_REC");
        form.put("officers.1.certNo", department.officerB());
        form.put("officers.1.name", "执法员");
        form.put("inspection.actionName", "食品经营日常检查");
        return form;
    }

    /** A penalty of the department on an organisation, uploaded by its system: what it publishes for 双公示. */
    private long penalty(RecordFixture.Department department) {
        return records.stored(department, records.penalty(department));
    }

    /** A sheet of two inspections for the file import, the second (row 3) with a result code that is none. */
    private Path importSheet(RecordFixture.Department department, Path out) throws java.io.IOException {
        List<StandardColumns.Column> columns = StandardColumns.of(RecordKind.INSPECTION);
        List<Object> good = Sheets.standardRow(columns, records.inspection(department));
        List<Object> bad = Sheets.standardRow(columns, records.inspection(department));
        bad.set(Sheets.headers(columns).indexOf("检查结果代码"), "Z");
        Path sheet = out.resolve("console-import.csv");
        Files.write(sheet, Sheets.csv(Sheets.headers(columns), List.of(good, bad), StandardCharsets.UTF_8, true));
        return sheet;
    }

    /** A subject of the department's region, as a record about it names it. */
    private static Map<String, Object> about(Map<String, Object> record, String subject) {
        record.put(
                "subject",
                new LinkedHashMap<>(Map.of("type", "ENTERPRISE", "name", "南宁某某餐饮有限公司", "creditCode", subject)));
        return record;
    }

    /** A joint task the department takes part in, the record it feeds back, its initiator and subject. */
    private record JointTask(long id, long record, String initiator, String subject) {}

    /**
     * A joint supervision task another department of the region initiated, with the department as its one participant,
     * and the department's inspection of the task's subject: what it claims and feeds back.
     */
    private JointTask jointTask(RecordFixture.Department department) {
        RecordFixture.Department initiator = records.department(department.regionCode());
        String subject = CreditCodeGenerator.enterprise(department.regionCode());
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("title", "南宁市餐饮单位食品安全联合检查");
        body.put("inspectContent", "食品经营许可、从业人员健康证明");
        body.put("subjects", List.of(Map.of("creditCode", subject, "name", "南宁某某餐饮有限公司")));
        body.put("itemCodes", List.of(initiator.inspectionItem()));
        body.put("participants", List.of(department.code()));
        body.put("deadline", RecordFixture.TODAY.plusDays(10).toString());
        long task = given().auth()
                .oauth2(initiator.adminToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/joint-tasks")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        long record = records.stored(department, about(records.inspection(department), subject));
        return new JointTask(task, record, initiator.code(), subject);
    }

    /**
     * Three complaints about one subject raise a complaints-surge clue (the hub's own risk pass, run here rather than
     * waited for), handed to the department whatever other departments the database holds. Answers the clue's id.
     */
    private long riskClue(RecordFixture.Department department) {
        String subject = CreditCodeGenerator.enterprise(department.regionCode());
        for (int i = 0; i < 3; i++) {
            records.stored(department, about(records.complaint(department), subject));
        }
        riskPasses.evaluate(List.of(subject));
        long clue = ((Number) db.single(
                        "select id from national_case where kind = 'RISK_CLUE' and subject_credit_code = ?", subject))
                .longValue();
        db.update(
                "update national_case set department_code = ?, status = 'ASSIGNED' where id = ?",
                department.code(),
                clue);
        return clue;
    }

    @Test
    void directorOperatorDepartmentAndCitizenEachDoTheirWorkInTheBrowser() throws Exception {
        RecordFixture.Department department = records.department();
        records.unclaimedItem("INSPECTION"); // at least one item of its sector left to claim, on any database
        long deadLetter = deadLetter();
        String token = ElectronicCredentials.freshToken();
        String verify = base.toString() + "api/v1/credentials/verify?token=";
        Map<String, Object> fixture = new LinkedHashMap<>();
        fixture.put("region", "450000");
        fixture.put("drillTo", "450100");
        fixture.put("deadLetter", deadLetter);
        fixture.put("uploadJob", uploadJob(department));
        fixture.put("department", department.code());
        fixture.put("departmentRegion", department.regionCode());
        fixture.put("record", manualEntry(department));
        fixture.put("subjectCreditCode", CreditCodeGenerator.enterprise(department.regionCode()));
        fixture.put("verifyUrl", verify + token);
        fixture.put("tamperedUrl", verify + token.substring(0, token.length() - 6) + "AAAAAA");
        Path out = Path.of("target", "e2e").toAbsolutePath();
        Files.createDirectories(out);
        fixture.put("importSheet", importSheet(department, out).toString());
        fixture.put("penaltyRecord", penalty(department));
        JointTask joint = jointTask(department);
        fixture.put("jointTask", joint.id());
        fixture.put("jointRecord", joint.record());
        fixture.put("jointSubject", joint.subject());
        fixture.put("jointItem", department.inspectionItem());
        fixture.put("jointPartner", joint.initiator());
        fixture.put("jointDeadline", RecordFixture.TODAY.plusDays(5).toString());
        fixture.put("riskModel", "complaints-surge");
        fixture.put("riskClue", riskClue(department));

        ProcessBuilder browser = new ProcessBuilder(
                        "node",
                        "src/test/e2e/console.cjs",
                        base.toString().replaceAll("/$", ""),
                        out.toString(),
                        new ObjectMapper().writeValueAsString(fixture))
                .redirectErrorStream(true);
        browser.environment().put("NODE_PATH", SsoPrerequisites.nodePath());
        Process process = browser.start();
        boolean finished = process.waitFor(Duration.ofMinutes(3).toSeconds(), TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(out.resolve("console.log"), output);

        assertThat(finished).as("browser run finished").isTrue();
        assertThat(output)
                .as(output)
                .contains(
                        "STEP dashboard region=450000",
                        "STEP drilled down to 450100",
                        "STEP replayed dead letter " + deadLetter,
                        "STEP signed in with the keyboard alone as demo-dept-admin-" + department.code(),
                        "STEP upload job reached 100%",
                        "STEP audit chain 完整有效 head=64",
                        "STEP compiled list 已编制 ",
                        "STEP field error CREDIT_CODE",
                        "STEP manual entry saved",
                        "STEP import dry run row=3 code=RESULT_CODE_INVALID",
                        "STEP import report row=3 header=检查结果代码 field=inspection.resultCode code=RESULT_CODE_INVALID zh=检查结果代码无效",
                        "STEP import annotated file blob:",
                        "STEP disclosed 行政处罚 公示中 (PUBLISHED)",
                        "STEP joint task 分发 deadline=" + RecordFixture.TODAY.plusDays(10),
                        "STEP joint task claimed 认领",
                        "STEP joint task field error recordIds[0] JOINT_TASK_RECORD_INVALID",
                        "STEP joint task answered 已反馈 task=已反馈",
                        "STEP joint task create field error participants[0] JOINT_TASK_DEPARTMENT_INVALID",
                        "STEP joint task created LHJG" + department.regionCode(),
                        "STEP risk model complaints-surge hits=1 open=1",
                        "STEP risk clue answered 已反馈 经现场核查，投诉属实，已立案 · 风险是否属实: 属实",
                        "STEP verify shows 有效",
                        "STEP tampered shows 伪造",
                        "AXE dashboard violations=0",
                        "AXE operations violations=0",
                        "AXE work violations=0",
                        "AXE supervision violations=0",
                        "AXE joint-tasks violations=0",
                        "AXE risk violations=0",
                        "AXE verify violations=0",
                        "OK");
        assertThat(process.exitValue()).as(output).isZero();
        String claimed = output.lines()
                .filter(line -> line.startsWith("STEP claimed "))
                .findFirst()
                .orElseThrow()
                .substring("STEP claimed ".length());
        assertThat(db.single(
                        "select count(*) from item_claim where item_code = ? and department_code = ? and status = 'ACTIVE'",
                        claimed,
                        department.code()))
                .isEqualTo(1L);
        assertThat(db.single("select status from outbox where id = ?", deadLetter))
                .isNotEqualTo("DEAD");
        assertThat(db.count(
                        "select count(*) from behaviour_record where department_code = ? and body->'inspection'->>'resultCode' = 'Z'",
                        department.code()))
                .isZero();
        assertThat(db.single(
                        "select count(*) from upload_job j join upload_job_file f on f.job_id = j.id "
                                + "where j.department_code = ? and f.file_name = 'console-import.csv' and j.rejected = 1",
                        department.code()))
                .isEqualTo(1L);
        assertThat(out.resolve("console-import.png")).exists();
        assertThat(out.resolve("console-dashboard.png")).exists();
        assertThat(output)
                .as(output)
                .containsPattern(
                        "STEP indicators completeness=[0-9.]+% accuracy=[0-9.]+% certified=[0-9.]+% overdue=\\d+ / \\d+")
                .containsPattern(
                        "STEP exported effectiveness-\\d{4}-\\d{2}-\\d{2}-\\d{4}-\\d{2}-\\d{2}\\.xlsx bytes=\\d+");
        try (XSSFWorkbook export = new XSSFWorkbook(Files.newInputStream(out.resolve("dashboard-export.xlsx")))) {
            assertThat(export.getSheet("实施清单质量").getRow(1).getCell(0).getStringCellValue())
                    .isEqualTo("合计");
            assertThat(export.getSheet("实施清单质量").getRow(1).getCell(1).getStringCellValue())
                    .isEqualTo("450000");
        }
        assertThat(out.resolve("verify-valid.png")).exists();
        assertThat(db.single("select status from disclosure where record_id = ?", fixture.get("penaltyRecord")))
                .isEqualTo("PUBLISHED");
        assertThat(db.single(
                        "select status from joint_task_participant where task_id = ? and department_code = ?",
                        joint.id(),
                        department.code()))
                .isEqualTo("FED_BACK");
        assertThat(db.single("select record_id from joint_task_record where task_id = ?", joint.id()))
                .isEqualTo(joint.record());
        assertThat(db.rows(
                        "select t.deadline::text as deadline, p.department_code, p.status from joint_task t "
                                + "join joint_task_participant p on p.task_id = t.id "
                                + "where t.initiator_department_code = ?",
                        department.code()))
                .containsExactly(Map.of(
                        "deadline", fixture.get("jointDeadline"),
                        "department_code", joint.initiator(),
                        "status", "DISTRIBUTED"));
        assertThat(db.single("select risk_confirmed from national_case where id = ?", fixture.get("riskClue")))
                .isEqualTo(true);
        assertThat(out.resolve("console-joint-tasks.png")).exists();
        assertThat(out.resolve("console-risk.png")).exists();
    }
}
