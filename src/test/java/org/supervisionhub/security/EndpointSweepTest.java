package org.supervisionhub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * Calls every operation of the published API without a token: each must answer 401. An endpoint that
 * forgot its role declaration would answer something else (and deny-unannotated-endpoints would 403).
 */
@QuarkusTest
class EndpointSweepTest {

    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationRequiresAToken() {
        Map<String, Map<String, Object>> paths = JsonPath.from(given().accept("application/json").get("/q/openapi")
                .then().statusCode(200).extract().asString()).getMap("paths");
        List<String> checked = new ArrayList<>();
        List<String> open = new ArrayList<>();
        paths.forEach((template, operations) -> {
            if (!template.startsWith("/api/")) {
                return;
            }
            String path = template.replaceAll("\\{code}", "45000000010001").replaceAll("\\{[^}]+}", "SAMPLE_1");
            for (String method : operations.keySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    continue;
                }
                int status = given().contentType("application/json").body("{}").request(method.toUpperCase(), path)
                        .statusCode();
                checked.add(method + " " + template);
                if (status != 401) {
                    open.add(method.toUpperCase() + " " + template + " -> " + status);
                }
            }
        });
        assertThat(checked).hasSizeGreaterThan(8);
        assertThat(open).as("operations reachable without a token").isEmpty();
    }
}
