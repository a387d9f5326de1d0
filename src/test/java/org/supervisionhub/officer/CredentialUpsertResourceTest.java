package org.supervisionhub.officer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.notNullValue;
import static org.supervisionhub.officer.Credentials.GUANGDONG_SYSTEM;
import static org.supervisionhub.officer.Credentials.GUANGXI_SYSTEM;
import static org.supervisionhub.officer.Credentials.HUB_ADMIN;
import static org.supervisionhub.officer.Credentials.ISSUER;
import static org.supervisionhub.officer.Credentials.body;
import static org.supervisionhub.officer.Credentials.newCertNo;
import static org.supervisionhub.officer.Credentials.newIdNumber;
import static org.supervisionhub.officer.Credentials.put;
import static org.supervisionhub.officer.Credentials.with;
import static org.supervisionhub.officer.Credentials.withHolder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Concurrently;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class CredentialUpsertResourceTest {

    @Inject
    Db db;

    private Map<String, Object> officerRow(String certNo) {
        List<Map<String, Object>> rows = db.rows(
                "select o.* from officer o join certificate c on c.officer_id = o.id "
                        + "where c.issuer = ? and c.cert_no = ?",
                ISSUER,
                certNo);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private Map<String, Object> certificateRow(String certNo) {
        List<Map<String, Object>> rows =
                db.rows("select * from certificate where issuer = ? and cert_no = ?", ISSUER, certNo);
        assertThat(rows).hasSize(1);
        return rows.get(0);
    }

    private long outboxEvents(String certNo) {
        return db.count(
                "select count(*) from outbox where aggregate_type = 'certificate' and aggregate_id = ? "
                        + "and event_type = 'certificate.upserted'",
                ISSUER + ":" + certNo);
    }

    @Test
    void systemCreatesACertificateAndItsHolderStoringOnlyTheHashAndMaskedIdNumber() {
        String idNumber = newIdNumber();
        String certNo = newCertNo();

        put(GUANGXI_SYSTEM, certNo, body(idNumber))
                .then()
                .log()
                .ifValidationFails()
                .statusCode(201)
                .header("Location", notNullValue())
                .body("outcome", equalTo("CREATED"))
                .body("credential.issuer", equalTo(ISSUER))
                .body("credential.certNo", equalTo(certNo))
                .body("credential.status", equalTo("VALID"))
                .body("credential.holder.name", equalTo("张三"))
                .body(
                        "credential.holder.idNumberMasked",
                        equalTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14)))
                .body("credential.department.code", equalTo("NN_SCJGJ"))
                .body("credential.department.name", equalTo("南宁市市场监督管理局"))
                .body("credential.categories", equalTo(List.of("SAMR")))
                .body("credential.version", equalTo(1));

        Map<String, Object> officer = officerRow(certNo);
        assertThat(officer.get("id_number_hash").toString()).matches("[0-9a-f]{64}");
        assertThat(officer.get("id_number_masked"))
                .isEqualTo(idNumber.substring(0, 6) + "********" + idNumber.substring(14));
        for (Map<String, Object> row : List.of(officer, certificateRow(certNo))) {
            assertThat(row.values())
                    .allSatisfy(value -> assertThat(String.valueOf(value))
                            .doesNotContain(idNumber)
                            .doesNotContain(idNumber.substring(6, 14)));
        }
    }

    @Test
    void eachChangeWritesAnAuditEntryAndANationalOutboxEventWithTheMaskedIdOnly() {
        String idNumber = newIdNumber();
        String certNo = newCertNo();

        put(GUANGXI_SYSTEM, certNo, body(idNumber)).then().statusCode(201);

        assertThat(db.count(
                        "select count(*) from audit_log where action = 'CREDENTIAL_CREATED' and entity_id = ?",
                        ISSUER + ":" + certNo))
                .isEqualTo(1);
        List<Map<String, Object>> events = db.rows(
                "select target, payload::text as payload from outbox "
                        + "where aggregate_type = 'certificate' and aggregate_id = ?",
                ISSUER + ":" + certNo);
        assertThat(events).hasSize(1);
        assertThat(events.get(0)).containsEntry("target", "national");
        assertThat(events.get(0).get("payload").toString())
                .contains(idNumber.substring(0, 6) + "********" + idNumber.substring(14))
                .doesNotContain(idNumber)
                .doesNotContain(idNumber.substring(6, 14));
        assertThat(db.count(
                        "select count(*) from audit_log where entity_id = ? and (detail::text like ? or detail::text like ?)",
                        ISSUER + ":" + certNo,
                        "%" + idNumber + "%",
                        "%" + idNumber.substring(6, 14) + "%"))
                .isZero();
    }

    @Test
    void identicalResendIsUnchangedAndWritesNothing() {
        Map<String, Object> body = body(newIdNumber());
        String certNo = newCertNo();
        put(GUANGXI_SYSTEM, certNo, body).then().statusCode(201);

        put(GUANGXI_SYSTEM, certNo, body)
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UNCHANGED"))
                .body("credential.version", equalTo(1));

        assertThat(certificateRow(certNo)).containsEntry("version", 1);
        assertThat(outboxEvents(certNo)).isEqualTo(1);
    }

    @Test
    void concurrentResendsOfANewCertificateCreateItOnce() throws Exception {
        Map<String, Object> body = body(newIdNumber());
        String certNo = newCertNo();

        List<Integer> statuses =
                Concurrently.statuses(6, () -> put(GUANGXI_SYSTEM, certNo, body).statusCode());

        assertThat(statuses).containsOnly(200, 201);
        assertThat(statuses).filteredOn(status -> status == 201).hasSize(1);
        assertThat(db.count("select count(*) from certificate where cert_no = ?", certNo))
                .isEqualTo(1);
        assertThat(outboxEvents(certNo)).isEqualTo(1);
    }

    @Test
    void changedStatusIsAnUpdateWithTheNextVersion() {
        Map<String, Object> body = body(newIdNumber());
        String certNo = newCertNo();
        put(GUANGXI_SYSTEM, certNo, body).then().statusCode(201);

        put(GUANGXI_SYSTEM, certNo, with(body, "status", "SUSPENDED"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("credential.version", equalTo(2))
                .body("credential.status", equalTo("SUSPENDED"));

        assertThat(certificateRow(certNo)).containsEntry("version", 2).containsEntry("status", "SUSPENDED");
        assertThat(outboxEvents(certNo)).isEqualTo(2);
        assertThat(db.count(
                        "select count(*) from audit_log where action = 'CREDENTIAL_UPDATED' and entity_id = ?",
                        ISSUER + ":" + certNo))
                .isEqualTo(1);
    }

    @Test
    void changedHolderNameIsAnUpdateAndTheSamePersonIsNotDuplicated() {
        String idNumber = newIdNumber();
        String certNo = newCertNo();
        put(GUANGXI_SYSTEM, certNo, body(idNumber)).then().statusCode(201);

        put(GUANGXI_SYSTEM, certNo, withHolder(body(idNumber), "name", "张三丰"))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body("credential.holder.name", equalTo("张三丰"));

        assertThat(officerRow(certNo)).containsEntry("name", "张三丰");
        assertThat(db.count(
                        "select count(*) from officer where id_number_masked = ? and name like '张三%'",
                        officerRow(certNo).get("id_number_masked")))
                .isEqualTo(1);
    }

    @Test
    void secondCertificateOfTheSamePersonSharesTheOfficer() {
        String idNumber = newIdNumber();
        String provincial = newCertNo();
        String ministry = newCertNo();
        put(GUANGXI_SYSTEM, provincial, body(idNumber)).then().statusCode(201);

        put(GUANGXI_SYSTEM, ministry, with(body(idNumber), "kind", "MINISTRY"))
                .then()
                .statusCode(201);

        assertThat(officerRow(ministry).get("id"))
                .isEqualTo(officerRow(provincial).get("id"));
    }

    @Test
    void hubAdminWritesForAnyDepartment() {
        put(HUB_ADMIN, newCertNo(), withHolder(body(newIdNumber()), "departmentCode", "GZ_SCJGJ"))
                .then()
                .statusCode(201)
                .body("credential.department.code", equalTo("GZ_SCJGJ"));
    }

    @Test
    void idNumberWithAWrongCheckDigitIsAFieldError() {
        String idNumber = newIdNumber();
        char wrong = idNumber.charAt(17) == '0' ? '1' : '0';
        String certNo = newCertNo();

        put(GUANGXI_SYSTEM, certNo, withHolder(body(idNumber), "idNumber", idNumber.substring(0, 17) + wrong))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("holder.idNumber"))
                .body("errors[0].code", equalTo("ID_NUMBER_INVALID"));

        assertThat(db.count("select count(*) from certificate where cert_no = ?", certNo))
                .isZero();
    }

    @Test
    void validToBeforeValidFromIsAFieldError() {
        Map<String, Object> body = with(with(body(newIdNumber()), "validFrom", "2025-06-01"), "validTo", "2025-05-31");

        put(GUANGXI_SYSTEM, newCertNo(), body)
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("validTo"))
                .body("errors[0].code", equalTo("DATE_RANGE_INVALID"));
    }

    @Test
    void emptyCategoriesAreAFieldError() {
        put(GUANGXI_SYSTEM, newCertNo(), with(body(newIdNumber()), "categories", List.of()))
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("categories"))
                .body("errors[0].code", equalTo("LENGTH_OUT_OF_RANGE"));
    }

    @Test
    void categoryThatIsNotASectorCodeIsAFieldError() {
        put(GUANGXI_SYSTEM, newCertNo(), with(body(newIdNumber()), "categories", List.of("SAMR", "市场监管")))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("categories[1]"))
                .body("errors[0].code", equalTo("CATEGORY_INVALID"));
    }

    @Test
    void certificateNumberOutside8To32CharactersIsAFieldError() {
        put(GUANGXI_SYSTEM, "T123456", body(newIdNumber()))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("certNo"))
                .body("errors[0].code", equalTo("LENGTH_OUT_OF_RANGE"));
        put(GUANGXI_SYSTEM, "T" + "1".repeat(32), body(newIdNumber()))
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("certNo"))
                .body("errors[0].code", equalTo("LENGTH_OUT_OF_RANGE"));
    }

    @Test
    void validationErrorsNeverRepeatTheIdNumber() {
        String idNumber = newIdNumber();
        String bad = idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0');

        String answer = put(GUANGXI_SYSTEM, newCertNo(), withHolder(body(idNumber), "idNumber", bad))
                .then()
                .statusCode(400)
                .extract()
                .asString();

        assertThat(answer).doesNotContain(bad).doesNotContain(bad.substring(6, 14));
    }

    @Test
    void withoutATokenTheUpsertIsUnauthenticated() {
        given().contentType(ContentType.JSON)
                .body(body(newIdNumber()))
                .put("/api/v1/credentials/{issuer}/{certNo}", ISSUER, newCertNo())
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void officerCannotUpsert() {
        put(Credentials.officerToken("officer-x"), newCertNo(), body(newIdNumber()))
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void deptAdminCannotUpsert() {
        put(Tokens.deptAdmin("NN_SCJGJ", "450100"), newCertNo(), body(newIdNumber()))
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }

    @Test
    void systemOfAnotherRegionCannotWriteForTheDepartment() {
        String certNo = newCertNo();

        put(GUANGDONG_SYSTEM, certNo, body(newIdNumber()))
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));

        assertThat(db.count("select count(*) from certificate where cert_no = ?", certNo))
                .isZero();
    }

    @Test
    void unknownDepartmentGetsTheSameAnswerAsAForeignOne() {
        var foreign = put(GUANGXI_SYSTEM, newCertNo(), withHolder(body(newIdNumber()), "departmentCode", "GZ_SCJGJ"));
        var unknown =
                put(GUANGXI_SYSTEM, newCertNo(), withHolder(body(newIdNumber()), "departmentCode", "NO_SUCH_DEPT"));

        assertThat(foreign.statusCode()).isEqualTo(403);
        assertThat(unknown.statusCode()).isEqualTo(403);
        assertThat(foreign.jsonPath().getString("code"))
                .isEqualTo(unknown.jsonPath().getString("code"))
                .isEqualTo("DEPARTMENT_OUT_OF_SCOPE");
        assertThat(foreign.jsonPath().getString("detail"))
                .isEqualTo(unknown.jsonPath().getString("detail"));
    }

    @Test
    void systemCannotTakeOverACertificateOfAnotherRegion() {
        String certNo = newCertNo();
        String idNumber = newIdNumber();
        put(HUB_ADMIN, certNo, withHolder(body(idNumber), "departmentCode", "GZ_SCJGJ"))
                .then()
                .statusCode(201);

        put(GUANGXI_SYSTEM, certNo, body(idNumber))
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));

        assertThat(certificateRow(certNo)).containsEntry("department_code", "GZ_SCJGJ");
    }

    @Test
    void certificateIsNotTransferredToAnotherPerson() {
        String certNo = newCertNo();
        put(GUANGXI_SYSTEM, certNo, body(newIdNumber())).then().statusCode(201);

        put(GUANGXI_SYSTEM, certNo, body(newIdNumber()))
                .then()
                .statusCode(409)
                .body("code", equalTo("CERTIFICATE_HOLDER_MISMATCH"));
    }

    @Test
    void hubAdminCorrectsTheHolderOfACertificate() {
        String certNo = newCertNo();
        put(GUANGXI_SYSTEM, certNo, body(newIdNumber())).then().statusCode(201);
        String corrected = newIdNumber();

        put(HUB_ADMIN, certNo, body(corrected))
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UPDATED"))
                .body(
                        "credential.holder.idNumberMasked",
                        equalTo(corrected.substring(0, 6) + "********" + corrected.substring(14)));

        assertThat(db.count(
                        "select count(*) from audit_log where action = 'CREDENTIAL_UPDATED' and entity_id = ? "
                                + "and detail->>'previousOfficerId' is not null",
                        ISSUER + ":" + certNo))
                .isEqualTo(1);
    }

    @Test
    void accountOfAnotherOfficerIsRefused() {
        String account = Credentials.newAccount();
        put(GUANGXI_SYSTEM, newCertNo(), body(newIdNumber(), account)).then().statusCode(201);

        put(GUANGXI_SYSTEM, newCertNo(), body(newIdNumber(), account))
                .then()
                .statusCode(409)
                .body("code", equalTo("ACCOUNT_IN_USE"));
    }

    @Test
    void absentAccountKeepsTheAccountOnRecord() {
        String idNumber = newIdNumber();
        String account = Credentials.newAccount();
        String certNo = newCertNo();
        put(GUANGXI_SYSTEM, certNo, body(idNumber, account)).then().statusCode(201);

        put(GUANGXI_SYSTEM, newCertNo(), with(body(idNumber), "kind", "MINISTRY"))
                .then()
                .statusCode(201);

        assertThat(officerRow(certNo)).containsEntry("account", account);
    }

    @Test
    void unknownFieldIsRefusedByName() {
        put(GUANGXI_SYSTEM, newCertNo(), withHolder(body(newIdNumber()), "idNo", "x"))
                .then()
                .statusCode(400)
                .body("errors.code", hasItem("UNKNOWN_FIELD"));
    }
}
