package org.supervisionhub.portal;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.smallrye.jwt.build.Jwt;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyPairGenerator;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Single sign-on against a real Keycloak (the realm in k8s/keycloak): browser SSO between two web applications with
 * logout everywhere, and the service accounts of docked systems, each held to its audience and department.
 * Run alone: {@code bash scripts/e2e-prereqs.sh && mvn verify -Dtest=SingleSignOnTest}.
 */
@QuarkusTest
@TestProfile(KeycloakProfile.class)
class SingleSignOnTest {

    private static final String TOKEN_URL = KeycloakResource.URL + "/protocol/openid-connect/token";

    @BeforeEach
    void prerequisites() {
        if (SsoPrerequisites.required()) {
            assertThat(SsoPrerequisites.present())
                    .as("Chromium, playwright-core and Keycloak (scripts/e2e-prereqs.sh)")
                    .isTrue();
        }
        Assumptions.assumeTrue(SsoPrerequisites.present(), "SSO prerequisites missing: run scripts/e2e-prereqs.sh");
    }

    private static String serviceToken(String client) {
        return given().formParam("grant_type", "client_credentials")
                .formParam("client_id", client)
                .formParam("client_secret", client + "-secret")
                .post(TOKEN_URL)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getString("access_token");
    }

    @Test
    void userSignsInOnceAcrossTwoApplicationsAndSignsOutOfBoth() throws Exception {
        Path screenshot = Path.of("target", "e2e", "portal.png").toAbsolutePath();
        Files.createDirectories(screenshot.getParent());
        Files.deleteIfExists(screenshot);
        ProcessBuilder browser = new ProcessBuilder(
                        "node",
                        "src/test/e2e/sso.cjs",
                        "http://localhost:" + KeycloakResource.HUB_PORT,
                        screenshot.toString())
                .redirectErrorStream(true);
        browser.environment().put("NODE_PATH", SsoPrerequisites.nodePath());
        Process process = browser.start();
        boolean finished = process.waitFor(Duration.ofMinutes(2).toSeconds(), TimeUnit.SECONDS);
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        Files.writeString(Path.of("target", "e2e", "sso.log"), output);

        assertThat(finished).as("browser run finished").isTrue();
        assertThat(output)
                .contains(
                        "STEP signed in to the partner application as nn-dept-admin",
                        "PORTAL department=450100_SAMR region=450100 roles=dept-admin",
                        "STEP portal opened without a second sign-in (SSO)",
                        "API status=200",
                        "STEP signed out of the portal (RP-initiated logout)",
                        "STEP partner application signed out too (back-channel logout)",
                        "OK");
        assertThat(process.exitValue()).as(output).isZero();
        assertThat(screenshot).exists();
    }

    @Test
    void dockedSystemTokenWorksWithinItsDepartmentOnly() {
        String ssj = serviceToken("system-ssj");

        given().auth()
                .oauth2(ssj)
                .get("/api/v1/records?department=450100_SAMR")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(ssj)
                .get("/api/v1/records?department=450200_SAMR")
                .then()
                .statusCode(403)
                .body("code", equalTo("DEPARTMENT_OUT_OF_SCOPE"));
        given().auth()
                .oauth2(serviceToken("system-zfjd"))
                .get("/api/v1/records?department=450200_SAMR")
                .then()
                .statusCode(200);
    }

    @Test
    void tokenForAnotherAudienceIsRejected() {
        given().auth()
                .oauth2(serviceToken("other-app"))
                .get("/api/v1/records")
                .then()
                .statusCode(401);
    }

    @Test
    void expiredTokenIsRejected() throws InterruptedException {
        String shortLived = serviceToken("system-short-lived");
        given().auth().oauth2(shortLived).get("/api/v1/records").then().statusCode(200);

        Thread.sleep(6_500);

        given().auth().oauth2(shortLived).get("/api/v1/records").then().statusCode(401);
    }

    @Test
    void tokenSignedByAForeignKeyIsRejected() throws NoSuchAlgorithmException {
        KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
        generator.initialize(2048);
        String forged = Jwt.issuer(KeycloakResource.URL.replace("localhost", "localhost"))
                .subject("intruder")
                .audience("supervision-hub")
                .claim("realm_access", java.util.Map.of("roles", List.of("hub-admin")))
                .claim("dept_code", "450100_SAMR")
                .expiresIn(300)
                .sign(generator.generateKeyPair().getPrivate());

        given().auth().oauth2(forged).get("/api/v1/records").then().statusCode(401);
    }

    @Test
    void nationalPlatformAccountMayCallBackWithoutASignature() throws IOException {
        given().auth()
                .oauth2(serviceToken("national-platform"))
                .contentType("application/json")
                .body("{\"nationalId\": \"SSO-" + System.nanoTime() + "\", \"title\": \"SSO callback\"}")
                .post("/api/v1/national/callbacks/complaints")
                .then()
                .statusCode(200);
        given().auth()
                .oauth2(serviceToken("system-ssj"))
                .contentType("application/json")
                .body("{\"nationalId\": \"SSO-X\", \"title\": \"not national\"}")
                .post("/api/v1/national/callbacks/complaints")
                .then()
                .statusCode(401);
    }
}
