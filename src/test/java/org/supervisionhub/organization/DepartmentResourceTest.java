package org.supervisionhub.organization;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** Departments of the organisation registry: writes scoped by the stored region, versioned, audited, evented. */
@QuarkusTest
class DepartmentResourceTest {

    private static final AtomicInteger NEXT = new AtomicInteger();

    @Inject
    Db db;

    @Inject
    RecordFixture fixture;

    private final String admin = Tokens.hubAdmin();
    private final String nanningAdmin = Tokens.regionAdmin("450100");

    private static String newCode() {
        return "T_ORG_" + System.nanoTime() % 1_000_000_000L + "_" + NEXT.incrementAndGet();
    }

    private static Map<String, Object> body(String region) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("name", "测试执法局");
        body.put("creditCode", CreditCodeGenerator.enterprise(region));
        body.put("regionCode", region);
        body.put("level", "CITY");
        body.put("sectorCodes", List.of("SAMR", "MEE"));
        body.put("entrusted", List.of(Map.of("name", "测试执法队", "creditCode", CreditCodeGenerator.enterprise(region))));
        body.put("validFrom", "2024-01-01");
        return body;
    }

    private static io.restassured.response.ValidatableResponse put(
            String token, String code, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/departments/{code}", code)
                .then();
    }

    private long audits(String code, String action) {
        return db.count(
                "select count(*) from audit_log where entity_type = 'department' and entity_id = ? and action = ?",
                code,
                action);
    }

    private long events(String code, String type) {
        return db.count("select count(*) from outbox where aggregate_id = ? and event_type = ?", code, type);
    }

    @Test
    void aHubAdminCreatesADepartmentWithAuditAndEvent() {
        String code = newCode();
        Map<String, Object> body = body("450100");

        put(admin, code, body)
                .statusCode(201)
                .header("ETag", "\"1\"")
                .body("code", equalTo(code))
                .body("creditCode", equalTo(body.get("creditCode")))
                .body("regionCode", equalTo("450100"))
                .body("level", equalTo("CITY"))
                .body("sectorCodes", contains("MEE", "SAMR"))
                .body("entrusted", hasSize(1))
                .body("status", equalTo("ACTIVE"))
                .body("validFrom", equalTo("2024-01-01"))
                .body("version", equalTo(1));

        assertThat(db.rows("select sector_code from department_sector where department_code = ? order by 1", code))
                .extracting(row -> row.get("sector_code"))
                .containsExactly("MEE", "SAMR");
        assertThat(db.count("select count(*) from department_entrusted where department_code = ?", code))
                .isEqualTo(1);
        assertThat(audits(code, "DEPARTMENT_CREATED")).isEqualTo(1);
        assertThat(events(code, "department.upserted")).isEqualTo(1);
        given().auth()
                .oauth2(admin)
                .get("/api/v1/departments/{code}", code)
                .then()
                .statusCode(200)
                .header("ETag", "\"1\"")
                .body("name", equalTo("测试执法局"));
    }

    @Test
    void anIdenticalPutChangesNothing() {
        String code = newCode();
        Map<String, Object> body = body("450100");
        put(admin, code, body).statusCode(201);

        put(admin, code, body).statusCode(200).body("version", equalTo(1));

        assertThat(audits(code, "DEPARTMENT_UPDATED")).isZero();
        assertThat(events(code, "department.upserted")).isEqualTo(1);
    }

    @Test
    void aChangeBumpsTheVersionAndAStaleIfMatchIsRefused() {
        String code = newCode();
        Map<String, Object> body = body("450100");
        put(admin, code, body).statusCode(201);
        body.put("name", "测试执法局（更名）");

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body)
                .put("/api/v1/departments/{code}", code)
                .then()
                .statusCode(200)
                .header("ETag", "\"2\"")
                .body("name", equalTo("测试执法局（更名）"));
        body.put("name", "丢失的更新");
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .header("If-Match", "\"1\"")
                .body(body)
                .put("/api/v1/departments/{code}", code)
                .then()
                .statusCode(412)
                .body("code", equalTo("VERSION_MISMATCH"));

        assertThat(db.single("select name from department where code = ?", code))
                .isEqualTo("测试执法局（更名）");
        assertThat(audits(code, "DEPARTMENT_UPDATED")).isEqualTo(1);
    }

    @Test
    void aBadCreditCodeNamesTheField() {
        Map<String, Object> body = body("450100");
        body.put("creditCode", "91450100MA5K00000X");
        body.put("entrusted", List.of(Map.of("name", "测试执法队", "creditCode", "123")));
        String code = newCode();

        put(admin, code, body)
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.hasItems("creditCode", "entrusted[0].creditCode"))
                .body("errors.code", everyItem(equalTo("CREDIT_CODE_INVALID")));

        assertThat(db.count("select count(*) from department where code = ?", code))
                .isZero();
    }

    @Test
    void validityMustNotEndBeforeItStarts() {
        Map<String, Object> body = body("450100");
        body.put("validTo", "2023-12-31");

        put(admin, newCode(), body)
                .statusCode(400)
                .body("errors[0].field", equalTo("validTo"))
                .body("errors[0].code", equalTo("DATE_RANGE_INVALID"));
    }

    @Test
    void anUnknownOrAbolishedRegionIsRefused() {
        Map<String, Object> body = body("450100");
        body.put("regionCode", "450199");
        put(admin, newCode(), body)
                .statusCode(422)
                .body("code", equalTo("REGION_NOT_FOUND"))
                .body("errors[0].field", equalTo("regionCode"));

        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("name", "测试撤销县", "status", "ABOLISHED", "successorCode", "450103"))
                .put("/api/v1/regions/450196")
                .then()
                .statusCode(201);
        body.put("regionCode", "450196");
        put(admin, newCode(), body)
                .statusCode(422)
                .body("code", equalTo("REGION_ABOLISHED"))
                .body("errors[0].field", equalTo("regionCode"));
    }

    @Test
    void aParentMustExistAndMustNotMakeACycle() {
        String parent = newCode();
        String child = newCode();
        put(admin, parent, body("450100")).statusCode(201);
        Map<String, Object> childBody = body("450103");
        childBody.put("parentCode", parent);
        childBody.put("level", "COUNTY");
        put(admin, child, childBody).statusCode(201).body("parentCode", equalTo(parent));

        Map<String, Object> parentBody = body("450100");
        parentBody.put("parentCode", child);
        put(admin, parent, parentBody)
                .statusCode(422)
                .body("code", equalTo("DEPARTMENT_PARENT_INVALID"))
                .body("errors[0].field", equalTo("parentCode"));
        childBody.put("parentCode", "NO_SUCH_PARENT");
        put(admin, child, childBody).statusCode(422).body("code", equalTo("DEPARTMENT_PARENT_INVALID"));
    }

    @Test
    void aDepartmentsPeopleCannotCreateOrChangeDepartments() {
        String code = newCode();
        for (String token : List.of(
                Tokens.deptAdmin("NN_SCJGJ", "450100"),
                Tokens.withRoles("officer-1", List.of("officer"), "NN_SCJGJ", "450100"),
                Tokens.withRoles("system-1", List.of("system"), "NN_SCJGJ", "450100"),
                Tokens.withRoles("national-1", List.of("national"), null, null))) {
            put(token, code, body("450100")).statusCode(403).body("code", equalTo("FORBIDDEN"));
            given().auth()
                    .oauth2(token)
                    .delete("/api/v1/departments/NN_SCJGJ")
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("FORBIDDEN"));
        }
        assertThat(db.count("select count(*) from department where code = ?", code))
                .isZero();
        assertThat(db.single("select status from department where code = 'NN_SCJGJ'"))
                .isEqualTo("ACTIVE");
    }

    @Test
    void aRegionAdminWritesDepartmentsOfItsRegionOnly() {
        String own = newCode();
        put(nanningAdmin, own, body("450103")).statusCode(201);

        put(nanningAdmin, newCode(), body("450200")).statusCode(403).body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        Map<String, Object> away = body("450100");
        away.put("regionCode", "450202");
        put(nanningAdmin, own, away).statusCode(403).body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        Map<String, Object> liuzhou = body("450200");
        liuzhou.put("regionCode", "450100");
        put(nanningAdmin, "LZ_SCJGJ", liuzhou).statusCode(403).body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));

        assertThat(db.single("select region_code from department where code = ?", own))
                .isEqualTo("450103");
        assertThat(db.single("select region_code from department where code = 'LZ_SCJGJ'"))
                .isEqualTo("450200");
    }

    @Test
    void aForeignDepartmentReadsLikeAnUnknownOne() {
        for (String code : List.of("LZ_SCJGJ", "NO_SUCH_DEPT")) {
            given().auth()
                    .oauth2(nanningAdmin)
                    .get("/api/v1/departments/{code}", code)
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("DEPARTMENT_NOT_FOUND"));
            given().auth()
                    .oauth2(Tokens.deptAdmin("NN_SCJGJ", "450100"))
                    .get("/api/v1/departments/{code}/reassignments", code)
                    .then()
                    .statusCode(404)
                    .body("code", equalTo("DEPARTMENT_NOT_FOUND"));
            given().auth()
                    .oauth2(nanningAdmin)
                    .delete("/api/v1/departments/{code}", code)
                    .then()
                    .statusCode(403)
                    .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        }
    }

    @Test
    void listingsAreScoped() {
        given().auth()
                .oauth2(Tokens.regionAdmin("450200"))
                .queryParam("size", 200)
                .get("/api/v1/departments")
                .then()
                .statusCode(200)
                .body("items.regionCode", everyItem(startsWith("4502")));
        given().auth()
                .oauth2(Tokens.deptAdmin("NN_SCJGJ", "450100"))
                .get("/api/v1/departments")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].code", equalTo("NN_SCJGJ"));
        given().auth()
                .oauth2(nanningAdmin)
                .queryParam("region", "450200")
                .get("/api/v1/departments")
                .then()
                .statusCode(403)
                .body("code", equalTo("REGION_OUT_OF_SCOPE"));
        given().auth()
                .oauth2(admin)
                .queryParam("sector", "MEE")
                .queryParam("region", "450100")
                .queryParam("size", 200)
                .get("/api/v1/departments")
                .then()
                .statusCode(200)
                .body("items.code", org.hamcrest.Matchers.hasItems("NN_STHJJ", "NN_ZHZFJ"));
    }

    @Test
    void deactivatingKeepsHistoryAndListsWhatToReassign() {
        RecordFixture.Department department = fixture.department("450100");
        long caseId = ((Number)
                        db.single("""
                        insert into national_case (kind, national_id, title, region_code, item_code, department_code,
                                                   status, deadline, payload)
                        values ('COMPLAINT', ?, '待移交投诉', '450100', ?, ?, 'ASSIGNED', now() + interval '5 days', '{}')
                        returning id""", "ORG-" + System.nanoTime(), department.inspectionItem(), department.code()))
                .longValue();

        given().auth()
                .oauth2(nanningAdmin)
                .delete("/api/v1/departments/{code}", department.code())
                .then()
                .statusCode(200)
                .body("status", equalTo("INACTIVE"))
                .body("activeClaims", hasSize(4))
                .body("openCases[0].id", equalTo((int) caseId));

        assertThat(db.rows("select status, version from department where code = ?", department.code()))
                .singleElement()
                .satisfies(row ->
                        assertThat(row).containsEntry("status", "INACTIVE").containsEntry("version", 2));
        assertThat(db.count(
                        "select count(*) from item_claim where department_code = ? and status = 'ACTIVE'",
                        department.code()))
                .isEqualTo(4);
        assertThat(audits(department.code(), "DEPARTMENT_DEACTIVATED")).isEqualTo(1);
        assertThat(events(department.code(), "department.deactivated")).isEqualTo(1);

        given().auth()
                .oauth2(nanningAdmin)
                .delete("/api/v1/departments/{code}", department.code())
                .then()
                .statusCode(200)
                .body("status", equalTo("INACTIVE"));
        assertThat(events(department.code(), "department.deactivated")).isEqualTo(1);
        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/departments/{code}/reassignments", department.code())
                .then()
                .statusCode(200)
                .body("activeClaims", hasSize(4))
                .body("openCases", hasSize(1));
        given().auth()
                .oauth2(nanningAdmin)
                .get("/api/v1/departments/{code}", department.code())
                .then()
                .statusCode(200)
                .body("status", equalTo("INACTIVE"));
    }

    @Test
    void administratorsAreAppointedAndAudited() {
        String code = newCode();
        put(admin, code, body("450100")).statusCode(201);

        given().auth()
                .oauth2(nanningAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("administrators", List.of("zhang.san", "li.si")))
                .put("/api/v1/departments/{code}/administrators", code)
                .then()
                .statusCode(200)
                .body("administrators.subject", contains("li.si", "zhang.san"))
                .body("administrators[0].appointedBy", equalTo("region-admin-450100"));
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(Map.of("administrators", List.of("li.si", "wang.wu")))
                .put("/api/v1/departments/{code}/administrators", code)
                .then()
                .statusCode(200)
                .body("administrators.subject", contains("li.si", "wang.wu"));

        given().auth()
                .oauth2(Tokens.deptAdmin(code, "450100"))
                .get("/api/v1/departments/{code}/administrators", code)
                .then()
                .statusCode(200)
                .body("administrators.subject", contains("li.si", "wang.wu"));
        assertThat(audits(code, "DEPARTMENT_ADMINISTRATORS_CHANGED")).isEqualTo(2);
        assertThat(db.single(
                        "select detail::text from audit_log where entity_id = ? and action = 'DEPARTMENT_ADMINISTRATORS_CHANGED' order by id desc limit 1",
                        code))
                .asString()
                .contains("wang.wu")
                .contains("zhang.san");
    }

    @Test
    void administratorsAreAppointedByAdminsOfTheDepartmentsRegionOnly() {
        given().auth()
                .oauth2(Tokens.deptAdmin("NN_SCJGJ", "450100"))
                .contentType(ContentType.JSON)
                .body(Map.of("administrators", List.of("me")))
                .put("/api/v1/departments/NN_SCJGJ/administrators")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().auth()
                .oauth2(nanningAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("administrators", List.of("me")))
                .put("/api/v1/departments/LZ_SCJGJ/administrators")
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        given().auth()
                .oauth2(nanningAdmin)
                .contentType(ContentType.JSON)
                .body(Map.of("administrators", List.of("bad name with spaces")))
                .put("/api/v1/departments/NN_SCJGJ/administrators")
                .then()
                .statusCode(400)
                .body("errors[0].field", startsWith("administrators"));
        assertThat(db.count("select count(*) from department_administrator where subject = 'me'"))
                .isZero();
    }
}
