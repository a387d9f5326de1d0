package org.supervisionhub.subject;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.code.IdNumbers;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.Tokens;

/**
 * Person lookups by ID number are limited per caller (the token's subject), one count across every replica kept in
 * Redis; every answered lookup is audited, no refused one is.
 */
@QuarkusTest
class PersonLookupLimitTest {

    private static final String REGISTRY = Tokens.token("gx-registry", List.of("system"), "GX_SCJGJ", "450000");

    @Inject
    Db db;

    @Inject
    SubjectService subjects;

    @Inject
    SubjectsConfig config;

    @Inject
    RedisDataSource redis;

    /** An officer that no other test is: its own subject, so its own count. */
    private static String newOfficer() {
        return "officer-" + UUID.randomUUID();
    }

    private static String tokenOf(String officer) {
        return Tokens.withRoles(officer, List.of("officer"), "NN_SCJGJ", "450100");
    }

    private static String newIdNumber() {
        long n = System.nanoTime();
        String first17 = "450103" + (1950 + n % 50) + String.format("%02d", 1 + n / 50 % 12) + "1" + (n / 600 % 9)
                + String.format("%03d", n / 7 % 1000);
        return first17 + IdNumbers.checkCharacter(first17);
    }

    private static String registeredPerson() {
        String idNumber = newIdNumber();
        given().auth()
                .oauth2(REGISTRY)
                .contentType(ContentType.JSON)
                .body(Map.of("source", "gx-registry", "idNumber", idNumber, "name", "韦十一", "regionCode", "450103"))
                .post("/api/v1/subjects/persons")
                .then()
                .statusCode(201);
        return idNumber;
    }

    private static Response lookup(String officer, String idNumber) {
        return given().auth()
                .oauth2(tokenOf(officer))
                .contentType(ContentType.JSON)
                .body(Map.of("idNumber", idNumber))
                .post("/api/v1/subjects/persons/lookup");
    }

    private long auditedReadsBy(String officer) {
        return db.count("select count(*) from audit_log where action = 'PERSONAL_DATA_READ' and actor = ?", officer);
    }

    @Test
    void twoLookupsBeyondTheLimitAreBothRefusedWithRetryAfterAndNotAudited() {
        String officer = newOfficer();
        String idNumber = registeredPerson();
        int limit = config.personLookupLimit().requests();
        for (int i = 0; i < limit; i++) {
            lookup(officer, idNumber).then().statusCode(200).body("name", equalTo("韦十一"));
        }

        for (int i = 0; i < 2; i++) {
            Response refused = lookup(officer, idNumber);
            refused.then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .body("status", equalTo(429))
                    .body("code", equalTo("RATE_LIMITED"))
                    .body("detail", containsString("too many person lookups by this caller"));
            assertThat(Long.parseLong(refused.header("Retry-After")))
                    .isBetween(1L, config.personLookupLimit().period().toSeconds());
            assertThat(refused.asString()).doesNotContain(idNumber).doesNotContain("韦十一");
        }
        assertThat(auditedReadsBy(officer))
                .as("answered lookups are audited, refused ones are not")
                .isEqualTo(limit);
    }

    @Test
    void lookupsOfUnknownNumbersCountToo() {
        String officer = newOfficer();
        for (int i = 0; i < config.personLookupLimit().requests(); i++) {
            lookup(officer, newIdNumber()).then().statusCode(404).body("code", equalTo("SUBJECT_NOT_FOUND"));
        }

        lookup(officer, newIdNumber()).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void theLimitIsPerCaller() {
        String busy = newOfficer();
        String idNumber = registeredPerson();
        redis.execute(
                "SET",
                subjects.personLookupKey(busy),
                String.valueOf(config.personLookupLimit().requests()),
                "PX",
                "60000");
        lookup(busy, idNumber).then().statusCode(429);

        lookup(newOfficer(), idNumber).then().statusCode(200);
    }

    @Test
    void lookupsCountedByAnotherReplicaUseUpTheSameLimit() {
        String officer = newOfficer();
        String idNumber = registeredPerson();
        // Another replica has answered all but one of this caller's lookups in the current window.
        redis.execute(
                "SET",
                subjects.personLookupKey(officer),
                String.valueOf(config.personLookupLimit().requests() - 1),
                "PX",
                String.valueOf(config.personLookupLimit().period().toMillis()));

        lookup(officer, idNumber).then().statusCode(200);
        lookup(officer, idNumber).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));

        assertThat(redis.execute("GET", subjects.personLookupKey(officer)).toLong())
                .isEqualTo(config.personLookupLimit().requests() + 1L);
    }

    @Test
    void aRefusedCallerIsNotToldWhetherTheNumberExists() {
        String officer = newOfficer();
        String known = registeredPerson();
        redis.execute(
                "SET",
                subjects.personLookupKey(officer),
                String.valueOf(config.personLookupLimit().requests()),
                "PX",
                "60000");

        lookup(officer, known).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
        lookup(officer, newIdNumber()).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
    }
}
