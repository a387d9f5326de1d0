package org.supervisionhub.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.everyItem;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * Exact figures on the STATSFIX fixture (region 451400, departments CZ_STATS_A and CZ_STATS_B), which no other
 * test touches: see src/test/resources/db/testdata/R__test_fixture.sql.
 */
@QuarkusTest
class ClaimStatsResourceTest {

    private static final String PATH = "/api/v1/stats/claims";

    @Inject
    Db db;

    private Response stats(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get(PATH);
    }

    private static Map<String, Object> department(JsonPath json, String code) {
        List<Map<String, Object>> matches = json.getList("departments.findAll { it.departmentCode == '" + code + "' }");
        assertThat(matches).as("departments named %s", code).hasSize(1);
        return matches.get(0);
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> figures(Map<String, Object> holder) {
        return (Map<String, Object>) holder.get("figures");
    }

    private static double number(Map<String, Object> figures, String name) {
        Object value = figures.get(name);
        assertThat(value).as(name).isInstanceOf(Number.class);
        return ((Number) value).doubleValue();
    }

    @Test
    void fixtureIsWhatTheFiguresAssume() {
        // Guards the expectations below: if the fixture changes, these tests must be revisited.
        assertThat(db.count("select count(*) from department where region_code like '4514%'"))
                .isEqualTo(2);
        assertThat(
                        db.count(
                                "select count(*) from item_claim where department_code like 'CZ_STATS_%' and status = 'ACTIVE'"))
                .isEqualTo(6);
        assertThat(db.count("select count(*) from implementation_list where department_code like 'CZ_STATS_%'"))
                .isEqualTo(2);
    }

    @Test
    void departmentAFiguresAreExact() {
        JsonPath json = stats(Tokens.hubAdmin(), Map.of("region", "451400"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();

        Map<String, Object> a = department(json, "CZ_STATS_A");
        assertThat(a).containsEntry("regionCode", "451400").containsEntry("departmentName", "崇左市统计测试甲局");
        Map<String, Object> figures = figures(a);
        assertThat(number(figures, "claimableItems")).isEqualTo(4);
        assertThat(number(figures, "claimedItems")).isEqualTo(3);
        assertThat(number(figures, "claimRate")).isCloseTo(0.75, within(1e-9));
        assertThat(number(figures, "claimedInspectionItems")).isEqualTo(2);
        assertThat(number(figures, "compiledLists")).isEqualTo(1);
        assertThat(number(figures, "completionRate")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void departmentBFiguresAreExactAndCompletionRateIsAbsentWithoutInspectionItems() {
        JsonPath json = stats(Tokens.hubAdmin(), Map.of("region", "451400"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();

        Map<String, Object> figures = figures(department(json, "CZ_STATS_B"));
        assertThat(number(figures, "claimableItems")).isEqualTo(4);
        assertThat(number(figures, "claimedItems")).isEqualTo(1);
        assertThat(number(figures, "claimRate")).isCloseTo(0.25, within(1e-9));
        assertThat(number(figures, "claimedInspectionItems")).isZero();
        assertThat(number(figures, "compiledLists")).isZero();
        assertThat(figures.get("completionRate")).isNull();
    }

    @Test
    void regionTotalsAddUpTheDepartments() {
        JsonPath json = stats(Tokens.hubAdmin(), Map.of("region", "451400"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("region", equalTo("451400"))
                .body("departments.departmentCode", contains("CZ_STATS_A", "CZ_STATS_B"))
                .extract()
                .jsonPath();

        Map<String, Object> total = json.getMap("total");
        assertThat(number(total, "claimableItems")).isEqualTo(8);
        assertThat(number(total, "claimedItems")).isEqualTo(4);
        assertThat(number(total, "claimRate")).isCloseTo(0.5, within(1e-9));
        assertThat(number(total, "claimedInspectionItems")).isEqualTo(2);
        assertThat(number(total, "compiledLists")).isEqualTo(1);
        assertThat(number(total, "completionRate")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void regionListHoldsExactlyTheOneRegion() {
        JsonPath json = stats(Tokens.hubAdmin(), Map.of("region", "451400"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("regions.regionCode", contains("451400"))
                .body("regions[0].regionName", equalTo("崇左市"))
                .extract()
                .jsonPath();

        Map<String, Object> region = figures(json.getMap("regions[0]"));
        assertThat(number(region, "claimableItems")).isEqualTo(8);
        assertThat(number(region, "claimedItems")).isEqualTo(4);
        assertThat(number(region, "claimRate")).isCloseTo(0.5, within(1e-9));
    }

    @Test
    void ratesHaveFourDecimals() {
        String body = stats(Tokens.hubAdmin(), Map.of("region", "451400", "department", "CZ_STATS_A"))
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(body).contains("\"claimRate\":0.7500").contains("\"completionRate\":0.5000");
    }

    @Test
    void deptAdminSeesOnlyItsOwnDepartment() {
        JsonPath json = stats(Tokens.deptAdmin("CZ_STATS_A", "451400"), Map.of())
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("department", equalTo("CZ_STATS_A"))
                .body("departments.departmentCode", contains("CZ_STATS_A"))
                .extract()
                .jsonPath();

        Map<String, Object> total = json.getMap("total");
        assertThat(number(total, "claimableItems")).isEqualTo(4);
        assertThat(number(total, "claimedItems")).isEqualTo(3);
    }

    @Test
    void deptAdminAskingForAnotherDepartmentIsForbidden() {
        stats(Tokens.deptAdmin("CZ_STATS_A", "451400"), Map.of("department", "CZ_STATS_B"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
    }

    @Test
    void regionAdminAskingForAnotherProvinceIsForbidden() {
        stats(Tokens.regionAdmin("450000"), Map.of("region", "440000"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("REGION_OUT_OF_SCOPE"));
    }

    @Test
    void regionAdminWithoutRegionGetsItsOwnRegion() {
        stats(Tokens.regionAdmin("450000"), Map.of())
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("region", equalTo("450000"))
                .body("departments.departmentCode", hasItems("NN_SCJGJ", "LZ_SCJGJ", "CZ_STATS_A"))
                .body("departments.departmentCode", not(hasItem("GZ_SCJGJ")))
                .body("departments.regionCode", everyItem(startsWith("45")))
                .body("regions.regionCode", not(hasItem("440100")));
    }

    @Test
    void regionAdminMayNarrowToARegionInside() {
        stats(Tokens.regionAdmin("450000"), Map.of("region", "451400"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("region", equalTo("451400"))
                .body("departments.departmentCode", contains("CZ_STATS_A", "CZ_STATS_B"));
    }

    @Test
    void invalidRegionCodeIsRejected() {
        stats(Tokens.hubAdmin(), Map.of("region", "459900"))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("region"))
                .body("errors[0].code", equalTo("REGION_CODE_INVALID"));
    }

    @Test
    void officerMayNotReadStatistics() {
        stats(Tokens.withRoles("officer-1", List.of("officer"), "CZ_STATS_A", "451400"), Map.of())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void statisticsNeedAToken() {
        given().get(PATH).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }
}
