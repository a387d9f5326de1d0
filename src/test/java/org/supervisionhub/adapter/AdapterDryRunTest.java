package org.supervisionhub.adapter;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.supervisionhub.adapter.kit.DockingKit;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * 试运行 of a docked system's payload: POST /api/v1/adapters/{system}/inbound/{kind}?dryRun=true maps a sample exactly
 * as the golden test expects (AdapterDescriptorsTest), stores nothing and writes one audit entry; the same client and
 * role checks as the real call apply.
 */
@QuarkusTest
class AdapterDryRunTest {

    private static final String PATH = "/api/v1/adapters/{system}/inbound/{kind}?dryRun=true";
    private static final Path SAMPLE = Path.of("adapters", "joint-supervision", "samples", "inspections.xml");

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    private static Response send(String token, String system, String kind, String contentType, byte[] body) {
        return given().auth().oauth2(token).contentType(contentType).body(body).post(PATH, system, kind);
    }

    private static String jointSupervision(RecordFixture.Department department) {
        return Tokens.withRoles(
                "system-joint-supervision", List.of("system"), department.code(), department.regionCode());
    }

    private long footprint(RecordFixture.Department department) {
        return db.count("select count(*) from behaviour_record where department_code = ?", department.code())
                + db.count("select count(*) from outbox where payload->>'departmentCode' = ?", department.code())
                + db.count("select count(*) from record_quality_daily where department_code = ?", department.code());
    }

    @Test
    void dryRunOfAnXmlSampleAnswersExactlyTheCanonicalRecordsTheGoldenTestExpects() throws Exception {
        RecordFixture.Department department = fixture.department();
        long before = footprint(department);

        String answer = send(
                        jointSupervision(department),
                        "joint-supervision",
                        "inspections",
                        "application/xml",
                        Files.readAllBytes(SAMPLE))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("dryRun", equalTo(true))
                .extract()
                .asString();

        JsonNode expected = AdapterDescriptorsTest.expectedCanonical(SAMPLE);
        ArrayNode canonical = AdapterDescriptorsTest.JSON.createArrayNode();
        AdapterDescriptorsTest.JSON
                .readTree(answer)
                .path("records")
                .forEach(record -> canonical.add(record.get("canonical")));
        assertThat(canonical).isEqualTo(expected);
        assertThat(footprint(department)).isEqualTo(before);
        assertThat(db.rows(
                        "select detail->>'system' as system, detail->>'kind' as kind, detail->>'received' as received "
                                + "from audit_log where action = 'ADAPTER_DRY_RUN' and detail->>'department' = ?",
                        department.code()))
                .singleElement()
                .satisfies(row -> {
                    assertThat(row).containsEntry("system", "joint-supervision");
                    assertThat(row).containsEntry("kind", "inspections");
                    assertThat(row).containsEntry("received", String.valueOf(expected.size()));
                });
    }

    /**
     * The done criterion, a docking team's cycle: the kit, on a copy of the hotline's folder with one mapping
     * broken, names that mapping's line; the intact folder's sample, dry-run through the hub, answers exactly the
     * canonical records the kit maps and the golden file holds.
     */
    @Test
    void kitFindsABrokenMappingsLineAndTheDryRunAnswersTheGoldenRecords(@TempDir Path directory) throws Exception {
        Path original = Path.of("adapters", "hotline-12345");
        Path copy = directory.resolve("hotline-12345");
        Files.createDirectories(copy.resolve("samples"));
        try (var files = Files.list(original.resolve("samples"))) {
            for (Path file : files.toList()) {
                Files.copy(
                        file, copy.resolve("samples").resolve(file.getFileName().toString()));
            }
        }
        String descriptor = Files.readString(original.resolve("adapter.yaml"));
        String rule = "regionCode: { path: sjqy }";
        int line =
                (int) descriptor.substring(0, descriptor.indexOf(rule)).lines().count();
        Files.writeString(copy.resolve("adapter.yaml"), descriptor.replace(rule, "regionCode: { path: sjqu }"));
        DockingKit.Contracts contracts = DockingKit.Contracts.locate(original, null, null);

        DockingKit.Result broken = DockingKit.check(copy, contracts);
        DockingKit.Result intact = DockingKit.check(original, contracts);

        assertThat(broken.problems())
                .isNotEmpty()
                .allSatisfy(problem -> assertThat(problem.place())
                        .isEqualTo(
                                copy.resolve("adapter.yaml") + ":" + line + " [inbound.complaints.fields.regionCode]"));
        assertThat(intact.problems()).isEmpty();

        RecordFixture.Department department = fixture.department();
        Path sample = original.resolve("samples").resolve("complaints.json");
        String answer = send(
                        Tokens.withRoles(
                                "hotline-12345", List.of("system"), department.code(), department.regionCode()),
                        "hotline-12345",
                        "complaints",
                        "application/json",
                        Files.readAllBytes(sample))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .asString();

        ArrayNode canonical = AdapterDescriptorsTest.JSON.createArrayNode();
        AdapterDescriptorsTest.JSON
                .readTree(answer)
                .path("records")
                .forEach(record -> canonical.add(record.get("canonical")));
        assertThat(canonical)
                .isEqualTo(AdapterDescriptorsTest.expectedCanonical(sample))
                .isEqualTo(intact.mapped().get("complaints.json"));
    }

    @Test
    void dryRunAsAnotherSystemIsRefused() throws Exception {
        RecordFixture.Department department = fixture.department();

        send(
                        Tokens.withRoles(
                                "system-" + department.code(),
                                List.of("system"),
                                department.code(),
                                department.regionCode()),
                        "joint-supervision",
                        "inspections",
                        "application/xml",
                        Files.readAllBytes(SAMPLE))
                .then()
                .statusCode(403)
                .body("code", equalTo("ADAPTER_CLIENT_MISMATCH"));

        assertThat(db.count(
                        "select count(*) from audit_log where action = 'ADAPTER_DRY_RUN' and detail->>'department' = ?",
                        department.code()))
                .isZero();
    }

    @Test
    void dryRunNeedsTheSystemRole() throws Exception {
        RecordFixture.Department department = fixture.department();

        send(department.adminToken(), "joint-supervision", "inspections", "application/xml", Files.readAllBytes(SAMPLE))
                .then()
                .statusCode(403);
    }

    @Test
    void dryRunOfAKindThatIsNotRecordsIsRefused() throws Exception {
        RecordFixture.Department department = fixture.department();

        send(
                        Tokens.withRoles(
                                "system-approval", List.of("system"), department.code(), department.regionCode()),
                        "approval",
                        "permits",
                        "application/json",
                        Files.readAllBytes(Path.of("adapters", "approval", "samples", "permits.json")))
                .then()
                .statusCode(400)
                .body("code", equalTo("DRY_RUN_UNSUPPORTED"));
    }
}
