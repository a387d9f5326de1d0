package org.supervisionhub.stats;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * Exact figures on the effectiveness fixture (region 451100 贺州, departments HZ_EFF_A and HZ_EFF_B, sector EFFFIX),
 * which no other test touches: see src/test/resources/db/testdata/R__test_fixture.sql. Outbox events are written by
 * the tests that need them, for a target no relay serves, and removed afterwards.
 */
@QuarkusTest
class EffectivenessStatsTest {

    static final String PATH = "/api/v1/stats/effectiveness";
    static final String TARGET = "effectiveness-test";
    static final LocalDate TODAY = LocalDate.now(ZoneId.of("Asia/Shanghai"));

    @Inject
    Db db;

    @AfterEach
    void removeEvents() {
        db.update("delete from outbox where target = ?", TARGET);
    }

    static Response stats(String token, Map<String, ?> query) {
        return given().auth().oauth2(token).queryParams(query).get(PATH);
    }

    static JsonPath ok(Response response) {
        return response.then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    @SuppressWarnings("unchecked")
    static Map<String, Object> group(JsonPath json, String holder, String group) {
        Map<String, Object> figures = holder.equals("total")
                ? json.getMap("total")
                : (Map<String, Object>) single(json, holder).get("figures");
        return (Map<String, Object>) figures.get(group);
    }

    static Map<String, Object> single(JsonPath json, String code) {
        List<Map<String, Object>> matches = json.getList(
                code.matches("[0-9]{6}")
                        ? "regions.findAll { it.regionCode == '" + code + "' }"
                        : "departments.findAll { it.departmentCode == '" + code + "' }");
        assertThat(matches).as("rows of %s", code).hasSize(1);
        return matches.get(0);
    }

    static double number(Map<String, Object> figures, String name) {
        Object value = figures.get(name);
        assertThat(value).as(name).isInstanceOf(Number.class);
        return Double.parseDouble(value.toString()); // JsonPath reads decimals as floats
    }

    /**
     * An outbox event of the test target: a department's (or, without one, a subject's of 451100), written
     * {@code createdAgo} and delivered {@code deliveredAgo} (null: not delivered).
     */
    private void event(String department, String status, String createdAgo, String deliveredAgo) {
        String payload = department == null
                ? "{\"regionCode\": \"451100\", \"creditCode\": \"91451100MA5K00001X\"}"
                : "{\"departmentCode\": \"" + department + "\"}";
        db.update("""
                insert into outbox (target, aggregate_type, aggregate_id, event_type, payload, status, created_at,
                                    delivered_at)
                values (?, 'record', 'effectiveness', 'record.created', cast(? as jsonb), ?, now() - cast(? as interval),
                        now() - cast(? as interval))""", TARGET, payload, status, createdAgo, deliveredAgo);
    }

    @Test
    void fixtureIsWhatTheFiguresAssume() {
        assertThat(db.count("select count(*) from department where region_code like '4511%'"))
                .isEqualTo(2);
        assertThat(db.count("select count(*) from implementation_list where department_code like 'HZ_EFF_%'"))
                .isEqualTo(4);
        assertThat(db.count("select count(*) from officer where department_code like 'HZ_EFF_%'"))
                .isEqualTo(6);
        assertThat(db.count("select count(*) from national_case where national_id like 'HZEFF-%'"))
                .isEqualTo(6);
        assertThat(
                        db.count(
                                "select count(*) from outbox where payload->>'departmentCode' like 'HZ_EFF_%' or payload->>'regionCode' = '451100'"))
                .isZero();
    }

    @Test
    void listCompletenessAndAccuracyOfEachDepartmentAreExact() {
        JsonPath json = ok(stats(Tokens.hubAdmin(), Map.of("region", "451100")));

        Map<String, Object> a = group(json, "HZ_EFF_A", "lists");
        assertThat(number(a, "claimedInspectionItems")).isEqualTo(4);
        assertThat(number(a, "compiledLists")).isEqualTo(3);
        assertThat(number(a, "completeLists")).isEqualTo(2);
        assertThat(number(a, "completenessRate")).isCloseTo(0.5, within(1e-9));
        assertThat(number(a, "accurateLists")).isEqualTo(2);
        assertThat(number(a, "accuracyRate")).isCloseTo(0.6667, within(1e-9));

        Map<String, Object> b = group(json, "HZ_EFF_B", "lists");
        assertThat(number(b, "claimedInspectionItems")).isEqualTo(1);
        assertThat(number(b, "completeLists")).isEqualTo(1);
        assertThat(number(b, "completenessRate")).isCloseTo(1.0, within(1e-9));
        assertThat(number(b, "accurateLists")).isZero();
        assertThat(number(b, "accuracyRate")).isZero();
    }

    @Test
    void listFiguresOfTheRegionAndTotalAreComputedOverItsLists() {
        JsonPath json = ok(stats(Tokens.hubAdmin(), Map.of("region", "451100")));

        for (Map<String, Object> lists : List.of(group(json, "451100", "lists"), group(json, "total", "lists"))) {
            assertThat(number(lists, "claimedInspectionItems")).isEqualTo(5);
            assertThat(number(lists, "compiledLists")).isEqualTo(4);
            assertThat(number(lists, "completeLists")).isEqualTo(3);
            assertThat(number(lists, "completenessRate")).isCloseTo(0.6, within(1e-9));
            assertThat(number(lists, "accurateLists")).isEqualTo(2);
            assertThat(number(lists, "accuracyRate")).isCloseTo(0.5, within(1e-9));
        }
        assertThat(json.getList("regions.regionCode")).containsExactly("451100");
        assertThat(json.getString("regions[0].regionName")).isEqualTo("贺州市");
    }

    @Test
    void ratesHaveFourDecimals() {
        String body = stats(Tokens.hubAdmin(), Map.of("department", "HZ_EFF_A"))
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertThat(body).contains("\"accuracyRate\":0.6667").contains("\"certifiedRate\":0.4000");
    }

    @Test
    void officersWithACertificateValidOnThePeriodsLastDayAreCertified() {
        JsonPath json = ok(stats(Tokens.hubAdmin(), Map.of("region", "451100")));

        Map<String, Object> a = group(json, "HZ_EFF_A", "officers");
        assertThat(number(a, "registeredOfficers")).isEqualTo(5);
        assertThat(number(a, "certifiedOfficers")).isEqualTo(2);
        assertThat(number(a, "certifiedRate")).isCloseTo(0.4, within(1e-9));
        assertThat(number(a, "departmentsWithTwoCertified")).isEqualTo(1);
        Map<String, Object> b = group(json, "HZ_EFF_B", "officers");
        assertThat(number(b, "certifiedRate")).isCloseTo(1.0, within(1e-9));
        assertThat(number(b, "departmentsWithTwoCertified")).isZero();
        Map<String, Object> total = group(json, "total", "officers");
        assertThat(number(total, "registeredOfficers")).isEqualTo(6);
        assertThat(number(total, "certifiedOfficers")).isEqualTo(3);
        assertThat(number(total, "certifiedRate")).isCloseTo(0.5, within(1e-9));
        assertThat(number(total, "departments")).isEqualTo(2);
        assertThat(number(total, "departmentsWithTwoCertified")).isEqualTo(1);
    }

    @Test
    void aCertificateThatExpiredTodayStillCountsForAPeriodEndingYesterday() {
        JsonPath json = ok(stats(
                Tokens.hubAdmin(),
                Map.of(
                        "department",
                        "HZ_EFF_A",
                        "from",
                        TODAY.minusDays(10).toString(),
                        "to",
                        TODAY.minusDays(1).toString())));

        Map<String, Object> a = group(json, "HZ_EFF_A", "officers");
        assertThat(number(a, "certifiedOfficers")).isEqualTo(3);
        assertThat(number(a, "certifiedRate")).isCloseTo(0.6, within(1e-9));
    }

    @Test
    void openCasesPastTheirDeadlineAreOverdueAndUnroutedOnesCountForTheRegion() {
        JsonPath json = ok(stats(Tokens.hubAdmin(), Map.of("region", "451100")));

        Map<String, Object> a = group(json, "HZ_EFF_A", "cases");
        assertThat(number(a, "openCases")).isEqualTo(2);
        assertThat(number(a, "overdueCases")).isEqualTo(1);
        assertThat(number(a, "overdueRate")).isCloseTo(0.5, within(1e-9));
        assertThat(a.get("oldestOverdueDeadline")).asString().endsWith("+08:00");
        Map<String, Object> b = group(json, "HZ_EFF_B", "cases");
        assertThat(number(b, "openCases")).isEqualTo(1);
        assertThat(number(b, "overdueCases")).isEqualTo(1);
        for (Map<String, Object> cases : List.of(group(json, "451100", "cases"), group(json, "total", "cases"))) {
            assertThat(number(cases, "openCases")).isEqualTo(4);
            assertThat(number(cases, "overdueCases")).isEqualTo(3);
            assertThat(number(cases, "overdueRate")).isCloseTo(0.75, within(1e-9));
        }
    }

    @Test
    void aDepartmentFilterLeavesOutCasesNotRoutedToIt() {
        JsonPath json = ok(stats(Tokens.regionAdmin("451100"), Map.of("department", "HZ_EFF_A")));

        Map<String, Object> total = group(json, "total", "cases");
        assertThat(number(total, "openCases")).isEqualTo(2);
        assertThat(number(total, "overdueCases")).isEqualTo(1);
    }

    @Test
    void pushLagAndBacklogPerDepartmentRegionAndTotalAreExact() {
        for (String lag : List.of("10 seconds", "20 seconds", "30 seconds", "40 seconds")) {
            event("HZ_EFF_A", "DELIVERED", lag, "0 seconds");
        }
        event("HZ_EFF_A", "DELIVERED", "2 years 5 seconds", "2 years"); // delivered before the period
        event("HZ_EFF_B", "DELIVERED", "100 seconds", "0 seconds");
        event("HZ_EFF_A", "PENDING", "300 seconds", null);
        event("HZ_EFF_A", "IN_FLIGHT", "60 seconds", null);
        event("HZ_EFF_A", "DEAD", "900 seconds", null);
        event(null, "PENDING", "600 seconds", null); // a subject of 451100
        event("NN_SCJGJ", "PENDING", "5000 seconds", null); // another region

        JsonPath json = ok(stats(Tokens.hubAdmin(), Map.of("region", "451100")));

        Map<String, Object> a = group(json, "HZ_EFF_A", "push");
        assertThat(number(a, "pendingEvents")).isEqualTo(2);
        assertThat(number(a, "deadEvents")).isEqualTo(1);
        assertThat(number(a, "oldestPendingSeconds")).isBetween(300.0, 400.0);
        assertThat(number(a, "deliveredEvents")).isEqualTo(4);
        assertThat(number(a, "averageLagSeconds")).isEqualTo(25.0);
        assertThat(number(a, "p95LagSeconds")).isEqualTo(38.5);
        assertThat(number(a, "maxLagSeconds")).isEqualTo(40.0);
        Map<String, Object> b = group(json, "HZ_EFF_B", "push");
        assertThat(number(b, "pendingEvents")).isZero();
        assertThat(b.get("oldestPendingSeconds")).isNull();
        assertThat(number(b, "averageLagSeconds")).isEqualTo(100.0);
        for (Map<String, Object> push : List.of(group(json, "451100", "push"), group(json, "total", "push"))) {
            assertThat(number(push, "pendingEvents")).isEqualTo(3);
            assertThat(number(push, "deadEvents")).isEqualTo(1);
            assertThat(number(push, "oldestPendingSeconds")).isBetween(600.0, 700.0);
            assertThat(number(push, "deliveredEvents")).isEqualTo(5);
            assertThat(number(push, "averageLagSeconds")).isEqualTo(40.0);
            assertThat(number(push, "p95LagSeconds")).isEqualTo(88.0);
            assertThat(number(push, "maxLagSeconds")).isEqualTo(100.0);
        }
    }

    @Test
    void withoutDeliveriesTheLagIsAbsentNotZero() {
        JsonPath json = ok(stats(Tokens.hubAdmin(), Map.of("department", "HZ_EFF_B")));

        Map<String, Object> push = group(json, "total", "push");
        assertThat(number(push, "deliveredEvents")).isZero();
        assertThat(push.get("averageLagSeconds")).isNull();
        assertThat(push.get("p95LagSeconds")).isNull();
    }

    @Test
    void deptAdminSeesOnlyItsOwnDepartment() {
        JsonPath json = ok(stats(Tokens.deptAdmin("HZ_EFF_A", "451100"), Map.of()));

        assertThat(json.getString("department")).isEqualTo("HZ_EFF_A");
        assertThat(json.getList("departments.departmentCode")).containsExactly("HZ_EFF_A");
        assertThat(number(group(json, "total", "lists"), "claimedInspectionItems"))
                .isEqualTo(4);
        assertThat(number(group(json, "total", "cases"), "openCases")).isEqualTo(2);
    }

    @Test
    void deptAdminAskingForAnotherDepartmentIsForbidden() {
        stats(Tokens.deptAdmin("HZ_EFF_A", "451100"), Map.of("department", "HZ_EFF_B"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
    }

    @Test
    void regionAdminOfAnotherCityAskingForThisOneIsForbidden() {
        stats(Tokens.regionAdmin("450100"), Map.of("region", "451100"))
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("REGION_OUT_OF_SCOPE"));
    }

    @Test
    void regionAdminWithoutRegionGetsItsOwnRegion() {
        stats(Tokens.regionAdmin("451100"), Map.of())
                .then()
                .statusCode(200)
                .body("region", equalTo("451100"))
                .body("departments.departmentCode", contains("HZ_EFF_A", "HZ_EFF_B"))
                .body("total.cases.openCases", equalTo(4));
    }

    @Test
    void officerMayNotReadStatistics() {
        stats(Tokens.withRoles("officer-1", List.of("officer"), "HZ_EFF_A", "451100"), Map.of())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void periodEndingBeforeItStartsIsRefusedWithTheField() {
        stats(Tokens.hubAdmin(), Map.of("from", "2026-05-01", "to", "2026-04-01"))
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].code", equalTo("DATE_RANGE_INVALID"));
    }

    @Test
    void statisticsNeedAToken() {
        given().get(PATH).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }
}
