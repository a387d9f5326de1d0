package org.supervisionhub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.BiConsumer;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Tokens;

/**
 * The authorization matrix, driven by the served contract: every operation's allowed roles are the ones its
 * security requirement lists, every other role gets 403 with one stable code; every operation that takes a
 * department or region answers a foreign one and an unknown one alike, so scope never reveals existence.
 */
@QuarkusTest
class RoleMatrixTest {

    private static final List<String> ROLES =
            List.of(Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.NATIONAL);
    private static final List<String> METHODS = List.of("get", "post", "put", "delete", "patch");

    /** A registered department of Nanning (450100); Liuzhou (450200) is foreign to it. */
    private static final String OWN_DEPARTMENT = "NN_SCJGJ";

    private static final String FOREIGN_DEPARTMENT = "LZ_SCJGJ";
    private static final String UNKNOWN_DEPARTMENT = "NO_SUCH_DEPT";

    /**
     * Authenticated by the national platform's signature (or its token) rather than by a role: the contract lists no
     * role for it. Named here so that another operation without roles is a visible decision.
     */
    private static final List<String> SIGNATURE_OPERATIONS = List.of("POST /api/v1/national/callbacks/{kind}");

    /**
     * Operations whose region parameter narrows a search of what every role may read (organisations in the subject
     * library are public registry data), rather than a scope.
     */
    private static final List<String> REGION_AS_PLAIN_FILTER = List.of("GET /api/v1/subjects");

    /** Values that get an operation past its own validation, so that the scope is what answers. */
    private static final Map<String, String> VALID_QUERY = Map.of("name", "南宁");

    private static String tokenOf(String role) {
        return Tokens.token("matrix-" + role, List.of(role), OWN_DEPARTMENT, "450100");
    }

    @Test
    void everyOperationRefusesEveryRoleItDoesNotAllowWithOneStableCode() {
        List<String> tried = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        List<String> withoutRoles = new ArrayList<>();
        forEachOperation((operation, roles) -> {
            if (roles.isEmpty()) {
                withoutRoles.add(operation.toString());
                return;
            }
            for (String role : ROLES) {
                if (roles.contains(role)) {
                    continue;
                }
                Response response = call(operation, tokenOf(role), Map.of());
                tried.add(operation + " as " + role);
                String code = response.getContentType().startsWith("application/problem+json")
                        ? response.jsonPath().getString("code")
                        : response.getContentType();
                if (response.statusCode() != 403 || !"FORBIDDEN".equals(code)) {
                    wrong.add(operation + " as " + role + " -> " + response.statusCode() + " " + code);
                }
            }
        });
        assertThat(withoutRoles).as("operations the contract lists no role for").isEqualTo(SIGNATURE_OPERATIONS);
        assertThat(tried).as("operation x role pairs refused").hasSizeGreaterThan(100);
        assertThat(wrong)
                .as("operations answering a role they do not allow with something else")
                .isEmpty();
    }

    /**
     * A department's people get 403 for another department; a region-admin naming a department outside its region
     * finds nothing there (200, empty), and the same for a department that does not exist.
     */
    @Test
    void everyOperationTakingADepartmentAnswersAForeignAndAnUnknownDepartmentAlike() {
        List<String> tried = new ArrayList<>();
        List<String> leaking = new ArrayList<>();
        forEachOperation((operation, roles) -> {
            if (!operation.takes("department")) {
                return;
            }
            for (String role : List.of(Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM, Roles.REGION_ADMIN)) {
                if (!roles.contains(role)) {
                    continue;
                }
                Response foreign = call(operation, tokenOf(role), Map.of("department", FOREIGN_DEPARTMENT));
                Response unknown = call(operation, tokenOf(role), Map.of("department", UNKNOWN_DEPARTMENT));
                tried.add(operation + " as " + role);
                String seen = foreign.statusCode() + " " + codeOf(foreign);
                if (!List.of(200, 403, 404).contains(foreign.statusCode())
                        || !seen.equals(unknown.statusCode() + " " + codeOf(unknown))) {
                    leaking.add(operation + " as " + role + ": foreign -> " + seen + ", unknown -> "
                            + unknown.statusCode() + " " + codeOf(unknown));
                }
            }
        });
        assertThat(tried).as("department-scoped operation x role pairs").hasSizeGreaterThan(10);
        assertThat(leaking)
                .as("operations telling a foreign department from an unknown one")
                .isEmpty();
    }

    @Test
    void everyOperationTakingARegionRefusesARegionOutsideTheRegionAdminsOwn() {
        List<String> tried = new ArrayList<>();
        List<String> wrong = new ArrayList<>();
        forEachOperation((operation, roles) -> {
            if (!operation.takes("region")
                    || !roles.contains(Roles.REGION_ADMIN)
                    || REGION_AS_PLAIN_FILTER.contains(operation.toString())) {
                return;
            }
            Response response = call(operation, tokenOf(Roles.REGION_ADMIN), Map.of("region", "450200"));
            tried.add(operation.toString());
            if (response.statusCode() != 403
                    || !"REGION_OUT_OF_SCOPE".equals(response.jsonPath().getString("code"))) {
                wrong.add(operation + " -> " + response.statusCode() + " " + response.asString());
            }
        });
        assertThat(tried).as("region-scoped operations").hasSizeGreaterThan(1);
        assertThat(wrong).isEmpty();
    }

    @Test
    void aRegionAdminTokenWithAMalformedRegionIsRefusedWithAStableCodeNotAServerError() {
        String malformed = Tokens.token("matrix-bad-region", List.of(Roles.REGION_ADMIN), null, "45x1");
        List<String> wrong = new ArrayList<>();
        forEachOperation((operation, roles) -> {
            if (!roles.contains(Roles.REGION_ADMIN)
                    || !operation.method().equals("get")
                    || !(operation.takes("department") || operation.takes("region"))
                    || REGION_AS_PLAIN_FILTER.contains(operation.toString())) {
                return;
            }
            Response response = call(operation, malformed, Map.of("department", OWN_DEPARTMENT, "region", "450100"));
            if (response.statusCode() != 403
                    || !"CALLER_REGION_INVALID".equals(response.jsonPath().getString("code"))) {
                wrong.add(operation + " -> " + response.statusCode() + " "
                        + response.jsonPath().getString("code"));
            }
        });
        assertThat(wrong).isEmpty();
    }

    /** One operation of the contract, with its parameters. */
    private record Operation(String method, String template, List<Map<String, Object>> parameters) {

        boolean takes(String name) {
            return parameters.stream()
                            .anyMatch(p -> name.equals(p.get("name"))
                                    && ("query".equals(p.get("in")) || "path".equals(p.get("in"))))
                    || template.contains("{dept}") && name.equals("department");
        }

        @Override
        public String toString() {
            return method.toUpperCase() + " " + template;
        }
    }

    @SuppressWarnings("unchecked")
    private static void forEachOperation(BiConsumer<Operation, List<String>> visitor) {
        Map<String, Map<String, Object>> paths = JsonPath.from(given().accept("application/json")
                        .get("/q/openapi")
                        .then()
                        .statusCode(200)
                        .extract()
                        .asString())
                .getMap("paths");
        paths.forEach((template, operations) -> {
            if (!template.startsWith("/api/")) {
                return;
            }
            operations.forEach((method, value) -> {
                if (!METHODS.contains(method)) {
                    return;
                }
                Map<String, Object> operation = (Map<String, Object>) value;
                List<Map<String, List<String>>> security =
                        (List<Map<String, List<String>>>) operation.getOrDefault("security", List.of());
                if (security.isEmpty()) {
                    return;
                }
                List<String> roles = security.get(0).values().iterator().next();
                visitor.accept(
                        new Operation(method, template, (List<Map<String, Object>>)
                                operation.getOrDefault("parameters", List.of())),
                        roles);
            });
        });
    }

    /** Calls the operation with sample path values; {@code values} fill the named query or path parameters. */
    @SuppressWarnings("unchecked")
    /** The problem code of an answer, or null when it is not JSON (a download such as the statistics' xlsx). */
    private static String codeOf(Response response) {
        String type = response.contentType();
        return type != null && type.contains("json") ? response.jsonPath().getString("code") : null;
    }

    private static Response call(Operation operation, String token, Map<String, String> values) {
        String path = operation.template();
        var request =
                given().auth().oauth2(token).contentType("application/json").body("{}");
        for (Map<String, Object> parameter : operation.parameters()) {
            String name = (String) parameter.get("name");
            Map<String, Object> schema = (Map<String, Object>) parameter.getOrDefault("schema", Map.of());
            if ("path".equals(parameter.get("in"))) {
                String value = values.containsKey(name)
                        ? values.get(name)
                        : schema.get("enum") instanceof List<?> options && !options.isEmpty()
                                ? String.valueOf(options.get(0))
                                : null;
                if (value != null) {
                    path = path.replace("{" + name + "}", value);
                }
            } else if ("query".equals(parameter.get("in")) && values.containsKey(name)) {
                request = request.queryParam(name, values.get(name));
            } else if ("query".equals(parameter.get("in")) && VALID_QUERY.containsKey(name)) {
                request = request.queryParam(name, VALID_QUERY.get(name));
            }
        }
        if (values.containsKey("department")) {
            path = path.replace("{dept}", values.get("department"));
        }
        path = path.replace("{code}", "45000000010001").replaceAll("\\{[^}]+}", "SAMPLE_1");
        return request.request(operation.method().toUpperCase(), path);
    }
}
