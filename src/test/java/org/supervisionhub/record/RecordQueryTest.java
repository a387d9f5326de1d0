package org.supervisionhub.record;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.nullValue;
import static org.supervisionhub.record.RecordFixture.list;
import static org.supervisionhub.record.RecordFixture.upload;
import static org.supervisionhub.record.RecordFixture.with;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class RecordQueryTest {

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    private static long stored(RecordFixture.Department department, Map<String, Object> record) {
        return upload(department.systemToken(), list(record), "")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .extract()
                .jsonPath()
                .getLong("records[0].id");
    }

    @Test
    void departmentReadsItsOwnRecordButNotAnothers() {
        RecordFixture.Department own = fixture.department();
        RecordFixture.Department other = fixture.department();
        long id = stored(own, fixture.penalty(own));

        given().auth()
                .oauth2(own.adminToken())
                .get("/api/v1/records/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id))
                .body("kind", equalTo("PENALTY"))
                .body("version", equalTo(1))
                .body("record.penalty.procedure", equalTo("02"))
                .body("record.operation", nullValue());
        given().auth()
                .oauth2(other.adminToken())
                .get("/api/v1/records/{id}", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("RECORD_NOT_FOUND"));
        given().auth()
                .oauth2(Tokens.regionAdmin("450100"))
                .get("/api/v1/records/{id}", id)
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(Tokens.regionAdmin("450200"))
                .get("/api/v1/records/{id}", id)
                .then()
                .statusCode(404);
    }

    @Test
    void searchIsScopedAndFiltered() {
        RecordFixture.Department own = fixture.department();
        RecordFixture.Department other = fixture.department();
        stored(own, fixture.inspection(own));
        long penalty = stored(own, fixture.penalty(own));
        stored(other, fixture.penalty(other));

        given().auth()
                .oauth2(own.adminToken())
                .get("/api/v1/records?kind=PENALTY")
                .then()
                .statusCode(200)
                .body("total", equalTo(1))
                .body("items[0].id", equalTo((int) penalty));
        given().auth()
                .oauth2(own.adminToken())
                .get("/api/v1/records?department=" + own.code())
                .then()
                .statusCode(200)
                .body("total", equalTo(2));
        given().auth()
                .oauth2(own.adminToken())
                .get("/api/v1/records?department=" + other.code())
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/records?department=" + other.code())
                .then()
                .statusCode(200)
                .body("total", equalTo(1));
        given().auth()
                .oauth2(own.adminToken())
                .get("/api/v1/records?from=2026-02-01&to=2026-01-01")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("to"))
                .body("errors[0].code", equalTo("DATE_RANGE_INVALID"));
        given().auth()
                .oauth2(own.adminToken())
                .get("/api/v1/records?size=201")
                .then()
                .statusCode(400);
    }

    @Test
    void subjectHistoryShowsOwnRecordsInFullAndOnlyDisclosableOnesOfOthers() {
        RecordFixture.Department own = fixture.department();
        RecordFixture.Department other = fixture.department();
        String subject = CreditCodeGenerator.enterprise("450100");
        db.update("""
                insert into subject (credit_code, subject_type, name, region_code) values (?, 'ENTERPRISE', '历史测试公司', '450100')""", subject);
        long ownInspection = stored(own, with(fixture.inspection(own), "subject.creditCode", subject));
        stored(other, with(fixture.penalty(other), "subject.creditCode", subject));
        stored(other, with(fixture.enforcement(other), "subject.creditCode", subject));

        given().auth()
                .oauth2(own.adminToken())
                .get("/api/v1/subjects/{code}/records", subject)
                .then()
                .statusCode(200)
                .body("total", equalTo(2))
                .body("items.kind", equalTo(List.of("INSPECTION", "PENALTY")))
                .body("items[0].recordId", equalTo((int) ownInspection))
                .body("items[0].disclosedOnly", equalTo(false))
                .body("items[1].recordId", nullValue())
                .body("items[1].disclosedOnly", equalTo(true))
                .body("items[1].penaltyTypes", equalTo(List.of("01", "02")));
        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/subjects/{code}/records", subject)
                .then()
                .statusCode(200)
                .body("total", equalTo(3));
        given().auth()
                .oauth2(own.adminToken())
                .get("/api/v1/subjects/{code}/records", "91350100M000100Y44")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].code", equalTo("CREDIT_CODE_INVALID"));
        given().auth()
                .oauth2(own.adminToken())
                .get("/api/v1/subjects/{code}/records", CreditCodeGenerator.enterprise("450100"))
                .then()
                .statusCode(404);
        assertThat(ownInspection).isPositive();
    }
}
