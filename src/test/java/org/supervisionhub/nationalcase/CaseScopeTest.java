package org.supervisionhub.nationalcase;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/** Who sees a case from the national platform: reading one by id never shows more than the list does. */
@QuarkusTest
class CaseScopeTest {

    @Inject
    Db db;

    private long unassignedComplaintIn(String region) {
        return ((Number) db.single("""
                        insert into national_case (kind, national_id, title, region_code, status, deadline, payload)
                        values ('COMPLAINT', ?, '无人认领的投诉', ?, 'RECEIVED', now() + interval '5 days', '{}'::jsonb)
                        returning id""", "SCOPE-" + System.nanoTime(), region)).longValue();
    }

    @Test
    void aDepartmentReadsAnUnassignedCaseOfItsRegionNeitherByIdNorInItsList() {
        long id = unassignedComplaintIn("450103");
        String nanning = Tokens.deptAdmin("NN_SCJGJ", "450100");

        given().auth()
                .oauth2(nanning)
                .get("/api/v1/complaints/{id}", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
        given().auth()
                .oauth2(nanning)
                .get("/api/v1/complaints?size=200")
                .then()
                .statusCode(200)
                .body("items.id", not(hasItem((int) id)));
        given().auth()
                .oauth2(nanning)
                .post("/api/v1/complaints/{id}/accept", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
    }

    @Test
    void theRegionAdminSeesAnUnassignedCaseOfItsRegionAndAnotherRegionsAdminDoesNot() {
        long id = unassignedComplaintIn("450103");

        given().auth()
                .oauth2(Tokens.regionAdmin("450100"))
                .get("/api/v1/complaints/{id}", id)
                .then()
                .statusCode(200)
                .body("id", equalTo((int) id));
        given().auth()
                .oauth2(Tokens.regionAdmin("450200"))
                .get("/api/v1/complaints/{id}", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
    }

    @Test
    void aCaseOfAnotherKindReadsAsUnknown() {
        long id = unassignedComplaintIn("450103");

        given().auth()
                .oauth2(Tokens.hubAdmin())
                .get("/api/v1/tasks/{id}", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
    }

    @Test
    void anotherDepartmentOfTheSameRegionCannotAcceptOrAnswerACaseAndReadsItAsUnknown() {
        long id = ((Number) db.single("""
                        insert into national_case (kind, national_id, title, region_code, department_code, status,
                                                   deadline, payload)
                        values ('COMPLAINT', ?, '已分派的投诉', '450103', 'NN_SCJGJ', 'ASSIGNED',
                                now() + interval '5 days', '{}'::jsonb)
                        returning id""", "SCOPE-" + System.nanoTime())).longValue();
        String neighbour = Tokens.deptAdmin("NN_STHJJ", "450100");

        given().auth()
                .oauth2(neighbour)
                .post("/api/v1/complaints/{id}/accept", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));
        given().auth()
                .oauth2(neighbour)
                .contentType("application/json")
                .body(java.util.Map.of("result", "越权答复"))
                .post("/api/v1/complaints/{id}/feedback", id)
                .then()
                .statusCode(404)
                .body("code", equalTo("CASE_NOT_FOUND"));

        org.assertj.core.api.Assertions.assertThat(db.single("select status from national_case where id = ?", id))
                .isEqualTo("ASSIGNED");
        given().auth()
                .oauth2(Tokens.deptAdmin("NN_SCJGJ", "450100"))
                .post("/api/v1/complaints/{id}/accept", id)
                .then()
                .statusCode(200)
                .body("status", equalTo("ACCEPTED"));
    }
}
