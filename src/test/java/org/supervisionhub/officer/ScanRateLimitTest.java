package org.supervisionhub.officer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.redis.datasource.RedisDataSource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.ScanClients;

/**
 * The public scan limit is one count per client address across every replica, kept in Redis; the address comes from
 * X-Forwarded-For only when the connection's peer is a trusted proxy (127.0.0.1 and ::1 in the test profile).
 */
@QuarkusTest
class ScanRateLimitTest {

    private static final String VERIFY = "/api/v1/credentials/verify";

    @Inject
    VerifyRateLimiter limiter;

    @Inject
    CredentialsConfig config;

    @Inject
    RedisDataSource redis;

    @TestHTTPResource("/")
    URI base;

    private static Response scan(String client) {
        return given().header("X-Forwarded-For", client)
                .queryParam("token", "garbage")
                .get(VERIFY);
    }

    private Long counter(String client) {
        io.vertx.mutiny.redis.client.Response value = redis.execute("GET", limiter.key(client));
        return value == null ? null : value.toLong();
    }

    private long remainingMillis(String client) {
        return redis.execute("PTTL", limiter.key(client)).toLong();
    }

    @Test
    void twoScansBeyondTheLimitAreBothRefusedWithRetryAfter() {
        String client = ScanClients.newAddress();
        int limit = config.verifyRateLimit().requests();
        for (int i = 0; i < limit; i++) {
            scan(client).then().statusCode(200).body("result", equalTo("FORGED"));
        }

        for (int i = 0; i < 2; i++) {
            Response refused = scan(client);
            refused.then()
                    .statusCode(429)
                    .contentType("application/problem+json")
                    .body("status", equalTo(429))
                    .body("code", equalTo("RATE_LIMITED"))
                    .body("detail", containsString("too many verifications from this address"));
            assertThat(Long.parseLong(refused.header("Retry-After")))
                    .isBetween(1L, config.verifyRateLimit().period().toSeconds());
        }
        assertThat(counter(client)).isEqualTo(limit + 2L);
    }

    @Test
    void theCountLivesInRedisForOnePeriod() {
        String client = ScanClients.newAddress();

        scan(client).then().statusCode(200);

        assertThat(counter(client)).isEqualTo(1L);
        assertThat(remainingMillis(client))
                .isPositive()
                .isLessThanOrEqualTo(config.verifyRateLimit().period().toMillis());
    }

    @Test
    void scansCountedByAnotherReplicaUseUpTheSameLimit() {
        String client = ScanClients.newAddress();
        // Another replica has answered this client's whole allowance in the current window.
        redis.execute(
                "SET",
                limiter.key(client),
                String.valueOf(config.verifyRateLimit().requests()),
                "PX",
                String.valueOf(config.verifyRateLimit().period().toMillis()));

        scan(client).then().statusCode(429).body("code", equalTo("RATE_LIMITED"));
        scan(ScanClients.newAddress()).then().statusCode(200);
    }

    @Test
    void aTrustedProxyNamesTheClientByXForwardedFor() {
        String client = ScanClients.newAddress();

        scan(client).then().statusCode(200);

        assertThat(counter(client)).as("the forwarded client's bucket").isEqualTo(1L);
    }

    @Test
    void aSpoofedXForwardedForFromAnUntrustedPeerDoesNotChangeTheBucket() throws Exception {
        String untrustedPeer = "127.0.0.2";
        String spoofed = ScanClients.newAddress();
        redis.execute("DEL", limiter.key(untrustedPeer));

        int status = ScanClients.statusFrom(untrustedPeer, base, VERIFY + "?token=garbage", spoofed);

        assertThat(status).isEqualTo(200);
        assertThat(counter(spoofed)).as("the spoofed address's bucket").isNull();
        assertThat(counter(untrustedPeer)).as("the peer's own bucket").isEqualTo(1L);
    }

    @Test
    void rotatingSpoofedAddressesDoesNotEscapeTheLimit() throws Exception {
        String untrustedPeer = "127.0.0.3";
        redis.execute("DEL", limiter.key(untrustedPeer));
        int limit = config.verifyRateLimit().requests();
        for (int i = 0; i < limit; i++) {
            assertThat(ScanClients.statusFrom(untrustedPeer, base, VERIFY + "?token=garbage", ScanClients.newAddress()))
                    .isEqualTo(200);
        }

        assertThat(ScanClients.statusFrom(untrustedPeer, base, VERIFY + "?token=garbage", ScanClients.newAddress()))
                .isEqualTo(429);
    }
}
