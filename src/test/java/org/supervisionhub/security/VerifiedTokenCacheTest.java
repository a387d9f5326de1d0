package org.supervisionhub.security;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.oidc.runtime.OidcIdentityProvider;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Management;
import org.supervisionhub.support.Tokens;

/** The verified-token cache saves work without ever accepting what verification would refuse. */
@QuarkusTest
class VerifiedTokenCacheTest {

    private static final String ITEMS = "/api/v1/items?size=1";

    @Inject
    VerifiedTokenCache cache;

    @Inject
    OidcIdentityProvider oidc;

    @Test
    void theCacheIsConsultedBeforeOidcVerifiesAnything() {
        assertThat(cache.priority()).isGreaterThan(oidc.priority());
    }

    private static double cacheCount(String result) {
        String metrics = Management.given()
                .get("/q/metrics")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        Matcher matcher = Pattern.compile("hub_token_cache_total\\{result=\"" + result + "\"[^}]*} ([0-9.E]+)")
                .matcher(metrics);
        return matcher.find() ? Double.parseDouble(matcher.group(1)) : 0;
    }

    @Test
    void aReusedTokenIsVerifiedOnceAndServedFromTheCacheAfterwards() {
        String token = Tokens.token("cache-user-1", List.of("system"), "NN_SCJGJ", "450100");
        double hitsBefore = cacheCount("hit");
        double missesBefore = cacheCount("miss");

        for (int i = 0; i < 5; i++) {
            given().auth().oauth2(token).get(ITEMS).then().statusCode(200);
        }

        assertThat(cacheCount("miss") - missesBefore).isEqualTo(1);
        assertThat(cacheCount("hit") - hitsBefore).isEqualTo(4);
    }

    @Test
    void aCachedTokenIsRefusedOnceItExpires() throws InterruptedException {
        String token = Tokens.expiringIn(2, "cache-user-2", List.of("system"));
        given().auth().oauth2(token).get(ITEMS).then().statusCode(200);

        Thread.sleep(3_100);

        given().auth().oauth2(token).get(ITEMS).then().statusCode(401);
    }

    @Test
    void aTokenDifferingFromACachedOneOnlyInItsSignatureIsRefused() {
        String token = Tokens.token("cache-user-3", List.of("hub-admin"), null, null);
        given().auth().oauth2(token).get(ITEMS).then().statusCode(200);
        char last = token.charAt(token.length() - 2);
        String tampered =
                token.substring(0, token.length() - 2) + (last == 'A' ? 'B' : 'A') + token.charAt(token.length() - 1);

        given().auth().oauth2(tampered).get(ITEMS).then().statusCode(401);
    }

    @Test
    void aTokenDifferingFromACachedOneInItsClaimsIsRefused() {
        String token = Tokens.token("cache-user-4", List.of("system"), "NN_SCJGJ", "450100");
        given().auth().oauth2(token).get(ITEMS).then().statusCode(200);
        String[] parts = token.split("\\.");
        String forgedClaims = java.util.Base64.getUrlEncoder()
                .withoutPadding()
                .encodeToString(new String(
                                java.util.Base64.getUrlDecoder().decode(parts[1]),
                                java.nio.charset.StandardCharsets.UTF_8)
                        .replace("\"system\"", "\"hub-admin\"")
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));

        given().auth()
                .oauth2(parts[0] + "." + forgedClaims + "." + parts[2])
                .get("/api/v1/audit/verification")
                .then()
                .statusCode(401);
    }

    @Test
    void eachCachedCallerKeepsItsOwnDepartment() {
        String nanning = Tokens.deptAdmin("NN_SCJGJ", "450100");
        String liuzhou = Tokens.deptAdmin("LZ_SCJGJ", "450200");
        for (int i = 0; i < 3; i++) {
            given().auth()
                    .oauth2(nanning)
                    .get("/api/v1/stats/claims")
                    .then()
                    .statusCode(200)
                    .body("department", org.hamcrest.Matchers.equalTo("NN_SCJGJ"));
            given().auth()
                    .oauth2(liuzhou)
                    .get("/api/v1/stats/claims")
                    .then()
                    .statusCode(200)
                    .body("department", org.hamcrest.Matchers.equalTo("LZ_SCJGJ"));
        }
    }
}
