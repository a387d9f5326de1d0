package org.supervisionhub.common.limit;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Management;
import org.supervisionhub.support.ScanClients;
import org.supervisionhub.support.Tokens;

/**
 * With Redis unreachable, person lookups fail closed (503 RATE_LIMIT_UNAVAILABLE) and scans fail open on this
 * replica's own token bucket; both fallbacks are counted.
 */
@QuarkusTest
@TestProfile(RedisDownProfile.class)
class RedisDownTest {

    @ConfigProperty(name = "quarkus.redis.hosts")
    String redisHosts;

    @ConfigProperty(name = "hub.credentials.verify-rate-limit.requests")
    int scanLimit;

    private static Response lookup(String officer) {
        return given().auth()
                .oauth2(Tokens.withRoles(officer, List.of("officer"), "NN_SCJGJ", "450100"))
                .contentType(ContentType.JSON)
                .body(Map.of("idNumber", "11010519491231002X"))
                .post("/api/v1/subjects/persons/lookup");
    }

    private static Response scan(String client) {
        return given().header("X-Forwarded-For", client)
                .queryParam("token", "garbage")
                .get("/api/v1/credentials/verify");
    }

    private static double counted(String metrics, String limit, String fallback) {
        Matcher sample = Pattern.compile("hub_rate_limit_fallback_total\\{[^}]*fallback=\"" + fallback
                        + "\"[^}]*limit=\"" + limit + "\"[^}]*} ([0-9.E]+)")
                .matcher(metrics);
        return sample.find() ? Double.parseDouble(sample.group(1)) : 0;
    }

    @Test
    void theProfilePointsRedisAtAClosedPort() {
        assertThat(redisHosts).startsWith("redis://127.0.0.1:").isNotEqualTo("redis://127.0.0.1:6379");
    }

    @Test
    void personLookupsAreRefusedWith503AndRetryAfter() {
        Response refused = lookup("officer-" + UUID.randomUUID());

        refused.then()
                .statusCode(503)
                .contentType("application/problem+json")
                .body("status", equalTo(503))
                .body("code", equalTo("RATE_LIMIT_UNAVAILABLE"));
        assertThat(Long.parseLong(refused.header("Retry-After"))).isPositive();
    }

    @Test
    void scansAreStillAnswered() {
        scan(ScanClients.newAddress()).then().statusCode(200).body("result", equalTo("FORGED"));
    }

    @Test
    void scansAreStillLimitedByTheLocalBucket() {
        String client = ScanClients.newAddress();
        for (int i = 0; i < scanLimit; i++) {
            scan(client).then().statusCode(200);
        }

        scan(client).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
    }

    @Test
    void everyFallbackAnswerIsCounted() {
        String before = Management.metrics();

        lookup("officer-" + UUID.randomUUID()).then().statusCode(503);
        scan(ScanClients.newAddress()).then().statusCode(200);

        String after = Management.metrics();
        assertThat(counted(after, "person-lookup", "refuse")).isEqualTo(counted(before, "person-lookup", "refuse") + 1);
        assertThat(counted(after, "scan", "local")).isEqualTo(counted(before, "scan", "local") + 1);
    }
}
