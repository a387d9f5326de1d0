package org.supervisionhub.record;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.supervisionhub.record.RecordFixture.TODAY;
import static org.supervisionhub.record.RecordFixture.list;
import static org.supervisionhub.record.RecordFixture.upload;
import static org.supervisionhub.record.RecordFixture.with;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class CoverageStatsTest {

    @Inject
    RecordFixture fixture;

    @Test
    void coverageCountsClaimedItemsWithARecordInThePeriodAndRejectionsByCode() {
        // Four claimed items; records on two of them in the period, one outside it, one deleted; one rejected record.
        RecordFixture.Department department = fixture.department();
        upload(
                        department.systemToken(),
                        list(
                                fixture.inspection(department),
                                fixture.penalty(department),
                                with(
                                        fixture.other(department),
                                        "other.startDate",
                                        TODAY.minusYears(1).toString()),
                                with(fixture.inspection(department), "inspection.resultCode", "Z")),
                        "")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(3));
        var enforcement = fixture.enforcement(department);
        upload(department.systemToken(), list(enforcement), "").then().statusCode(200);
        upload(
                        department.systemToken(),
                        list(java.util.Map.of(
                                "operation",
                                "DELETE",
                                "sourceSystem",
                                "TEST-SYS",
                                "sourceRecordId",
                                enforcement.get("sourceRecordId"))),
                        "")
                .then()
                .statusCode(200)
                .body("deleted", equalTo(1));
        String from = TODAY.minusDays(60).toString();

        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/stats/coverage?from={from}&to={to}", from, TODAY.toString())
                .then()
                .statusCode(200)
                .body("department", equalTo(department.code()))
                .body("departments.size()", equalTo(1))
                .body("total.claimedItems", equalTo(4))
                .body("total.coveredItems", equalTo(2))
                .body("total.coverageRate", equalTo(0.5f))
                .body("total.receivedRecords", equalTo(6))
                .body("total.rejectedRecords", equalTo(1))
                .body("total.rejectionsByCode[0].code", equalTo("RESULT_CODE_INVALID"))
                .body("total.rejectionsByCode[0].records", equalTo(1));
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get(
                        "/api/v1/stats/coverage?department={d}&from={from}",
                        department.code(),
                        TODAY.minusYears(2).toString())
                .then()
                .statusCode(200)
                .body("total.coveredItems", equalTo(3));
        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/stats/coverage?department=GX_SCJGJ")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(department.systemToken())
                .get("/api/v1/stats/coverage")
                .then()
                .statusCode(403);
        given().auth()
                .oauth2(department.adminToken())
                .get("/api/v1/stats/coverage?from=2026-05-01&to=2026-04-01")
                .then()
                .statusCode(400);
    }
}
