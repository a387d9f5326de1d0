package org.supervisionhub.subject;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.code.IdNumbers;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** Natural persons: stored as a keyed hash and a mask, found only by number, every read audited. */
@QuarkusTest
class PersonSubjectTest {

    @Inject
    Db db;

    private final String registry = Tokens.token("gx-registry", List.of("system"), "GX_SCJGJ", "450000");
    private final String officer = Tokens.withRoles("officer-7", List.of("officer"), "NN_SCJGJ", "450100");

    /** A valid ID number no other test uses (birth date varies with the counter). */
    private static String newIdNumber() {
        long n = System.nanoTime();
        String first17 = "450103" + (1950 + n % 50) + String.format("%02d", 1 + n / 50 % 12) + "1" + (n / 600 % 9)
                + String.format("%03d", n / 7 % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private void report(String idNumber, String name) {
        given().auth()
                .oauth2(registry)
                .contentType(ContentType.JSON)
                .body(Map.of("source", "gx-registry", "idNumber", idNumber, "name", name, "regionCode", "450103"))
                .post("/api/v1/subjects/persons")
                .then()
                .statusCode(201)
                .body("outcome", equalTo("CREATED"));
    }

    @Test
    void personIsStoredAsHashAndMaskNeverInClear() {
        String idNumber = newIdNumber();

        report(idNumber, "李四");

        var rows = db.rows("select * from subject where id_number_masked = ?", IdNumbers.mask(idNumber));
        assertThat(rows).hasSize(1);
        assertThat(rows.get(0).get("id_number_hash").toString()).hasSize(64);
        assertThat(rows.get(0).values())
                .noneMatch(value -> value != null && value.toString().contains(idNumber));
        assertThat(db.count(
                        "select count(*) from outbox where payload::text like ?",
                        "%" + idNumber.substring(6, 14) + "%"))
                .isZero();
    }

    @Test
    void lookupByNumberAnswersWithTheMaskAndIsAudited() {
        String idNumber = newIdNumber();
        report(idNumber, "王五");
        long auditBefore = db.count("select count(*) from audit_log where action = 'PERSONAL_DATA_READ'");

        String body = given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("idNumber", idNumber))
                .post("/api/v1/subjects/persons/lookup")
                .then()
                .statusCode(200)
                .body("name", equalTo("王五"))
                .body("subjectType", equalTo("NATURAL_PERSON"))
                .body("idNumberMasked", equalTo(IdNumbers.mask(idNumber)))
                .extract()
                .asString();

        assertThat(body).doesNotContain(idNumber).doesNotContain(idNumber.substring(6, 14));
        assertThat(db.count("select count(*) from audit_log where action = 'PERSONAL_DATA_READ'"))
                .isEqualTo(auditBefore + 1);
        assertThat(db.count(
                        "select count(*) from audit_log where action = 'PERSONAL_DATA_READ' and actor = 'officer-7'"
                                + " and entity_id = ?",
                        IdNumbers.mask(idNumber)))
                .isEqualTo(1);
    }

    @Test
    void lowerCaseCheckDigitFindsTheSamePerson() {
        String idNumber = "11010519491231002X";
        given().auth()
                .oauth2(registry)
                .contentType(ContentType.JSON)
                .body(Map.of("source", "gx-registry", "idNumber", idNumber, "name", "赵六", "regionCode", "450103"))
                .post("/api/v1/subjects/persons")
                .then()
                .statusCode(org.hamcrest.Matchers.anyOf(equalTo(201), equalTo(200)));

        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("idNumber", idNumber))
                .post("/api/v1/subjects/persons/lookup")
                .then()
                .statusCode(200)
                .body("idNumberMasked", equalTo("110105********002X"));
    }

    @Test
    void reportingThePersonAgainKeepsOneSubject() {
        String idNumber = newIdNumber();
        report(idNumber, "孙七");

        given().auth()
                .oauth2(registry)
                .contentType(ContentType.JSON)
                .body(Map.of("source", "gx-registry", "idNumber", idNumber, "name", "孙七", "regionCode", "450103"))
                .post("/api/v1/subjects/persons")
                .then()
                .statusCode(200)
                .body("outcome", equalTo("UNCHANGED"));

        assertThat(db.count("select count(*) from subject where id_number_masked = ?", IdNumbers.mask(idNumber)))
                .isEqualTo(1);
    }

    @Test
    void unknownPersonIsNotFoundAndNotAudited() {
        long auditBefore = db.count("select count(*) from audit_log where action = 'PERSONAL_DATA_READ'");

        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("idNumber", newIdNumber()))
                .post("/api/v1/subjects/persons/lookup")
                .then()
                .statusCode(404)
                .body("code", equalTo("SUBJECT_NOT_FOUND"));

        assertThat(db.count("select count(*) from audit_log where action = 'PERSONAL_DATA_READ'"))
                .isEqualTo(auditBefore);
    }

    @Test
    void invalidIdNumberIsRejectedWithoutEchoingIt() {
        String body = given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("idNumber", "110105194912310021"))
                .post("/api/v1/subjects/persons/lookup")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("idNumber"))
                .body("errors[0].code", equalTo("ID_NUMBER_INVALID"))
                .extract()
                .asString();

        assertThat(body).doesNotContain("110105194912310021");
    }

    @Test
    void nationalPlatformMayNotLookPersonsUp() {
        given().auth()
                .oauth2(Tokens.token("national", List.of("national"), null, null))
                .contentType(ContentType.JSON)
                .body(Map.of("idNumber", "11010519491231002X"))
                .post("/api/v1/subjects/persons/lookup")
                .then()
                .statusCode(403);
    }

    @Test
    void officerMayNotReportPersons() {
        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("source", "x1", "idNumber", newIdNumber(), "name", "周八", "regionCode", "450103"))
                .post("/api/v1/subjects/persons")
                .then()
                .statusCode(403);
    }

    @Test
    void aSystemOfAnotherProvinceCannotOverwriteAStoredPersonByNamingItsOwnRegion() {
        String idNumber = newIdNumber();
        report(idNumber, "郑九");
        String guangzhouSystem = Tokens.token("gz-registry", List.of("system"), "GZ_SCJGJ", "440100");

        given().auth()
                .oauth2(guangzhouSystem)
                .contentType(ContentType.JSON)
                .body(Map.of("source", "gz-registry", "idNumber", idNumber, "name", "冒名", "regionCode", "440103"))
                .post("/api/v1/subjects/persons")
                .then()
                .statusCode(403)
                .body("code", equalTo("REGION_OUT_OF_SCOPE"));

        given().auth()
                .oauth2(officer)
                .contentType(ContentType.JSON)
                .body(Map.of("idNumber", idNumber))
                .post("/api/v1/subjects/persons/lookup")
                .then()
                .statusCode(200)
                .body("name", equalTo("郑九"))
                .body("regionCode", equalTo("450103"));
    }

    @Test
    void anOfficerOfAnotherCityFindsNoPersonRegisteredOutsideItsRegion() {
        String idNumber = newIdNumber();
        report(idNumber, "吴十");
        String liuzhouOfficer = Tokens.withRoles("officer-lz", List.of("officer"), "LZ_SCJGJ", "450200");

        given().auth()
                .oauth2(liuzhouOfficer)
                .contentType(ContentType.JSON)
                .body(Map.of("idNumber", idNumber))
                .post("/api/v1/subjects/persons/lookup")
                .then()
                .statusCode(404)
                .body("code", equalTo("SUBJECT_NOT_FOUND"));

        assertThat(db.count(
                        "select count(*) from audit_log where action = 'PERSONAL_DATA_READ' and actor = 'officer-lz'"))
                .isZero();
    }
}
