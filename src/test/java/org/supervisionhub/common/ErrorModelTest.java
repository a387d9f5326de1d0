package org.supervisionhub.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class ErrorModelTest {

    private final String admin = Tokens.hubAdmin();

    @Test
    void unknownApiRouteIsProblemJson404() {
        given().auth().oauth2(admin).get("/api/v1/no-such-thing").then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("NOT_FOUND"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/no-such-thing"))
                .body("requestId", notNullValue());
    }

    @Test
    void malformedJsonIs400WithItsPosition() {
        given().auth().oauth2(admin).contentType(ContentType.JSON).body("{\"name\": ")
                .put("/api/v1/items/45000000090000").then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("MALFORMED_JSON"))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"sectorCode\":\"SAMR\",\"catalogLevel\":\"NATIONAL\",\"status\":\"SOMETIMES\",\"catalogVersion\":\"1\"}")
                .put("/api/v1/items/45000000090000").then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].code", equalTo("TYPE_MISMATCH"))
                .body("errors[0].message", containsString("IN_USE"));
    }

    @Test
    void unknownFieldIsRejectedByName() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"sectorCode\":\"SAMR\",\"catalogLevel\":\"NATIONAL\",\"status\":\"IN_USE\",\"catalogVersion\":\"1\",\"colour\":\"red\"}")
                .put("/api/v1/items/45000000090000").then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
    }

    @Test
    void everyValidationErrorIsReportedAtOnce() {
        given().auth().oauth2(admin).contentType(ContentType.JSON)
                .body("{\"parentCode\":\"12\",\"sectorCode\":\"samr\"}")
                .put("/api/v1/items/45000000090000").then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", org.hamcrest.Matchers.hasItems(
                        "name", "parentCode", "sectorCode", "catalogLevel", "status", "catalogVersion"))
                .body("errors.find { it.field == 'parentCode' }.code", equalTo("ITEM_CODE_INVALID"));
    }

    @Test
    void unsupportedMediaTypeIs415Problem() {
        given().auth().oauth2(admin).contentType(ContentType.XML).body("<item/>")
                .put("/api/v1/items/45000000090000").then()
                .statusCode(415)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void unsupportedMethodIs405Problem() {
        given().auth().oauth2(admin).patch("/api/v1/items/45000000090000").then()
                .statusCode(405)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void callerRequestIdIsEchoedInHeaderAndBody() {
        given().auth().oauth2(admin).header(RequestIds.HEADER, "trace-42.a").get("/api/v1/items/45999999999999").then()
                .statusCode(404)
                .header(RequestIds.HEADER, "trace-42.a")
                .body("requestId", equalTo("trace-42.a"))
                .body("code", equalTo("ITEM_NOT_FOUND"));
    }

    @Test
    void unsafeRequestIdIsReplacedByAGeneratedOne() {
        given().auth().oauth2(admin).header(RequestIds.HEADER, "evil\tlog line").get("/api/v1/items/45999999999999").then()
                .statusCode(404)
                .header(RequestIds.HEADER, matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void successfulResponsesCarryARequestIdToo() {
        given().auth().oauth2(admin).get("/api/v1/items?size=1").then()
                .statusCode(200)
                .header(RequestIds.HEADER, notNullValue());
    }
}
