package org.supervisionhub.common;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.supervisionhub.record.RecordFixture;
import org.supervisionhub.support.CreditCodeGenerator;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * Hostile JSON is refused while it is parsed, with a problem naming the broken limit (hub.json: nesting 64, numbers
 * of 400 characters, strings of 1,000,000), wherever it comes in: request bodies, JSON and NDJSON uploads, adapter
 * payloads and national callbacks.
 */
@QuarkusTest
class JsonLimitsTest {

    private static final String REGISTRY = Tokens.token("gx-registry", List.of("system"), "GX_SCJGJ", "450000");

    @Inject
    RecordFixture fixture;

    @Inject
    Db db;

    /** {@code {"a":{"a":...1...}}} nested {@code depth} objects deep. */
    private static String nested(int depth) {
        return "{\"a\":".repeat(depth) + "1" + "}".repeat(depth);
    }

    private static String subject(String nameValue) {
        return "{\"source\":\"gx-registry\",\"name\":" + nameValue + "}";
    }

    @Test
    void aTypedBodyIsRefusedAtItsFirstUnexpectedObjectWithoutReadingItsDepth() {
        String code = CreditCodeGenerator.enterprise("450103");

        given().auth()
                .oauth2(REGISTRY)
                .contentType(ContentType.JSON)
                .body(subject(nested(100)))
                .put("/api/v1/subjects/{code}", code)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("name"))
                .body("errors[0].code", equalTo("TYPE_MISMATCH"));

        assertThat(db.count("select count(*) from subject where credit_code = ?", code))
                .isZero();
    }

    @Test
    void aBodyNestedWithinTheLimitIsReadAsUsualUpToItsOwnValidation() {
        given().auth()
                .oauth2(REGISTRY)
                .contentType(ContentType.JSON)
                .body(subject(nested(20)))
                .put("/api/v1/subjects/{code}", CreditCodeGenerator.enterprise("450103"))
                .then()
                .statusCode(400)
                .body("code", equalTo("VALIDATION_FAILED"))
                .body("errors[0].field", equalTo("name"));
    }

    @Test
    void aNumberLongerThanTheLimitIsRefusedWith400NumberTooLong() {
        given().auth()
                .oauth2(REGISTRY)
                .contentType(ContentType.JSON)
                .body(subject("1".repeat(500)))
                .put("/api/v1/subjects/{code}", CreditCodeGenerator.enterprise("450103"))
                .then()
                .statusCode(400)
                .body("code", equalTo("NUMBER_TOO_LONG"));
    }

    @Test
    void aStringLongerThanTheLimitIsRefusedWith413StringTooLong() {
        given().auth()
                .oauth2(REGISTRY)
                .contentType(ContentType.JSON)
                .body(subject("\"" + "x".repeat(1_000_001) + "\""))
                .put("/api/v1/subjects/{code}", CreditCodeGenerator.enterprise("450103"))
                .then()
                .statusCode(413)
                .body("code", equalTo("STRING_TOO_LONG"));
    }

    @Test
    void aJsonUploadNestedTooDeepIsRefusedWhole() {
        RecordFixture.Department department = fixture.department();

        given().auth()
                .oauth2(department.systemToken())
                .contentType(ContentType.JSON)
                .body("[" + nested(200) + "]")
                .post("/api/v1/records")
                .then()
                .statusCode(400)
                .body("code", equalTo("NESTING_TOO_DEEP"));
    }

    @Test
    void anNdjsonLineNestedTooDeepIsThatRecordsErrorAndTheOthersAreStored() throws Exception {
        RecordFixture.Department department = fixture.department();
        String valid =
                new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(fixture.inspection(department));

        given().auth()
                .oauth2(department.systemToken())
                .contentType("application/x-ndjson")
                .body((valid + "\n" + nested(200) + "\n" + "[" + "1".repeat(500) + "]\n")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8))
                .post("/api/v1/records")
                .then()
                .statusCode(200)
                .body("accepted", equalTo(1))
                .body("rejected", equalTo(2))
                .body("issues[0].line", equalTo(2))
                .body("issues[0].errors[0].code", equalTo("NESTING_TOO_DEEP"))
                .body("issues[1].line", equalTo(3))
                .body("issues[1].errors[0].code", equalTo("NUMBER_TOO_LONG"));
    }

    @Test
    void anAdapterPayloadNestedTooDeepIsRefused() {
        RecordFixture.Department department = fixture.department();

        given().auth()
                .oauth2(Tokens.withRoles("system-ssj", List.of("system"), department.code(), "450100"))
                .contentType(ContentType.JSON)
                .body(nested(200))
                .post("/api/v1/adapters/ssj/inbound/inspection-results")
                .then()
                .statusCode(400)
                .body("code", equalTo("NESTING_TOO_DEEP"));
    }

    @Test
    void aNationalCallbackNestedTooDeepIsRefusedAndNotStored() {
        String nationalId = "DEEP-" + System.nanoTime();

        given().auth()
                .oauth2(Tokens.withRoles("national-platform", List.of("national"), null, null))
                .contentType(ContentType.JSON)
                .body("{\"nationalId\":\"" + nationalId + "\",\"detail\":" + nested(200) + "}")
                .post("/api/v1/national/callbacks/complaints")
                .then()
                .statusCode(400)
                .body("code", equalTo("NESTING_TOO_DEEP"));

        assertThat(db.count("select count(*) from inbox where national_id = ?", nationalId))
                .isZero();
    }

    @Test
    void aFineWithAHugeExponentIsARejectedRecordNotAServerError() {
        RecordFixture.Department department = fixture.department();
        java.util.Map<String, Object> record = fixture.penalty(department);
        String body;
        try {
            body = new com.fasterxml.jackson.databind.ObjectMapper()
                    .writeValueAsString(List.of(record))
                    .replace("\"fineAmount\":5000.0", "\"fineAmount\":1e999999999");
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        assertThat(body).contains("1e999999999");

        given().auth()
                .oauth2(department.systemToken())
                .contentType(ContentType.JSON)
                .body(body)
                .post("/api/v1/records")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors[0].field", equalTo("penalty.fineAmount"))
                .body("issues[0].errors[0].code", equalTo("INVALID_VALUE"))
                .body("issues[0].errors[0].message", equalTo("the value cannot be held by this field"));
    }

    @Test
    void aBodyThatIsNotJsonInUtf8IsRefusedAsMalformedNotAServerError() {
        byte[] utf32Garbage = {0, 0, 0, '{', '"', 'a'};

        given().auth()
                .oauth2(REGISTRY)
                .contentType(ContentType.JSON)
                .body(utf32Garbage)
                .put("/api/v1/subjects/{code}", CreditCodeGenerator.enterprise("450103"))
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("code", equalTo("MALFORMED_JSON"));
    }

    @Test
    void anNdjsonLineThatIsNotUtf8IsThatRecordsErrorNotAServerError() {
        RecordFixture.Department department = fixture.department();
        byte[] body = {0, 0, 0, '{', '\n'};

        given().auth()
                .oauth2(department.systemToken())
                .contentType("application/x-ndjson")
                .body(body)
                .post("/api/v1/records")
                .then()
                .statusCode(200)
                .body("rejected", equalTo(1))
                .body("issues[0].errors[0].code", equalTo("MALFORMED_JSON"));
    }
}
