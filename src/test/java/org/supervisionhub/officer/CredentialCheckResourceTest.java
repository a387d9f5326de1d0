package org.supervisionhub.officer;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.empty;
import static org.hamcrest.Matchers.equalTo;
import static org.supervisionhub.officer.Credentials.ISSUER;
import static org.supervisionhub.officer.Credentials.NANNING_DEPT_ADMIN;
import static org.supervisionhub.officer.Credentials.TODAY;
import static org.supervisionhub.officer.Credentials.body;
import static org.supervisionhub.officer.Credentials.create;
import static org.supervisionhub.officer.Credentials.newCertNo;
import static org.supervisionhub.officer.Credentials.newIdNumber;
import static org.supervisionhub.officer.Credentials.with;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Catalog;

@QuarkusTest
class CredentialCheckResourceTest {

    @Inject
    Catalog catalog;

    private static Response checkAs(String token, String itemCode, String date, String... certNos) {
        List<Map<String, String>> certificates = new ArrayList<>();
        for (String certNo : certNos) {
            certificates.add(Map.of("issuer", ISSUER, "certNo", certNo));
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("certificates", certificates);
        body.put("itemCode", itemCode);
        if (date != null) {
            body.put("date", date);
        }
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/credentials/check");
    }

    private static Response check(String itemCode, String... certNos) {
        return checkAs(NANNING_DEPT_ADMIN, itemCode, null, certNos);
    }

    private static String validCertificate() {
        return create(body(newIdNumber()));
    }

    @Test
    void twoValidOfficersMayInspect() {
        String inspection = catalog.subItem("SAMR", "INSPECTION");

        check(inspection, validCertificate(), validCertificate())
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("allowed", equalTo(true))
                .body("itemCode", equalTo(inspection))
                .body("itemType", equalTo("INSPECTION"))
                .body("requiredOfficers", equalTo(2))
                .body("validOfficers", equalTo(2))
                .body("date", equalTo(TODAY.toString()))
                .body("results.valid", equalTo(List.of(true, true)))
                .body("reasons", empty());
    }

    @Test
    void oneValidAndOneExpiredOfficerMayNotImposeAPenalty() {
        String penalty = catalog.subItem("SAMR", "PENALTY");
        String valid = validCertificate();
        String expired = create(with(
                with(body(newIdNumber()), "validFrom", TODAY.minusYears(4).toString()),
                "validTo",
                TODAY.minusDays(1).toString()));

        check(penalty, valid, expired)
                .then()
                .statusCode(200)
                .body("allowed", equalTo(false))
                .body("requiredOfficers", equalTo(2))
                .body("validOfficers", equalTo(1))
                .body("results[0].certNo", equalTo(valid))
                .body("results[0].valid", equalTo(true))
                .body("results[0].reasons", empty())
                .body("results[1].certNo", equalTo(expired))
                .body("results[1].valid", equalTo(false))
                .body("results[1].reasons", equalTo(List.of("CERTIFICATE_EXPIRED")))
                .body("reasons", equalTo(List.of("TOO_FEW_OFFICERS")));
    }

    @Test
    void samePersonWithTwoCertificatesCountsOnce() {
        String inspection = catalog.subItem("SAMR", "INSPECTION");
        String idNumber = newIdNumber();
        String provincial = create(body(idNumber));
        String ministry = create(with(body(idNumber), "kind", "MINISTRY"));

        check(inspection, provincial, ministry)
                .then()
                .statusCode(200)
                .body("allowed", equalTo(false))
                .body("validOfficers", equalTo(1))
                .body("results.valid", equalTo(List.of(true, true)))
                .body("reasons", equalTo(List.of("TOO_FEW_OFFICERS")));
    }

    @Test
    void sameCertificateNamedTwiceCountsOnce() {
        String inspection = catalog.subItem("SAMR", "INSPECTION");
        String certNo = validCertificate();

        check(inspection, certNo, certNo)
                .then()
                .statusCode(200)
                .body("allowed", equalTo(false))
                .body("validOfficers", equalTo(1));
    }

    @Test
    void certificatesNotCoveringTheItemsSectorDoNotQualify() {
        String environmental = catalog.subItem("MEE", "INSPECTION");

        check(environmental, validCertificate(), validCertificate())
                .then()
                .statusCode(200)
                .body("allowed", equalTo(false))
                .body("validOfficers", equalTo(0))
                .body("results[0].reasons", equalTo(List.of("CERTIFICATE_CATEGORY_NOT_COVERED")))
                .body("results[1].reasons", equalTo(List.of("CERTIFICATE_CATEGORY_NOT_COVERED")))
                .body("reasons", equalTo(List.of("TOO_FEW_OFFICERS")));
    }

    @Test
    void certificateOfSeveralCategoriesCoversEachOfThem() {
        String environmental = catalog.subItem("MEE", "INSPECTION");
        Map<String, Object> both = with(body(newIdNumber()), "categories", List.of("SAMR", "MEE"));
        Map<String, Object> both2 = with(body(newIdNumber()), "categories", List.of("MEE", "SAMR"));

        check(environmental, create(both), create(both2)).then().statusCode(200).body("allowed", equalTo(true));
    }

    @Test
    void enforcementMeasuresNeedTwoOfficers() {
        String enforcement = catalog.subItem("SAMR", "ENFORCEMENT");

        check(enforcement, validCertificate())
                .then()
                .statusCode(200)
                .body("allowed", equalTo(false))
                .body("requiredOfficers", equalTo(2))
                .body("validOfficers", equalTo(1));
    }

    @Test
    void otherItemsNeedOneOfficer() {
        String other = catalog.subItem("SAMR", "OTHER");

        check(other, validCertificate())
                .then()
                .statusCode(200)
                .body("allowed", equalTo(true))
                .body("requiredOfficers", equalTo(1))
                .body("validOfficers", equalTo(1));
    }

    @Test
    void everyReasonOfACertificateIsListed() {
        String other = catalog.subItem("MEE", "OTHER");
        String revoked = create(with(
                with(
                        with(body(newIdNumber()), "status", "REVOKED"),
                        "validFrom",
                        TODAY.minusYears(4).toString()),
                "validTo",
                TODAY.minusDays(1).toString()));

        check(other, revoked)
                .then()
                .statusCode(200)
                .body("allowed", equalTo(false))
                .body(
                        "results[0].reasons",
                        equalTo(List.of(
                                "CERTIFICATE_REVOKED", "CERTIFICATE_EXPIRED", "CERTIFICATE_CATEGORY_NOT_COVERED")));
    }

    @Test
    void suspendedNotYetValidAndUnknownCertificatesDoNotQualify() {
        String inspection = catalog.subItem("SAMR", "INSPECTION");
        String suspended = create(with(body(newIdNumber()), "status", "SUSPENDED"));
        String future =
                create(with(body(newIdNumber()), "validFrom", TODAY.plusDays(1).toString()));
        String unknown = newCertNo();

        check(inspection, suspended, future, unknown)
                .then()
                .statusCode(200)
                .body("allowed", equalTo(false))
                .body("validOfficers", equalTo(0))
                .body("results[0].reasons", equalTo(List.of("CERTIFICATE_SUSPENDED")))
                .body("results[1].reasons", equalTo(List.of("CERTIFICATE_NOT_YET_VALID")))
                .body("results[2].reasons", equalTo(List.of("CERTIFICATE_NOT_FOUND")));
    }

    @Test
    void validityIsCheckedOnTheDateOfTheAct() {
        String inspection = catalog.subItem("SAMR", "INSPECTION");
        String expiredNow = create(with(
                with(body(newIdNumber()), "validFrom", TODAY.minusYears(4).toString()),
                "validTo",
                TODAY.minusDays(10).toString()));

        checkAs(
                        NANNING_DEPT_ADMIN,
                        inspection,
                        TODAY.minusDays(20).toString(),
                        expiredNow,
                        validCertificateFrom(TODAY.minusYears(1)))
                .then()
                .statusCode(200)
                .body("allowed", equalTo(true))
                .body("date", equalTo(TODAY.minusDays(20).toString()));
    }

    private static String validCertificateFrom(java.time.LocalDate from) {
        return create(with(body(newIdNumber()), "validFrom", from.toString()));
    }

    @Test
    void unknownItemIsNotFound() {
        check("45999999999998", validCertificate()).then().statusCode(404).body("code", equalTo("ITEM_NOT_FOUND"));
    }

    @Test
    void mainItemCannotBeChecked() {
        check(catalog.mainItem("SAMR"), validCertificate())
                .then()
                .statusCode(422)
                .contentType("application/problem+json")
                .body("code", equalTo("ITEM_NOT_CHECKABLE"));
    }

    @Test
    void malformedItemCodeIsAFieldError() {
        check("4599", validCertificate())
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("itemCode"))
                .body("errors[0].code", equalTo("ITEM_CODE_INVALID"));
    }

    @Test
    void emptyTeamAndTeamsOfMoreThanTwentyAreRefused() {
        String inspection = catalog.subItem("SAMR", "INSPECTION");
        check(inspection)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("certificates"))
                .body("errors[0].code", equalTo("LENGTH_OUT_OF_RANGE"));
        String[] many = new String[21];
        java.util.Arrays.fill(many, "T00000000001");
        check(inspection, many)
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("certificates"))
                .body("errors[0].code", equalTo("LENGTH_OUT_OF_RANGE"));
    }

    @Test
    void officerAndDockedSystemMayCheckButTheNationalPlatformMayNot() {
        String other = catalog.subItem("SAMR", "OTHER");
        String certNo = validCertificate();

        checkAs(Credentials.officerToken("officer-checker"), other, null, certNo)
                .then()
                .statusCode(200);
        checkAs(Credentials.GUANGXI_SYSTEM, other, null, certNo).then().statusCode(200);
        checkAs(
                        org.supervisionhub.support.Tokens.withRoles("national-1", List.of("national"), null, null),
                        other,
                        null,
                        certNo)
                .then()
                .statusCode(403);
    }
}
