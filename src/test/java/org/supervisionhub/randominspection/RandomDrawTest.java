package org.supervisionhub.randominspection;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * Credit-graded 双随机 draws: announced with a seed, executed deterministically, recomputable by anyone, per-class
 * ratios, inspectors with valid certificates, no repeat of the previous plan's pairs, conflicts respected, scope, and
 * the desensitised public result.
 */
@QuarkusTest
class RandomDrawTest {

    // 百色: the statistics test owns 崇左 (4514xx), so draws keep out of it.
    private static final String REGION = "451000";
    private static final String SUBJECT_REGION = "451002";
    private static final AtomicInteger INDUSTRY = new AtomicInteger((int) (System.nanoTime() % 9000));

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    /** A department of its own with officers, subjects of an industry of its own, and a plan. */
    private record Setup(RecordFixture.Department department, String industry, long plan, List<String> officers) {}

    private Setup setup(int perClass, int extraOfficers) {
        RecordFixture.Department department = fixture.department(REGION);
        String industry = "T" + (1000 + INDUSTRY.incrementAndGet() % 9000);
        for (String level : List.of("A", "B", "C", "D")) {
            for (int i = 0; i < perClass; i++) {
                db.update(
                        "insert into subject (credit_code, subject_type, name, region_code, industry_code, credit_level) "
                                + "values (?, 'ENTERPRISE', ?, ?, ?, ?)",
                        CreditCodeGenerator.enterprise(SUBJECT_REGION),
                        "抽查测试公司" + level + i,
                        SUBJECT_REGION,
                        industry,
                        level);
            }
        }
        List<String> officers = new ArrayList<>(List.of(department.officerA(), department.officerB()));
        for (int i = 0; i < extraOfficers; i++) {
            officers.add(fixture.certificate(
                    department.code(), "VALID", RecordFixture.TODAY.minusYears(1), RecordFixture.TODAY.plusYears(2)));
        }
        return new Setup(department, industry, plan(department, RecordFixture.TODAY.plusDays(1)), officers);
    }

    private long plan(RecordFixture.Department department, java.time.LocalDate start) {
        return ((Number) db.single(
                        """
                        insert into random_inspection_plan (source_system, plan_id, name, department_code, item_codes,
                                                            start_date, end_date, content_hash)
                        values ('ssj', ?, '信用分级抽查', ?, array[?]::char(14)[], ?, ?, repeat('0', 64)) returning id""",
                        "DRAW-" + System.nanoTime(),
                        department.code(),
                        department.inspectionItem(),
                        start,
                        start.plusDays(30)))
                .longValue();
    }

    private static Response announce(String token, long plan, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/random-plans/{id}/draws", plan);
    }

    private static long announced(Setup setup, Map<String, Object> ratios) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("industryCode", setup.industry());
        if (ratios != null) {
            body.put("ratios", ratios);
        }
        return announce(setup.department().adminToken(), setup.plan(), body)
                .then()
                .statusCode(201)
                .body("status", equalTo("ANNOUNCED"))
                .extract()
                .jsonPath()
                .getLong("id");
    }

    private static JsonPath executed(Setup setup, long draw) {
        return given().auth()
                .oauth2(setup.department().adminToken())
                .post("/api/v1/random-draws/{id}/execute", draw)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXECUTED"))
                .extract()
                .jsonPath();
    }

    @Test
    void aDrawIsIdenticalWhenRecomputedFromItsPublishedSeed() throws Exception {
        Setup setup = setup(10, 3);
        long draw = announced(setup, null);
        JsonPath announcedDraw = given().auth()
                .oauth2(setup.department().adminToken())
                .get("/api/v1/random-draws/{id}", draw)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
        String seed = announcedDraw.getString("seed");
        assertThat(seed).matches("[0-9a-f]{64}");
        assertThat(announcedDraw.getString("result")).isNull();
        String inputsText = given().auth()
                .oauth2(setup.department().adminToken())
                .get("/api/v1/random-draws/{id}/inputs", draw)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertThat(sha256(inputsText)).isEqualTo(announcedDraw.getString("inputsHash"));

        JsonPath result = executed(setup, draw);
        assertThat(result.getString("seed")).isEqualTo(seed);

        given().auth()
                .oauth2(setup.department().adminToken())
                .get("/api/v1/random-draws/{id}/verification", draw)
                .then()
                .statusCode(200)
                .body("matches", equalTo(true))
                .body("inputsIntact", equalTo(true))
                .body("recomputedResultHash", equalTo(result.getString("resultHash")));

        // An independent recomputation from the published seed and inputs, following the documented algorithm.
        Map<String, List<Long>> expected = recompute(seed, JsonPath.from(inputsText));
        Map<String, List<Long>> actual = new LinkedHashMap<>();
        List<Map<String, Object>> subjects = result.getList("result.subjects");
        for (Map<String, Object> subject : subjects) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> inspectors = (List<Map<String, Object>>) subject.get("inspectors");
            actual.put(
                    (String) subject.get("creditCode"),
                    inspectors.stream()
                            .map(inspector -> ((Number) inspector.get("officerId")).longValue())
                            .toList());
        }
        assertThat(actual).isNotEmpty().isEqualTo(expected);

        assertThat(db.count(
                        "select count(*) from outbox where aggregate_type = 'random_draw' and aggregate_id = ?",
                        String.valueOf(draw)))
                .isEqualTo(2);
        assertThat(db.count(
                        "select count(*) from audit_log where entity_type = 'random-draw' and entity_id = ?",
                        String.valueOf(draw)))
                .isEqualTo(2);
        given().auth()
                .oauth2(setup.department().adminToken())
                .post("/api/v1/random-draws/{id}/execute", draw)
                .then()
                .statusCode(409)
                .body("code", equalTo("RANDOM_DRAW_ALREADY_EXECUTED"));
    }

    @Test
    void eachCreditClassIsDrawnAtItsRatioWithinOneSubject() {
        Setup setup = setup(50, 2);
        Map<String, Object> ratios = Map.of("A", 4, "B", 15, "C", 40, "D", 70);
        long draw = announced(setup, ratios);
        JsonPath result = executed(setup, draw);

        assertThat(result.getList("inputs.subjects")).hasSize(200);
        List<Map<String, Object>> subjects = result.getList("result.subjects");
        for (String creditClass : List.of("A", "B", "C", "D")) {
            long drawn = subjects.stream()
                    .filter(subject -> creditClass.equals(subject.get("creditClass")))
                    .count();
            double target = 50 * ((Number) ratios.get(creditClass)).doubleValue() / 100;
            assertThat((double) drawn).as("class " + creditClass).isBetween(target - 1, target + 1);
        }
        assertThat(result.getList("result.classes.drawn", Integer.class)).containsExactly(2, 8, 20, 35);
    }

    @Test
    void ratiosOutsideTheirBandsOrUnknownClassesAreRefused() {
        Setup setup = setup(1, 0);
        announce(
                        setup.department().adminToken(),
                        setup.plan(),
                        Map.of("ratios", Map.of("A", 6, "C", 20, "E", 10), "regionCode", "450100"))
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", hasItem("ratios.A"))
                .body("errors.field", hasItem("ratios.C"))
                .body("errors.code", hasItem("CREDIT_CLASS_INVALID"))
                .body("errors.code", hasItem("REGION_OUT_OF_SCOPE"));
        assertThat(db.count("select count(*) from random_draw where plan_id = ?", setup.plan()))
                .isZero();
    }

    @Test
    void noInspectorIsDrawnForASubjectHeInspectedInThePreviousPlan() {
        Setup setup = setup(0, 0);
        RecordFixture.Department department = setup.department();
        for (int i = 0; i < 3; i++) {
            fixture.certificate(
                    department.code(), "VALID", RecordFixture.TODAY.minusYears(1), RecordFixture.TODAY.plusYears(2));
        }
        for (int i = 0; i < 12; i++) {
            db.update(
                    "insert into subject (credit_code, subject_type, name, region_code, industry_code, credit_level) "
                            + "values (?, 'ENTERPRISE', ?, ?, ?, 'D')",
                    CreditCodeGenerator.enterprise(SUBJECT_REGION),
                    "复查测试公司" + i,
                    SUBJECT_REGION,
                    setup.industry());
        }
        Map<String, Object> all = Map.of("D", 100);
        long first = announced(setup, all);
        Map<String, Set<Long>> before = pairs(executed(setup, first));

        long nextPlan = plan(department, RecordFixture.TODAY.plusDays(40));
        long second = announce(
                        department.adminToken(), nextPlan, Map.of("industryCode", setup.industry(), "ratios", all))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        JsonPath secondDraw = executed(setup, second);
        assertThat(secondDraw.getList("inputs.previous")).hasSize(24);
        Map<String, Set<Long>> after = pairs(secondDraw);
        assertThat(after.keySet()).hasSize(12).isEqualTo(before.keySet());
        after.forEach((subject, inspectors) ->
                assertThat(inspectors).as(subject).hasSize(2).doesNotContainAnyElementsOf(before.get(subject)));
    }

    @Test
    void aDeclaredConflictIsNeverDrawn() {
        Setup setup = setup(0, 2);
        RecordFixture.Department department = setup.department();
        List<String> subjects = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            String code = CreditCodeGenerator.enterprise(SUBJECT_REGION);
            subjects.add(code);
            db.update(
                    "insert into subject (credit_code, subject_type, name, region_code, industry_code, credit_level) "
                            + "values (?, 'ENTERPRISE', ?, ?, ?, 'D')",
                    code,
                    "回避测试公司" + i,
                    SUBJECT_REGION,
                    setup.industry());
        }
        long officer = ((Number)
                        db.single("select officer_id from certificate where cert_no = ?", department.officerA()))
                .longValue();
        for (String subject : subjects) {
            given().auth()
                    .oauth2(department.adminToken())
                    .contentType(ContentType.JSON)
                    .body(Map.of(
                            "issuer",
                            "GX_REC",
                            "certNo",
                            department.officerA(),
                            "subjectCreditCode",
                            subject,
                            "reason",
                            "近亲属任职"))
                    .post("/api/v1/random-draw-conflicts")
                    .then()
                    .statusCode(200)
                    .body("officerId", equalTo((int) officer))
                    .body("departmentCode", equalTo(department.code()));
        }
        given().auth()
                .oauth2(fixture.department(REGION).adminToken())
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "issuer",
                        "GX_REC",
                        "certNo",
                        department.officerA(),
                        "subjectCreditCode",
                        subjects.get(0),
                        "reason",
                        "越权"))
                .post("/api/v1/random-draw-conflicts")
                .then()
                .statusCode(404)
                .body("code", equalTo("CERTIFICATE_NOT_FOUND"));
        assertThat(db.count("select count(*) from random_draw_conflict where officer_id = ?", officer))
                .isEqualTo(10);

        long draw = announced(setup, Map.of("D", 100));
        JsonPath result = executed(setup, draw);
        assertThat(result.getList("inputs.conflicts")).hasSize(10);
        pairs(result)
                .forEach((subject, inspectors) ->
                        assertThat(inspectors).as(subject).hasSize(2).doesNotContain(officer));
    }

    @Test
    void onlyOfficersWithValidCertificatesCoveringTheItemsAreDrawnTwoPerSubject() {
        Setup setup = setup(5, 0);
        RecordFixture.Department department = setup.department();
        Set<String> invalid = new HashSet<>(List.of(
                fixture.certificate(
                        department.code(),
                        "SUSPENDED",
                        RecordFixture.TODAY.minusYears(1),
                        RecordFixture.TODAY.plusYears(1)),
                fixture.certificate(
                        department.code(),
                        "REVOKED",
                        RecordFixture.TODAY.minusYears(1),
                        RecordFixture.TODAY.plusYears(1)),
                fixture.certificate(
                        department.code(), "VALID", RecordFixture.TODAY.minusYears(2), RecordFixture.TODAY)));
        String otherSector = fixture.certificate(
                department.code(), "VALID", RecordFixture.TODAY.minusYears(1), RecordFixture.TODAY.plusYears(1));
        db.update(
                "update certificate_category set category_code = 'MEE' where certificate_id = "
                        + "(select id from certificate where cert_no = ?)",
                otherSector);
        invalid.add(otherSector);

        long draw = announced(setup, Map.of("D", 100, "C", 60));
        JsonPath result = executed(setup, draw);
        assertThat(result.getList("inputs.inspectors.certNo", String.class))
                .containsExactlyInAnyOrder(department.officerA(), department.officerB());
        List<List<String>> teams = result.getList("result.subjects.inspectors.certNo");
        assertThat(teams)
                .isNotEmpty()
                .allSatisfy(team -> assertThat(team)
                        .containsExactlyInAnyOrder(department.officerA(), department.officerB())
                        .doesNotContainAnyElementsOf(invalid));
    }

    @Test
    void onlyTheDepartmentAdminOfThePlanWritesAndAdminsAboveItRead() {
        Setup setup = setup(2, 0);
        RecordFixture.Department department = setup.department();
        String officer =
                Tokens.withRoles("officer-" + department.code(), List.of("officer"), department.code(), REGION);
        announce(officer, setup.plan(), Map.of()).then().statusCode(403).body("code", equalTo("FORBIDDEN"));
        String foreign = fixture.department(REGION).adminToken();
        announce(foreign, setup.plan(), Map.of()).then().statusCode(404).body("code", equalTo("RANDOM_PLAN_NOT_FOUND"));
        assertThat(db.count("select count(*) from random_draw where plan_id = ?", setup.plan()))
                .isZero();

        long draw = announced(setup, null);
        for (String path : List.of("/api/v1/random-draws/{id}/execute", "/api/v1/random-draws/{id}/publish")) {
            given().auth()
                    .oauth2(foreign)
                    .post(path, draw)
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("RANDOM_DRAW_NOT_FOUND"));
        }
        given().auth()
                .oauth2(foreign)
                .get("/api/v1/random-draws/{id}", draw)
                .then()
                .statusCode(404);
        given().auth()
                .oauth2(Tokens.regionAdmin("450100"))
                .get("/api/v1/random-draws/{id}", draw)
                .then()
                .statusCode(404)
                .body("code", equalTo("RANDOM_DRAW_NOT_FOUND"));
        given().auth()
                .oauth2(Tokens.regionAdmin(REGION))
                .get("/api/v1/random-draws/{id}", draw)
                .then()
                .statusCode(200)
                .body("departmentCode", equalTo(department.code()));
        given().auth()
                .oauth2(Tokens.regionAdmin(REGION))
                .post("/api/v1/random-draws/{id}/execute", draw)
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        assertThat(db.single("select status from random_draw where id = ?", draw))
                .isEqualTo("ANNOUNCED");
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/random-plans/{id}/draws", setup.plan())
                .then()
                .statusCode(200)
                .body("id", equalTo(List.of((int) draw)));
    }

    @Test
    void aPublishedDrawIsReadByThePublicDesensitised() {
        Setup setup = setup(3, 1);
        long draw = announced(setup, Map.of("D", 100));
        given().get("/api/v1/public/random-draws/{id}", draw)
                .then()
                .statusCode(404)
                .body("code", equalTo("RANDOM_DRAW_NOT_FOUND"));
        given().auth()
                .oauth2(setup.department().adminToken())
                .post("/api/v1/random-draws/{id}/publish", draw)
                .then()
                .statusCode(409)
                .body("code", equalTo("RANDOM_DRAW_NOT_EXECUTED"));
        JsonPath result = executed(setup, draw);
        given().auth()
                .oauth2(setup.department().adminToken())
                .post("/api/v1/random-draws/{id}/publish", draw)
                .then()
                .statusCode(200)
                .body("published", equalTo(true));

        Response published = given().get("/api/v1/public/random-draws/{id}", draw);
        published
                .then()
                .statusCode(200)
                .body("seed", equalTo(result.getString("seed")))
                .body("resultHash", equalTo(result.getString("resultHash")))
                .body("subjects.creditCode", equalTo(result.getList("result.subjects.creditCode")))
                .body("subjects[0].inspectors", equalTo(List.of("测**", "测**")));
        String body = published.asString();
        assertThat(body).doesNotContain("测试员").doesNotContain("450103").doesNotContain("certNo");
        assertThat(db.count(
                        "select count(*) from outbox where event_type = 'random-draw.published' and aggregate_id = ?",
                        String.valueOf(draw)))
                .isEqualTo(1);
        given().auth()
                .oauth2(setup.department().adminToken())
                .post("/api/v1/random-draws/{id}/publish", draw)
                .then()
                .statusCode(200);
        assertThat(db.count(
                        "select count(*) from outbox where event_type = 'random-draw.published' and aggregate_id = ?",
                        String.valueOf(draw)))
                .isEqualTo(1);
    }

    // ---- an independent implementation of the documented algorithm --------------------------------

    private static Map<String, Set<Long>> pairs(JsonPath draw) {
        Map<String, Set<Long>> pairs = new LinkedHashMap<>();
        List<Map<String, Object>> subjects = draw.getList("result.subjects");
        for (Map<String, Object> subject : subjects) {
            @SuppressWarnings("unchecked")
            List<Map<String, Object>> inspectors = (List<Map<String, Object>>) subject.get("inspectors");
            Set<Long> ids = new HashSet<>();
            inspectors.forEach(inspector -> ids.add(((Number) inspector.get("officerId")).longValue()));
            pairs.put((String) subject.get("creditCode"), ids);
        }
        return pairs;
    }

    private static Map<String, List<Long>> recompute(String seed, JsonPath inputs) throws Exception {
        byte[] key = HexFormat.of().parseHex(seed);
        long[] counter = {0};
        java.util.ArrayDeque<Long> buffered = new java.util.ArrayDeque<>();
        java.util.function.LongUnaryOperator below = n -> {
            while (true) {
                if (buffered.isEmpty()) {
                    try {
                        MessageDigest sha = MessageDigest.getInstance("SHA-256");
                        sha.update(key);
                        sha.update(ByteBuffer.allocate(8).putLong(counter[0]++).array());
                        ByteBuffer block = ByteBuffer.wrap(sha.digest());
                        for (int i = 0; i < 4; i++) {
                            buffered.add(block.getLong());
                        }
                    } catch (Exception e) {
                        throw new IllegalStateException(e);
                    }
                }
                java.math.BigInteger x = new java.math.BigInteger(Long.toUnsignedString(buffered.poll()));
                java.math.BigInteger range = java.math.BigInteger.ONE.shiftLeft(64);
                java.math.BigInteger limit = range.subtract(range.mod(java.math.BigInteger.valueOf(n)));
                if (x.compareTo(limit) < 0) {
                    return x.mod(java.math.BigInteger.valueOf(n)).longValue();
                }
            }
        };
        List<Map<String, Object>> candidates = inputs.getList("subjects");
        List<String> drawn = new ArrayList<>();
        for (String creditClass : List.of("A", "B", "C", "D")) {
            List<String> pool = new ArrayList<>(candidates.stream()
                    .filter(candidate -> creditClass.equals(candidate.get("creditClass")))
                    .map(candidate -> (String) candidate.get("creditCode"))
                    .toList());
            int k = BigDecimal.valueOf(pool.size())
                    .multiply(new BigDecimal(inputs.getString("ratios." + creditClass)))
                    .divide(BigDecimal.valueOf(100), 0, RoundingMode.HALF_UP)
                    .intValue();
            for (int i = 0; i < k; i++) {
                java.util.Collections.swap(pool, i, i + (int) below.applyAsLong(pool.size() - i));
            }
            drawn.addAll(pool.subList(0, k));
        }
        java.util.Collections.sort(drawn);
        Set<String> avoid = new HashSet<>();
        for (String list : List.of("previous", "conflicts")) {
            List<Map<String, Object>> pairs = inputs.getList(list);
            pairs.forEach(pair -> avoid.add(pair.get("officerId") + ":" + pair.get("creditCode")));
        }
        List<Long> inspectors = inputs.getList("inspectors.officerId", Long.class);
        Map<String, List<Long>> result = new LinkedHashMap<>();
        for (String subject : drawn) {
            List<Long> eligible = new ArrayList<>(inspectors.stream()
                    .filter(officer -> !avoid.contains(officer + ":" + subject))
                    .toList());
            for (int i = 0; i < 2; i++) {
                java.util.Collections.swap(eligible, i, i + (int) below.applyAsLong(eligible.size() - i));
            }
            result.put(subject, List.copyOf(eligible.subList(0, 2)));
        }
        return result;
    }

    private static String sha256(String text) throws Exception {
        return HexFormat.of()
                .formatHex(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
