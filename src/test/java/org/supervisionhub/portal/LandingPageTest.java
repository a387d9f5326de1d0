package org.supervisionhub.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;

/** The front door: where every kind of user starts, and the web pages that must never answer 500. */
@QuarkusTest
class LandingPageTest {

    @Test
    void rootLinksSignInSwaggerUiAndBothContracts() {
        String html = given().get("/")
                .then()
                .statusCode(200)
                .contentType(ContentType.HTML)
                .extract()
                .asString();

        assertThat(html)
                .contains("href=\"/portal\"")
                .contains("href=\"/q/swagger-ui\"")
                .contains("href=\"/q/openapi\"")
                .contains("href=\"/contracts/events.asyncapi.yaml\"")
                .contains("/q/health/ready");
    }

    @Test
    void eventContractIsServedWhereTheLandingPageLinksIt() {
        given().get("/contracts/events.asyncapi.yaml").then().statusCode(200).body(containsString("asyncapi:"));
    }

    @Test
    void portalWithoutASessionChallengesInsteadOfFailing() {
        int status = given().redirects()
                .follow(false)
                .get("/portal")
                .then()
                .body(not(containsString("Exception")))
                .extract()
                .statusCode();

        assertThat(status).isIn(302, 401);
    }
}
