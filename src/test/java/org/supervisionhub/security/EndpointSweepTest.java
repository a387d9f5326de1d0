package org.supervisionhub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * Calls every operation of the published API without a token: each must answer 401. An endpoint that
 * forgot its role declaration would answer something else (and deny-unannotated-endpoints would 403).
 * The only exceptions are the operations deliberately public (@PermitAll, no security requirement in the
 * document), named below so that a new public operation is a visible decision.
 */
@QuarkusTest
class EndpointSweepTest {

    /**
     * Public by design: the electronic-credential keys, the QR-code verification (扫码查证) and published 双随机 draws
     * (结果公开, desensitised) and current 双公示 disclosures (曝光台, desensitised).
     */
    private static final Set<String> PUBLIC_OPERATIONS = Set.of(
            "get /api/v1/credentials/jwks",
            "get /api/v1/credentials/verify",
            "get /api/v1/public/random-draws/{id}",
            "get /api/v1/public/disclosures",
            "get /api/v1/public/disclosures/{id}");

    @Test
    @SuppressWarnings("unchecked")
    void everyApiOperationRequiresAToken() {
        Map<String, Map<String, Object>> paths = JsonPath.from(given().accept("application/json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getMap("paths");
        List<String> checked = new ArrayList<>();
        List<String> open = new ArrayList<>();
        Set<String> withoutSecurity = new TreeSet<>();
        paths.forEach((template, operations) -> {
            if (!template.startsWith("/api/")) {
                return;
            }
            for (String method : operations.keySet()) {
                if (!List.of("get", "post", "put", "delete", "patch").contains(method)) {
                    continue;
                }
                String path = withSampleValues(template, (Map<String, Object>) operations.get(method));
                if (!((Map<String, Object>) operations.get(method)).containsKey("security")) {
                    withoutSecurity.add(method + " " + template);
                }
                if (PUBLIC_OPERATIONS.contains(method + " " + template)) {
                    continue;
                }
                int status = given().contentType("application/json")
                        .body("{}")
                        .request(method.toUpperCase(), path)
                        .statusCode();
                checked.add(method + " " + template);
                if (status != 401) {
                    open.add(method.toUpperCase() + " " + template + " -> " + status);
                }
            }
        });
        assertThat(checked).hasSizeGreaterThan(8);
        assertThat(open).as("operations reachable without a token").isEmpty();
        assertThat(withoutSecurity)
                .as("operations documented without a security requirement")
                .containsExactlyInAnyOrderElementsOf(PUBLIC_OPERATIONS);
    }

    /** Path parameters filled in: the first value of an enumerated parameter, else a sample. */
    @SuppressWarnings("unchecked")
    private static String withSampleValues(String template, Map<String, Object> operation) {
        String path = template;
        for (Map<String, Object> parameter :
                (List<Map<String, Object>>) operation.getOrDefault("parameters", List.of())) {
            Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
            if ("path".equals(parameter.get("in"))
                    && schema.get("enum") instanceof List<?> values
                    && !values.isEmpty()) {
                path = path.replace("{" + parameter.get("name") + "}", String.valueOf(values.get(0)));
            }
        }
        return path.replaceAll("\\{code}", "45000000010001").replaceAll("\\{[^}]+}", "SAMPLE_1");
    }

    @Test
    void publicOperationsAnswerWithoutAToken() {
        given().get("/api/v1/credentials/jwks").then().statusCode(200).body("keys[0].kid", notNullValue());
        given().queryParam("token", "not-a-token")
                .get("/api/v1/credentials/verify")
                .then()
                .statusCode(200)
                .body("result", equalTo("FORGED"));
    }
}
