package org.supervisionhub.record;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.supervisionhub.record.RecordFixture.TODAY;
import static org.supervisionhub.record.RecordFixture.list;
import static org.supervisionhub.record.RecordFixture.upload;
import static org.supervisionhub.record.RecordFixture.with;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.time.format.DateTimeFormatter;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Tokens;

/** 数据汇聚量 by month: the trend line's figures, every month of the period, scoped like every statistic. */
@QuarkusTest
class MonthlyStatsTest {

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("yyyy-MM");

    @Inject
    RecordFixture fixture;

    @Test
    void receivedAndRejectedRecordsAreCountedInTheMonthTheyArrivedAndEmptyMonthsAreZero() {
        RecordFixture.Department department = fixture.department();
        upload(
                        department.systemToken(),
                        list(
                                fixture.inspection(department),
                                fixture.penalty(department),
                                with(fixture.inspection(department), "inspection.resultCode", "Z")),
                        "")
                .then()
                .statusCode(200);

        given().auth()
                .oauth2(department.adminToken())
                .get(
                        "/api/v1/stats/monthly?from={from}&to={to}",
                        TODAY.minusMonths(2).withDayOfMonth(1).toString(),
                        TODAY.toString())
                .then()
                .statusCode(200)
                .body("department", equalTo(department.code()))
                .body("months.size()", equalTo(3))
                .body("months[0].month", equalTo(TODAY.minusMonths(2).format(MONTH)))
                .body("months[0].receivedRecords", equalTo(0))
                .body("months[0].rejectionRate", equalTo(null))
                .body("months[2].month", equalTo(TODAY.format(MONTH)))
                .body("months[2].receivedRecords", equalTo(3))
                .body("months[2].rejectedRecords", equalTo(1))
                .body("months[2].rejectionRate", equalTo(0.3333f));
    }

    @Test
    void departmentAdminCannotReadAnotherDepartmentsMonths() {
        RecordFixture.Department mine = fixture.department();
        RecordFixture.Department other = fixture.department();

        given().auth()
                .oauth2(mine.adminToken())
                .get("/api/v1/stats/monthly?department={d}", other.code())
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
    }

    @Test
    void periodEndingBeforeItStartsIsRefusedWithTheField() {
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/stats/monthly?from=2026-05-01&to=2026-04-01")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].code", equalTo("DATE_RANGE_INVALID"));
    }

    @Test
    void periodLongerThanTenYearsIsRefused() {
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/stats/monthly?from=2000-01-01&to=2026-01-01")
                .then()
                .statusCode(400)
                .body("errors[0].code", equalTo("DATE_RANGE_INVALID"));
    }

    @Test
    void officerMayNotReadStatistics() {
        given().auth()
                .oauth2(Tokens.withRoles("officer-1", java.util.List.of("officer"), "GX_SAMR", "450000"))
                .get("/api/v1/stats/monthly")
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }
}
