package org.supervisionhub.demo;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The console's demo sign-in: tokens the demo (here: test) profile trusts, for the roles a person can have. */
@QuarkusTest
class DemoSignInTest {

    private static String signIn(Map<String, Object> body) {
        return given().contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/demo/sign-in")
                .then()
                .statusCode(200)
                .body("demo", equalTo(true))
                .extract()
                .path("accessToken");
    }

    @Test
    void demoSignInIsAnnouncedWhereItExists() {
        given().get("/api/v1/demo/sign-in").then().statusCode(204);
    }

    @Test
    void tokenOfADepartmentAdminActsForItsDepartmentOnly() {
        String token = signIn(Map.of("role", "dept-admin", "department", "NN_SCJGJ", "region", "450100"));

        given().auth()
                .oauth2(token)
                .get("/api/v1/stats/claims")
                .then()
                .statusCode(200)
                .body("department", equalTo("NN_SCJGJ"));
        given().auth()
                .oauth2(token)
                .get("/api/v1/stats/claims?department=LZ_SCJGJ")
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
    }

    @Test
    void dockedSystemRolesCannotBeSignedInAs() {
        given().contentType(ContentType.JSON)
                .body(Map.of("role", "system", "department", "NN_SCJGJ"))
                .post("/api/v1/demo/sign-in")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("role"));
        given().contentType(ContentType.JSON)
                .body(Map.of("role", "national"))
                .post("/api/v1/demo/sign-in")
                .then()
                .statusCode(400);
    }

    @Test
    void malformedRegionIsRefusedWithItsField() {
        given().contentType(ContentType.JSON)
                .body(Map.of("role", "region-admin", "region", "45"))
                .post("/api/v1/demo/sign-in")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("region"));
    }
}
