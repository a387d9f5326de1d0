package org.supervisionhub.common;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.contains;
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
        given().auth()
                .oauth2(admin)
                .get("/api/v1/no-such-thing")
                .then()
                .statusCode(404)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("NOT_FOUND"))
                .body("status", equalTo(404))
                .body("instance", equalTo("/api/v1/no-such-thing"))
                .body("requestId", notNullValue());
    }

    @Test
    void malformedJsonIs400WithItsPosition() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"name\": ")
                .put("/api/v1/items/45000000090000")
                .then()
                .statusCode(400)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("MALFORMED_JSON"))
                .body("detail", not(containsString("com.fasterxml")));
    }

    @Test
    void wrongJsonTypeNamesTheField() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(
                        "{\"name\":\"x\",\"sectorCode\":\"SAMR\",\"catalogLevel\":\"NATIONAL\",\"status\":\"SOMETIMES\",\"catalogVersion\":\"1\"}")
                .put("/api/v1/items/45000000090000")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("status"))
                .body("errors[0].code", equalTo("TYPE_MISMATCH"))
                .body("errors[0].message", containsString("IN_USE"));
    }

    @Test
    void unknownFieldIsRejectedByName() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body(
                        "{\"name\":\"x\",\"sectorCode\":\"SAMR\",\"catalogLevel\":\"NATIONAL\",\"status\":\"IN_USE\",\"catalogVersion\":\"1\",\"colour\":\"red\"}")
                .put("/api/v1/items/45000000090000")
                .then()
                .statusCode(400)
                .body("errors[0].field", equalTo("colour"))
                .body("errors[0].code", equalTo("UNKNOWN_FIELD"));
    }

    @Test
    void everyValidationErrorIsReportedAtOnce() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"parentCode\":\"12\",\"sectorCode\":\"samr\"}")
                .put("/api/v1/items/45000000090000")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body(
                        "errors.field",
                        org.hamcrest.Matchers.hasItems(
                                "name", "parentCode", "sectorCode", "catalogLevel", "status", "catalogVersion"))
                .body("errors.find { it.field == 'parentCode' }.code", equalTo("ITEM_CODE_INVALID"));
    }

    @Test
    void malformedItemCodeIsOneViolationInBodyQueryAndPath() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.JSON)
                .body("{\"name\":\"x\",\"parentCode\":\"4501\",\"sectorCode\":\"SAMR\",\"catalogLevel\":\"NATIONAL\","
                        + "\"status\":\"IN_USE\",\"catalogVersion\":\"1\"}")
                .put("/api/v1/items/45000000090000")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("parentCode"))
                .body("errors.code", contains("ITEM_CODE_INVALID"));
        given().auth()
                .oauth2(admin)
                .queryParam("parent", "4501")
                .get("/api/v1/items")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("parent"))
                .body("errors.code", contains("ITEM_CODE_INVALID"));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/items/4501")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("code"))
                .body("errors.code", contains("ITEM_CODE_INVALID"));
    }

    @Test
    void malformedCreditCodeIsOneViolationInQueryAndPath() {
        String badCode = "91350100M000100Y44";
        given().auth()
                .oauth2(admin)
                .queryParam("subject", badCode)
                .get("/api/v1/records")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("subject"))
                .body("errors.code", contains("CREDIT_CODE_INVALID"));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/subjects/{code}", badCode)
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("creditCode"))
                .body("errors.code", contains("CREDIT_CODE_INVALID"));
    }

    @Test
    void periodEndingBeforeItStartsIsOneViolationInEveryQuery() {
        given().auth()
                .oauth2(admin)
                .get("/api/v1/records?from=2026-02-01&to=2026-01-01")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("to"))
                .body("errors.code", contains("DATE_RANGE_INVALID"));
        given().auth()
                .oauth2(admin)
                .get("/api/v1/stats/coverage?from=2026-05-01&to=2026-04-01")
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors.field", contains("to"))
                .body("errors.code", contains("DATE_RANGE_INVALID"));
    }

    @Test
    void everyProblemCodeIsACatalogEntry() {
        java.util.Set<String> catalog = java.util.Arrays.stream(ErrorCode.values())
                .map(Enum::name)
                .collect(java.util.stream.Collectors.toSet());
        String[] codes = {
            given().auth()
                    .oauth2(admin)
                    .get("/api/v1/no-such-thing")
                    .then()
                    .extract()
                    .path("code"),
            given().auth()
                    .oauth2(admin)
                    .patch("/api/v1/items/45000000090000")
                    .then()
                    .extract()
                    .path("code"),
            given().get("/api/v1/items/45000000090000").then().extract().path("code"),
            given().auth()
                    .oauth2(admin)
                    .get("/api/v1/items/4501")
                    .then()
                    .extract()
                    .path("errors[0].code"),
        };
        org.assertj.core.api.Assertions.assertThat(codes)
                .allSatisfy(code ->
                        org.assertj.core.api.Assertions.assertThat(catalog).contains(code));
    }

    @Test
    void unsupportedMediaTypeIs415Problem() {
        given().auth()
                .oauth2(admin)
                .contentType(ContentType.XML)
                .body("<item/>")
                .put("/api/v1/items/45000000090000")
                .then()
                .statusCode(415)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("UNSUPPORTED_MEDIA_TYPE"));
    }

    @Test
    void unsupportedMethodIs405Problem() {
        given().auth()
                .oauth2(admin)
                .patch("/api/v1/items/45000000090000")
                .then()
                .statusCode(405)
                .contentType(Problem.MEDIA_TYPE)
                .body("code", equalTo("METHOD_NOT_ALLOWED"));
    }

    @Test
    void callerRequestIdIsEchoedInHeaderAndBody() {
        given().auth()
                .oauth2(admin)
                .header(RequestIds.HEADER, "trace-42.a")
                .get("/api/v1/items/45999999999999")
                .then()
                .statusCode(404)
                .header(RequestIds.HEADER, "trace-42.a")
                .body("requestId", equalTo("trace-42.a"))
                .body("code", equalTo("ITEM_NOT_FOUND"));
    }

    @Test
    void unsafeRequestIdIsReplacedByAGeneratedOne() {
        given().auth()
                .oauth2(admin)
                .header(RequestIds.HEADER, "evil\tlog line")
                .get("/api/v1/items/45999999999999")
                .then()
                .statusCode(404)
                .header(RequestIds.HEADER, matchesPattern("[0-9a-f-]{36}"));
    }

    @Test
    void successfulResponsesCarryARequestIdToo() {
        given().auth()
                .oauth2(admin)
                .get("/api/v1/items?size=1")
                .then()
                .statusCode(200)
                .header(RequestIds.HEADER, notNullValue());
    }
}
