package org.supervisionhub.support;

import static io.restassured.RestAssured.given;

import io.restassured.http.ContentType;
import io.restassured.path.json.JsonPath;
import java.util.Map;

/** Drives the national platform simulator's control port from tests. */
public final class Simulator {

    private Simulator() {}

    public static void fault(String mode, Map<String, Object> options) {
        Map<String, Object> body = new java.util.HashMap<>(options);
        body.put("mode", mode);
        given().baseUri(NationalSimulatorResource.controlUrl())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/sim/faults")
                .then()
                .statusCode(200);
    }

    /** Where the simulator sends its callbacks: the hub under test. */
    public static void pointAt(int hubPort) {
        given().baseUri(NationalSimulatorResource.controlUrl())
                .contentType(ContentType.JSON)
                .body(Map.of("hub", "http://127.0.0.1:" + hubPort))
                .post("/sim/config")
                .then()
                .statusCode(200);
    }

    /** Issues a message to the hub's callback, as the national platform; query options per the simulator. */
    public static JsonPath issue(String kind, Map<String, Object> message, String query) {
        return given().baseUri(NationalSimulatorResource.controlUrl())
                .contentType(ContentType.JSON)
                .body(message)
                .post("/sim/issue/" + kind + query)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    /** Whether the simulator has received the disposition of what it issued under the national id. */
    public static boolean loopClosed(String nationalId) {
        return given().baseUri(NationalSimulatorResource.controlUrl())
                .get("/sim/loops")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getList("findAll { it.nationalId == '" + nationalId + "' }.closed", Boolean.class)
                .contains(true);
    }

    public static void healthy() {
        fault("none", Map.of());
    }

    /** The record the simulator stores under the unique id, or null. */
    public static JsonPath record(String uniqueId) {
        var response = given().baseUri(NationalSimulatorResource.controlUrl()).get("/sim/records/{id}", uniqueId);
        return response.statusCode() == 200 ? response.jsonPath() : null;
    }

    public static JsonPath stats() {
        return given().baseUri(NationalSimulatorResource.controlUrl())
                .get("/sim/stats")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }
}
