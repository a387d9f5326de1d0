package org.supervisionhub.record;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.supervisionhub.common.code.IdNumbers;
import org.supervisionhub.support.Catalog;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * A department of its own for each test (in Nanning, sector SAMR), with claimed items of every type and valid
 * certificates, plus record bodies that pass every rule. Tests change one field and see one error.
 */
@ApplicationScoped
public class RecordFixture {

    public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");
    public static final LocalDate TODAY = LocalDate.now(ZONE);
    static final String ISSUER = "GX_REC";
    private static final AtomicLong NEXT = new AtomicLong(System.nanoTime() % 1_000_000L * 100);

    @Inject
    Db db;

    @Inject
    Catalog catalog;

    /** A department with its claimed items, two valid officers and the tokens to act for it. */
    public record Department(
            String code,
            String creditCode,
            String regionCode,
            String inspectionItem,
            String penaltyItem,
            String enforcementItem,
            String otherItem,
            String officerA,
            String officerB,
            String systemToken,
            String adminToken) {}

    public Department department() {
        return department("450100");
    }

    public Department department(String region) {
        String code = "T_REC_" + NEXT.incrementAndGet();
        String creditCode = CreditCodeGenerator.enterprise(region);
        db.update(
                "insert into department (code, name, credit_code, region_code) values (?, ?, ?, ?)",
                code,
                "测试局 " + code,
                creditCode,
                region);
        db.update("insert into department_sector (department_code, sector_code) values (?, 'SAMR')", code);
        String inspection = claimed(code, "INSPECTION");
        String penalty = claimed(code, "PENALTY");
        String enforcement = claimed(code, "ENFORCEMENT");
        String other = claimed(code, "OTHER");
        return new Department(
                code,
                creditCode,
                region,
                inspection,
                penalty,
                enforcement,
                other,
                certificate(code, "VALID", TODAY.minusYears(1), TODAY.plusYears(3)),
                certificate(code, "VALID", TODAY.minusYears(1), TODAY.plusYears(3)),
                Tokens.withRoles("system-" + code, List.of("system"), code, region),
                Tokens.withRoles("dept-admin-" + code, List.of("dept-admin"), code, region));
    }

    /** An in-use SAMR sub-item of the type, claimed by the department. */
    public String claimed(String department, String type) {
        String item = catalog.subItem("SAMR", type);
        db.update(
                "insert into item_claim (item_code, department_code, status, claimed_by) values (?, ?, 'ACTIVE', 'test')",
                item,
                department);
        return item;
    }

    /** An in-use SAMR sub-item nobody claimed. */
    public String unclaimedItem(String type) {
        return catalog.subItem("SAMR", type);
    }

    /** A certificate (category SAMR) of a new officer; returns its number. */
    public String certificate(String department, String status, LocalDate from, LocalDate to) {
        long n = NEXT.incrementAndGet();
        String hash = HexFormat.of()
                .formatHex(java.nio.ByteBuffer.allocate(32)
                        .putLong(n)
                        .putLong(System.nanoTime())
                        .array());
        Object officerId = db.single("""
                insert into officer (name, id_number_hash, id_number_masked, department_code)
                values ('测试员', ?, '450103********0011', ?) returning id""", hash, department);
        String certNo = "REC" + String.format("%09d", n);
        Object certificateId = db.single("""
                insert into certificate (public_id, officer_id, issuer, cert_no, kind, valid_from, valid_to, status,
                                         department_code, version)
                values (gen_random_uuid(), ?, ?, ?, 'PROVINCIAL', ?, ?, ?, ?, 1) returning id""", officerId, ISSUER, certNo, from, to, status, department);
        db.update("insert into certificate_category (certificate_id, category_code) values (?, 'SAMR')", certificateId);
        return certNo;
    }

    static String newSourceId() {
        return "SRC-" + NEXT.incrementAndGet();
    }

    static String newIdNumber() {
        long n = NEXT.incrementAndGet();
        String first17 = "450103"
                + LocalDate.of(1970, 1, 1).plusDays(n % 15000).toString().replace("-", "")
                + String.format("%03d", n % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    /** A valid inspection record of the department, checked yesterday, reported now. */
    public Map<String, Object> inspection(Department department) {
        Map<String, Object> record = common(department, "INSPECTION", department.inspectionItem());
        record.put("implementationListCode", department.creditCode() + "3" + department.inspectionItem());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("randomPlanId", "PLAN-2026-01");
        detail.put("actionName", "食品经营日常检查");
        detail.put("actionNumber", "JC-" + NEXT.incrementAndGet());
        detail.put("form", "ON_SITE");
        detail.put("checkDate", TODAY.minusDays(1).toString());
        detail.put("resultCode", "1");
        record.put("inspection", detail);
        return record;
    }

    /** A valid general-procedure fine, filed 30 days ago, decided 10 days ago, not yet closed. */
    public Map<String, Object> penalty(Department department) {
        Map<String, Object> record = common(department, "PENALTY", department.penaltyItem());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("actionName", "销售过期食品");
        detail.put("procedure", "02");
        detail.put("filingDate", TODAY.minusDays(30).toString());
        detail.put("decisionNumber", "南市监罚〔2026〕" + NEXT.incrementAndGet() + "号");
        detail.put("decisionDate", TODAY.minusDays(10).toString());
        detail.put("penaltyTypes", List.of("01", "02"));
        detail.put("fineAmount", 5000.00);
        record.put("penalty", detail);
        return record;
    }

    public Map<String, Object> enforcement(Department department) {
        Map<String, Object> record = common(department, "ENFORCEMENT", department.enforcementItem());
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("category", "MEASURE");
        detail.put("measure", "03");
        detail.put("decisionNumber", "南市监强〔2026〕" + NEXT.incrementAndGet() + "号");
        detail.put("startDate", TODAY.minusDays(5).toString());
        detail.put("endDate", TODAY.minusDays(1).toString());
        record.put("enforcement", detail);
        return record;
    }

    public Map<String, Object> other(Department department) {
        Map<String, Object> record = common(department, "OTHER", department.otherItem());
        record.put("officers", List.of(officer(department.officerA())));
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("actionName", "行政指导");
        detail.put("actionNumber", "QT-" + NEXT.incrementAndGet());
        detail.put("startDate", TODAY.minusDays(3).toString());
        record.put("other", detail);
        return record;
    }

    public Map<String, Object> complaint(Department department) {
        Map<String, Object> record = common(department, "COMPLAINT", null);
        record.remove("itemCode");
        record.remove("officers");
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("complaintNumber", "12345-" + NEXT.incrementAndGet());
        detail.put("complaintType", "COMPLAINT");
        detail.put("channel", "12345");
        detail.put("receivedDate", TODAY.minusDays(2).toString());
        detail.put("anonymous", false);
        detail.put("complainantName", "李四");
        detail.put("complainantPhone", "13812345678");
        detail.put("detail", "餐馆卫生条件差");
        record.put("complaint", detail);
        return record;
    }

    private Map<String, Object> common(Department department, String kind, String item) {
        Map<String, Object> record = new LinkedHashMap<>();
        record.put("operation", "INSERT");
        record.put("kind", kind);
        record.put("sourceSystem", "TEST-SYS");
        record.put("sourceRecordId", newSourceId());
        record.put("itemCode", item);
        record.put("implementingBody", Map.of("name", "测试局", "creditCode", department.creditCode()));
        record.put(
                "subject",
                new LinkedHashMap<>(Map.of(
                        "type",
                        "ENTERPRISE",
                        "name",
                        "南宁某某餐饮有限公司",
                        "creditCode",
                        CreditCodeGenerator.enterprise(department.regionCode()))));
        record.put("regionCode", department.regionCode());
        record.put("officers", List.of(officer(department.officerA()), officer(department.officerB())));
        record.put("reportedAt", OffsetDateTime.now(ZONE).minusMinutes(1).toString());
        record.put("reporter", "张三");
        return record;
    }

    static Map<String, Object> officer(String certNo) {
        return Map.of("name", "执法员", "issuer", ISSUER, "certNo", certNo);
    }

    /** A copy with one field replaced; a dotted path reaches into a block ("penalty.fineAmount"); null removes it. */
    @SuppressWarnings("unchecked")
    static Map<String, Object> with(Map<String, Object> record, String path, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(record);
        int dot = path.indexOf('.');
        if (dot < 0) {
            if (value == null) {
                copy.remove(path);
            } else {
                copy.put(path, value);
            }
            return copy;
        }
        String head = path.substring(0, dot);
        copy.put(head, with((Map<String, Object>) record.get(head), path.substring(dot + 1), value));
        return copy;
    }

    static Response upload(String token, Object body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/records");
    }

    static Response upload(String token, List<Map<String, Object>> records, String query) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(records)
                .post("/api/v1/records" + query);
    }

    static Response uploadNdjson(String token, String body, String query) {
        return given().auth()
                .oauth2(token)
                .contentType("application/x-ndjson")
                .body(body.getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/records" + query);
    }

    /**
     * Uploads one record as the department's system, which must accept it, and answers its hub id (what other
     * features' tests publish, link or evaluate).
     */
    public long stored(Department department, Map<String, Object> record) {
        given().auth()
                .oauth2(department.systemToken())
                .contentType(ContentType.JSON)
                .body(List.of(record))
                .post("/api/v1/records")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("rejected", org.hamcrest.Matchers.equalTo(0));
        return ((Number) db.single(
                        "select id from behaviour_record where source_system = ? and source_record_id = ?",
                        record.get("sourceSystem"),
                        record.get("sourceRecordId")))
                .longValue();
    }

    static List<Map<String, Object>> list(Map<String, Object>... records) {
        return new ArrayList<>(List.of(records));
    }
}
