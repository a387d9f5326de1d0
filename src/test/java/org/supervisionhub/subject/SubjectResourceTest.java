package org.supervisionhub.subject;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.containsInAnyOrder;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasSize;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Catalog;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class SubjectResourceTest {

    @Inject
    Db db;

    @Inject
    Catalog catalog;

    private final String registry = Tokens.token("gx-registry", List.of("system"), "GX_SCJGJ", "450000");
    private final String reader = Tokens.deptAdmin("NN_SCJGJ", "450100");
    /** The provincial credit platform's client, designated for the credit fields (hub.subjects.credit-sources). */
    private final String creditPlatform = Tokens.token("system-credit", List.of("system"), "GX_FGW", "450000");

    private Response put(String token, String code, Map<String, Object> body) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .put("/api/v1/subjects/{code}", code);
    }

    private static Map<String, Object> foodFactory(String name) {
        return Map.of(
                "source",
                "gx-registry",
                "name",
                name,
                "subjectType",
                "ENTERPRISE",
                "regionCode",
                "450103",
                "industryCode",
                "C1310",
                "legalRepresentative",
                "张三",
                "registeredAddress",
                "南宁市青秀区民族大道1号");
    }

    @Test
    void reportingANewSubjectCreatesIt() {
        String code = CreditCodeGenerator.enterprise("450103");

        put(registry, code, foodFactory("南宁市甲食品有限公司"))
                .then()
                .statusCode(201)
                .body("outcome", equalTo("CREATED"))
                .body("version", equalTo(1));

        var row = db.rows(
                "select name, subject_type, region_code, industry_code from subject where credit_code = ?", code);
        assertThat(row).hasSize(1);
        assertThat(row.get(0)).containsEntry("name", "南宁市甲食品有限公司").containsEntry("industry_code", "C1310");
        assertThat(db.count("select count(*) from outbox where aggregate_type = 'subject' and aggregate_id = ?", code))
                .isEqualTo(1);
    }

    @Test
    void reportsFromTwoSourcesMergeIntoOneSubject() {
        String code = CreditCodeGenerator.enterprise("450103");
        put(registry, code, foodFactory("南宁市乙食品有限公司")).then().statusCode(201);

        put(creditPlatform, code, Map.of("source", "gx-credit", "creditLevel", "B", "abnormalListed", true))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("version", equalTo(2));

        assertThat(db.count("select count(*) from subject where credit_code = ?", code))
                .isEqualTo(1);
        given().auth()
                .oauth2(reader)
                .get("/api/v1/subjects/{code}", code)
                .then()
                .statusCode(200)
                .body("name", equalTo("南宁市乙食品有限公司"))
                .body("creditLevel", equalTo("B"))
                .body("abnormalListed", equalTo(true))
                .body("legalRepresentative", equalTo("张三"))
                .body("sources", contains("gx-credit", "gx-registry"));
    }

    @Test
    void identicalReportIsUnchanged() {
        String code = CreditCodeGenerator.enterprise("450103");
        put(registry, code, foodFactory("南宁市丙食品有限公司")).then().statusCode(201);

        put(registry, code, foodFactory("南宁市丙食品有限公司"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UNCHANGED"))
                .body("version", equalTo(1));

        assertThat(db.count("select count(*) from outbox where aggregate_id = ?", code))
                .isEqualTo(1);
    }

    @Test
    void newSubjectNeedsNameTypeAndRegion() {
        given().auth()
                .oauth2(registry)
                .contentType(ContentType.JSON)
                .body(Map.of("source", "gx-registry"))
                .put("/api/v1/subjects/{code}", CreditCodeGenerator.enterprise("450103"))
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("name", "subjectType", "regionCode"));
    }

    @Test
    void invalidFieldsAreReportedTogether() {
        put(
                        registry,
                        CreditCodeGenerator.enterprise("450103"),
                        Map.of(
                                "source",
                                "gx registry!",
                                "name",
                                "x",
                                "subjectType",
                                "ENTERPRISE",
                                "regionCode",
                                "459100",
                                "industryCode",
                                "Z99"))
                .then()
                .statusCode(400)
                .body("errors.field", containsInAnyOrder("source", "regionCode", "industryCode"))
                .body("errors.find { it.field == 'regionCode' }.code", equalTo("REGION_CODE_INVALID"));
    }

    @Test
    void lookupOfACodeFailingTheChecksumIsCreditCodeInvalid() {
        given().auth()
                .oauth2(reader)
                .get("/api/v1/subjects/91350100M000100Y44")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].code", equalTo("CREDIT_CODE_INVALID"))
                .body("errors[0].field", equalTo("creditCode"));
    }

    @Test
    void unknownValidCodeIsNotFound() {
        given().auth()
                .oauth2(reader)
                .get("/api/v1/subjects/{code}", CreditCodeGenerator.enterprise("450103"))
                .then()
                .statusCode(404)
                .body("code", equalTo("SUBJECT_NOT_FOUND"));
    }

    @Test
    void lookupShowsTheDepartmentsThatSuperviseTheSubject() {
        String code = CreditCodeGenerator.enterprise("450103");
        put(registry, code, foodFactory("南宁市丁食品有限公司")).then().statusCode(201);

        given().auth()
                .oauth2(reader)
                .get("/api/v1/subjects/{code}", code)
                .then()
                .statusCode(200)
                .body("supervisors.departmentCode", hasItem("GX_SCJGJ"))
                .body("supervisors.departmentCode", hasItem("NN_SCJGJ"))
                .body("supervisors.departmentCode", hasItem("NN_STHJJ"))
                .body("supervisors.departmentCode", not(hasItem("LZ_SCJGJ")))
                .body("supervisors.departmentCode", not(hasItem("GZ_SCJGJ")))
                .body("supervisors[0].departmentCode", equalTo("GX_SCJGJ"));
    }

    @Test
    void supervisorsListTheClaimedItemsThatApply() {
        String code = CreditCodeGenerator.enterprise("450103");
        put(registry, code, foodFactory("南宁市戊食品有限公司")).then().statusCode(201);
        String inspection = catalog.subItem("SAMR", "INSPECTION");
        String penalty = catalog.subItem("SAMR", "PENALTY");
        for (String item : List.of(inspection, penalty)) {
            given().auth()
                    .oauth2(reader)
                    .contentType(ContentType.JSON)
                    .post("/api/v1/items/{code}/claims", item)
                    .then()
                    .statusCode(201);
        }
        given().auth()
                .oauth2(Tokens.deptAdmin("LZ_SCJGJ", "450200"))
                .contentType(ContentType.JSON)
                .post("/api/v1/items/{code}/claims", inspection)
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(reader)
                .get("/api/v1/subjects/{code}/supervisors", code)
                .then()
                .statusCode(200)
                .body("name", equalTo("南宁市戊食品有限公司"))
                .body("sectors", hasItem("SAMR"))
                .body("departments.find { it.departmentCode == 'NN_SCJGJ' }.items.code", hasItem(inspection))
                .body("departments.find { it.departmentCode == 'NN_SCJGJ' }.items.code", hasItem(penalty))
                .body("departments.departmentCode", not(hasItem("LZ_SCJGJ")));
        given().auth()
                .oauth2(reader)
                .queryParam("type", "PENALTY")
                .get("/api/v1/subjects/{code}/supervisors", code)
                .then()
                .statusCode(200)
                .body("departments.find { it.departmentCode == 'NN_SCJGJ' }.items.code", not(hasItem(inspection)))
                .body(
                        "departments.find { it.departmentCode == 'NN_SCJGJ' }.items.itemType",
                        everyItem(equalTo("PENALTY")));
    }

    @Test
    void supervisorsOfAnUnknownSubjectAreNotFound() {
        given().auth()
                .oauth2(reader)
                .get("/api/v1/subjects/{code}/supervisors", CreditCodeGenerator.enterprise("450103"))
                .then()
                .statusCode(404)
                .body("code", equalTo("SUBJECT_NOT_FOUND"));
    }

    @Test
    void nameSearchFindsAPartialChineseName() {
        String marker = uniqueMarker();
        String code = CreditCodeGenerator.enterprise("440300");
        put(
                        Tokens.hubAdmin(),
                        code,
                        Map.of(
                                "source",
                                "test",
                                "name",
                                marker + "科技（深圳）有限公司",
                                "subjectType",
                                "ENTERPRISE",
                                "regionCode",
                                "440300"))
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(reader)
                .queryParam("name", marker)
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].creditCode", equalTo(code))
                .body("items[0].name", equalTo(marker + "科技（深圳）有限公司"));
    }

    @Test
    void nameSearchTreatsHalfWidthAndFullWidthAlike() {
        String marker = uniqueMarker();
        put(
                        Tokens.hubAdmin(),
                        CreditCodeGenerator.enterprise("440300"),
                        Map.of(
                                "source",
                                "test",
                                "name",
                                marker + "科技（深圳）有限公司",
                                "subjectType",
                                "ENTERPRISE",
                                "regionCode",
                                "440300"))
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(reader)
                .queryParam("name", marker + "科技(深圳)")
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
    }

    @Test
    void nameSearchRanksTheClosestNameFirstAndFiltersByRegion() {
        String marker = uniqueMarker();
        String exact = CreditCodeGenerator.enterprise("450103");
        String longer = CreditCodeGenerator.enterprise("450200");
        put(
                        Tokens.hubAdmin(),
                        longer,
                        Map.of(
                                "source",
                                "test",
                                "name",
                                "广西" + marker + "农业开发集团有限责任公司",
                                "subjectType",
                                "ENTERPRISE",
                                "regionCode",
                                "450200"))
                .then()
                .statusCode(201);
        put(
                        Tokens.hubAdmin(),
                        exact,
                        Map.of(
                                "source",
                                "test",
                                "name",
                                marker + "公司",
                                "subjectType",
                                "ENTERPRISE",
                                "regionCode",
                                "450103"))
                .then()
                .statusCode(201);

        given().auth()
                .oauth2(reader)
                .queryParam("name", marker)
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items[0].creditCode", equalTo(exact));
        given().auth()
                .oauth2(reader)
                .queryParam("name", marker)
                .queryParam("region", "450200")
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].creditCode", equalTo(longer));
    }

    @Test
    void nameSearchNeedsTwoCharactersAndLimitsThePageSize() {
        given().auth()
                .oauth2(reader)
                .queryParam("name", "腾")
                .get("/api/v1/subjects")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("LENGTH_OUT_OF_RANGE"));
        given().auth()
                .oauth2(reader)
                .queryParam("name", "腾讯")
                .queryParam("size", 101)
                .get("/api/v1/subjects")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("size"));
    }

    @Test
    void nameSearchNeverListsNaturalPersons() {
        String marker = uniqueMarker();
        given().auth()
                .oauth2(registry)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "source",
                        "gx-registry",
                        "idNumber",
                        "11010519491231002X",
                        "name",
                        marker + "某人",
                        "regionCode",
                        "450103"))
                .post("/api/v1/subjects/persons")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));

        given().auth()
                .oauth2(reader)
                .queryParam("name", marker)
                .get("/api/v1/subjects")
                .then()
                .statusCode(200)
                .body("items", hasSize(0));
    }

    @Test
    void officerMayReadButNotReport() {
        String officer = Tokens.withRoles("officer-1", List.of("officer"), "NN_SCJGJ", "450100");
        String code = CreditCodeGenerator.enterprise("450103");

        put(officer, code, foodFactory("南宁市己食品有限公司")).then().statusCode(403);
        put(registry, code, foodFactory("南宁市己食品有限公司")).then().statusCode(201);
        given().auth()
                .oauth2(officer)
                .get("/api/v1/subjects/{code}", code)
                .then()
                .statusCode(200);
    }

    @Test
    void systemOfAnotherRegionMayNotReport() {
        String guangzhouSystem = Tokens.token("gz-registry", List.of("system"), "GZ_SCJGJ", "440100");
        String code = CreditCodeGenerator.enterprise("450103");

        put(guangzhouSystem, code, foodFactory("南宁市庚食品有限公司"))
                .then()
                .statusCode(403)
                .body("code", equalTo("REGION_OUT_OF_SCOPE"));

        assertThat(db.count("select count(*) from subject where credit_code = ?", code))
                .isZero();
    }

    @Test
    void aSystemOfAnotherCityCannotRewriteAStoredSubjectByNamingItsOwnRegionInTheBody() {
        String code = CreditCodeGenerator.enterprise("450103");
        put(registry, code, foodFactory("南宁市辛食品有限公司")).then().statusCode(201);
        String liuzhouSystem = Tokens.token("lz-registry", List.of("system"), "450200_SAMR", "450200");

        put(
                        liuzhouSystem,
                        code,
                        Map.of(
                                "source",
                                "lz-registry",
                                "regionCode",
                                "450202",
                                "seriousIllegalListed",
                                true,
                                "creditLevel",
                                "D",
                                "status",
                                "REVOKED"))
                .then()
                .statusCode(403)
                .body("code", equalTo("REGION_OUT_OF_SCOPE"));

        var row = db.rows(
                        "select region_code, serious_illegal_listed, credit_level, version from subject where credit_code = ?",
                        code)
                .get(0);
        assertThat(row)
                .containsEntry("region_code", "450103")
                .containsEntry("serious_illegal_listed", false)
                .containsEntry("version", 1);
        assertThat(row.get("credit_level")).isNull();
    }

    @Test
    void aSubjectMovesOnlyIntoARegionTheCallerAlsoCovers() {
        String code = CreditCodeGenerator.enterprise("450103");
        String nanningSystem = Tokens.token("nn-registry", List.of("system"), "450100_SAMR", "450100");
        put(nanningSystem, code, foodFactory("南宁市壬食品有限公司")).then().statusCode(201);

        put(nanningSystem, code, Map.of("source", "nn-registry", "regionCode", "450202"))
                .then()
                .statusCode(403)
                .body("code", equalTo("REGION_OUT_OF_SCOPE"));
        put(registry, code, Map.of("source", "gx-registry", "regionCode", "450202"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"));

        assertThat(db.rows("select region_code from subject where credit_code = ?", code)
                        .get(0))
                .containsEntry("region_code", "450202");
    }

    @Test
    void everySubjectEndpointNeedsAToken() {
        String code = CreditCodeGenerator.enterprise("450103");
        given().get("/api/v1/subjects/{code}", code).then().statusCode(401);
        given().queryParam("name", "腾讯").get("/api/v1/subjects").then().statusCode(401);
        given().get("/api/v1/subjects/{code}/supervisors", code).then().statusCode(401);
    }

    /** Two rare characters plus a counter in Chinese numerals: no other subject contains it. */
    static String uniqueMarker() {
        long n = System.nanoTime();
        StringBuilder marker = new StringBuilder("璟璠");
        for (int i = 0; i < 6; i++) {
            marker.append("零壹贰叁肆伍陆柒捌玖".charAt((int) (n % 10)));
            n /= 10;
        }
        return marker.toString();
    }

    @Test
    void creditFieldsFromASystemNotDesignatedForThemAreRefusedNamingEachField() {
        String code = CreditCodeGenerator.enterprise("450103");
        put(registry, code, foodFactory("南宁市癸食品有限公司")).then().statusCode(201);

        put(
                        registry,
                        code,
                        Map.of(
                                "source",
                                "gx-registry",
                                "creditLevel",
                                "D",
                                "seriousIllegalListed",
                                true,
                                "abnormalListed",
                                true))
                .then()
                .statusCode(403)
                .body("code", equalTo("FIELD_SOURCE_NOT_DESIGNATED"))
                .body("errors.field", contains("creditLevel", "seriousIllegalListed", "abnormalListed"))
                .body("errors.code", everyItem(equalTo("FIELD_SOURCE_NOT_DESIGNATED")));

        var row = db.rows(
                        "select credit_level, serious_illegal_listed, abnormal_listed, version from subject where credit_code = ?",
                        code)
                .get(0);
        assertThat(row)
                .containsEntry("serious_illegal_listed", false)
                .containsEntry("abnormal_listed", false)
                .containsEntry("version", 1);
        assertThat(row.get("credit_level")).isNull();
    }

    @Test
    void aHubAdminIsNoDesignatedSourceOfCreditListings() {
        String code = CreditCodeGenerator.enterprise("450103");
        put(registry, code, foodFactory("南宁市子食品有限公司")).then().statusCode(201);

        put(Tokens.hubAdmin(), code, Map.of("source", "console", "seriousIllegalListed", true))
                .then()
                .statusCode(403)
                .body("code", equalTo("FIELD_SOURCE_NOT_DESIGNATED"))
                .body("errors[0].field", equalTo("seriousIllegalListed"));

        assertThat(db.single("select serious_illegal_listed from subject where credit_code = ?", code))
                .isEqualTo(false);
    }

    @Test
    void theCallingClientDecidesNotThePrincipalsNameNorTheBodysSource() {
        String code = CreditCodeGenerator.enterprise("450103");
        put(registry, code, foodFactory("南宁市丑食品有限公司")).then().statusCode(201);
        String impostor = Tokens.ofClient("system-credit", "gx-registry", List.of("system"), "GX_SCJGJ", "450000");

        put(impostor, code, Map.of("source", "credit", "creditLevel", "A"))
                .then()
                .statusCode(403)
                .body("code", equalTo("FIELD_SOURCE_NOT_DESIGNATED"));
        put(
                        Tokens.ofClient("svc-account-7", "system-credit", List.of("system"), "GX_FGW", "450000"),
                        code,
                        Map.of("source", "credit", "creditLevel", "A"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"));

        assertThat(db.single("select credit_level from subject where credit_code = ?", code))
                .isEqualTo("A");
    }

    @Test
    void otherFieldsFromAnyRegionalSystemStillMerge() {
        String code = CreditCodeGenerator.enterprise("450103");
        put(registry, code, foodFactory("南宁市寅食品有限公司")).then().statusCode(201);

        put(registry, code, Map.of("source", "gx-registry", "status", "REVOKED"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"));

        assertThat(db.single("select status from subject where credit_code = ?", code))
                .isEqualTo("REVOKED");
    }
}
