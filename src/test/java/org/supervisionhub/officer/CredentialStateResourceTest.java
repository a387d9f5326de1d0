package org.supervisionhub.officer;

import static org.hamcrest.Matchers.equalTo;
import static org.supervisionhub.officer.Credentials.ISSUER;
import static org.supervisionhub.officer.Credentials.NANNING_DEPT_ADMIN;
import static org.supervisionhub.officer.Credentials.TODAY;
import static org.supervisionhub.officer.Credentials.body;
import static org.supervisionhub.officer.Credentials.create;
import static org.supervisionhub.officer.Credentials.get;
import static org.supervisionhub.officer.Credentials.newCertNo;
import static org.supervisionhub.officer.Credentials.newIdNumber;
import static org.supervisionhub.officer.Credentials.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class CredentialStateResourceTest {

    @Inject
    Db db;

    private static Map<String, Object> validBetween(java.time.LocalDate from, java.time.LocalDate to) {
        return with(with(body(newIdNumber()), "validFrom", from.toString()), "validTo", to.toString());
    }

    @Test
    void validCertificateShowsHolderDepartmentCategoriesAndValidity() {
        String idNumber = newIdNumber();
        String certNo = create(with(body(idNumber), "categories", List.of("SAMR", "MEE")));

        get(NANNING_DEPT_ADMIN, certNo)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("status", equalTo("VALID"))
                .body("recordedStatus", equalTo("VALID"))
                .body("kind", equalTo("PROVINCIAL"))
                .body("holder.name", equalTo("张三"))
                .body("holder.idNumberMasked", equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .body("department.code", equalTo("NN_SCJGJ"))
                .body("department.name", equalTo("南宁市市场监督管理局"))
                .body("categories", equalTo(List.of("MEE", "SAMR")))
                .body("validFrom", equalTo(TODAY.minusYears(1).toString()))
                .body("validTo", equalTo(TODAY.plusYears(3).toString()));
    }

    @Test
    void certificatePastItsValidToIsExpiredThoughStillRecordedValid() {
        String certNo = create(validBetween(TODAY.minusYears(3), TODAY.minusDays(1)));

        get(NANNING_DEPT_ADMIN, certNo)
                .then()
                .statusCode(200)
                .body("status", equalTo("EXPIRED"))
                .body("recordedStatus", equalTo("VALID"));
    }

    @Test
    void certificateLastValidTodayIsStillValid() {
        String certNo = create(validBetween(TODAY.minusYears(3), TODAY));

        get(NANNING_DEPT_ADMIN, certNo).then().statusCode(200).body("status", equalTo("VALID"));
    }

    @Test
    void certificateBeforeItsValidFromIsNotYetValid() {
        String certNo = create(validBetween(TODAY.plusDays(1), TODAY.plusYears(4)));

        get(NANNING_DEPT_ADMIN, certNo).then().statusCode(200).body("status", equalTo("NOT_YET_VALID"));
    }

    @Test
    void suspendedCertificateIsSuspended() {
        String certNo = create(with(body(newIdNumber()), "status", "SUSPENDED"));

        get(NANNING_DEPT_ADMIN, certNo).then().statusCode(200).body("status", equalTo("SUSPENDED"));
    }

    @Test
    void revokedCertificateIsRevokedEvenWhenItsDatesHavePassed() {
        String certNo = create(with(validBetween(TODAY.minusYears(3), TODAY.minusDays(1)), "status", "REVOKED"));

        get(NANNING_DEPT_ADMIN, certNo)
                .then()
                .statusCode(200)
                .body("status", equalTo("REVOKED"))
                .body("recordedStatus", equalTo("REVOKED"));
    }

    @Test
    void unknownCertificateIsNotFound() {
        get(NANNING_DEPT_ADMIN, newCertNo())
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("code", equalTo("CERTIFICATE_NOT_FOUND"));
    }

    @Test
    void knownNumberOfAnUnknownIssuerIsNotFound() {
        String certNo = create(body(newIdNumber()));

        RestAssured.given()
                .auth()
                .oauth2(NANNING_DEPT_ADMIN)
                .get("/api/v1/credentials/{issuer}/{certNo}", "GD_SFT", certNo)
                .then()
                .statusCode(404)
                .body("code", equalTo("CERTIFICATE_NOT_FOUND"));
    }

    @Test
    void officersAndDockedSystemsMayReadCertificates() {
        String certNo = create(body(newIdNumber()));

        get(Credentials.officerToken("officer-reader"), certNo).then().statusCode(200);
        get(Credentials.GUANGXI_SYSTEM, certNo).then().statusCode(200);
    }

    @Test
    void nationalPlatformMayNotReadCertificates() {
        String certNo = create(body(newIdNumber()));

        get(Tokens.withRoles("national-1", List.of("national"), null, null), certNo)
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void readingWithoutATokenIsUnauthenticated() {
        RestAssured.given()
                .get("/api/v1/credentials/{issuer}/{certNo}", ISSUER, newCertNo())
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }
}
