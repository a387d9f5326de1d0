package org.supervisionhub.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

import io.quarkus.test.junit.QuarkusTest;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Management;

/** Health and metrics live on the management interface, a port of their own; the public port does not serve them. */
@QuarkusTest
class HealthAndMetricsTest {

    @Test
    void livenessIsUpAndWatchesTheBackgroundWork() {
        Management.given()
                .get("/q/health/live")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem("background-work"));
    }

    @Test
    void readinessIncludesTheDatabase() {
        Management.given()
                .get("/q/health/ready")
                .then()
                .statusCode(200)
                .body("status", equalTo("UP"))
                .body("checks.name", hasItem(containsString("Reactive PostgreSQL")));
    }

    @Test
    void prometheusMetricsAreExposedOnTheManagementPort() {
        given().get("/api/v1/items").then().statusCode(401);
        Management.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .body(containsString("http_server_requests_seconds"));
    }

    @Test
    void managementInterfaceHasAPortOfItsOwn() {
        assertThat(URI.create(Management.baseUri()).getPort())
                .isPositive()
                .isNotEqualTo(io.restassured.RestAssured.port);
    }

    @Test
    void metricsAreNotServedOnTheMainPort() {
        given().get("/q/metrics")
                .then()
                .statusCode(404)
                .body(org.hamcrest.Matchers.not(containsString("http_server_requests_seconds")));
    }

    @Test
    void healthIsNotServedOnTheMainPort() {
        given().get("/q/health/live").then().statusCode(404);
        given().get("/q/health").then().statusCode(404);
    }
}
