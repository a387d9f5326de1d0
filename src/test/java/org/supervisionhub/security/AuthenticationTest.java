package org.supervisionhub.security;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class AuthenticationTest {

    private static final String ITEMS = "/api/v1/items?size=1";

    @Test
    void validTokenIsAccepted() {
        given().auth()
                .oauth2(Tokens.token("sys-1", List.of("system"), "NN_SCJGJ", "450100"))
                .get(ITEMS)
                .then()
                .statusCode(200);
    }

    @Test
    void missingTokenIsRejected() {
        given().get(ITEMS)
                .then()
                .statusCode(401)
                .contentType("application/problem+json")
                .header("WWW-Authenticate", "Bearer")
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void expiredTokenIsRejected() {
        given().auth()
                .oauth2(Tokens.expired("sys-1", List.of("hub-admin")))
                .get(ITEMS)
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void tokenSignedByAForeignKeyIsRejected() {
        given().auth()
                .oauth2(Tokens.signedByForeignKey("intruder", List.of("hub-admin")))
                .get(ITEMS)
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void tokenFromAnotherIssuerIsRejected() {
        given().auth()
                .oauth2(Tokens.fromOtherIssuer("intruder", List.of("hub-admin")))
                .get(ITEMS)
                .then()
                .statusCode(401)
                .body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void garbageTokenIsRejected() {
        given().auth().oauth2("not.a.jwt").get(ITEMS).then().statusCode(401).body("code", equalTo("UNAUTHENTICATED"));
    }

    @Test
    void rolesAreAlsoReadFromGroups() {
        given().auth()
                .oauth2(Tokens.withGroups("admin-2", List.of("hub-admin"), null, null))
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(200);
    }

    @Test
    void tokenWithoutAnyHubRoleIsForbidden() {
        given().auth()
                .oauth2(Tokens.token("nobody", List.of("offline_access"), "NN_SCJGJ", "450100"))
                .get(ITEMS)
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
    }
}
