package org.supervisionhub.officer;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.matchesPattern;
import static org.hamcrest.Matchers.not;
import static org.supervisionhub.officer.Credentials.GUANGXI_SYSTEM;
import static org.supervisionhub.officer.Credentials.ISSUER;
import static org.supervisionhub.officer.Credentials.TODAY;
import static org.supervisionhub.officer.Credentials.body;
import static org.supervisionhub.officer.Credentials.create;
import static org.supervisionhub.officer.Credentials.newAccount;
import static org.supervisionhub.officer.Credentials.newCertNo;
import static org.supervisionhub.officer.Credentials.newIdNumber;
import static org.supervisionhub.officer.Credentials.officerToken;
import static org.supervisionhub.officer.Credentials.put;
import static org.supervisionhub.officer.Credentials.with;
import static org.supervisionhub.officer.Credentials.withHolder;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.ECGenParameterSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.jboss.logmanager.ExtLogRecord;
import org.jose4j.jwk.JsonWebKeySet;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.HmacKey;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.supervisionhub.support.Db;
import org.supervisionhub.support.ScanClients;
import org.supervisionhub.support.Tokens;

@QuarkusTest
class ElectronicCredentialResourceTest {

    private static final String VERIFY_BASE =
            "https://verify.test.supervision-hub.local/api/v1/credentials/verify?token=";

    @Inject
    Db db;

    @Inject
    CredentialsConfig config;

    /** The scanning client of the current test, so that no two tests share a rate-limit bucket. */
    private static String scanner;

    @BeforeEach
    void newScanner() {
        scanner = ScanClients.newAddress();
    }

    /** A valid certificate (category SAMR) whose holder signs in as the returned account. */
    private record Holder(String account, String idNumber, String certNo) {}

    private static Holder holderWithCertificate() {
        String account = newAccount();
        String idNumber = newIdNumber();
        return new Holder(account, idNumber, create(body(idNumber, account)));
    }

    private static Response issue(String token, String certNo) {
        return given().auth()
                .oauth2(token)
                .contentType(ContentType.JSON)
                .body(Map.of("issuer", ISSUER, "certNo", certNo))
                .post("/api/v1/credentials/e-credential");
    }

    private static String tokenFor(Holder holder) {
        return issue(officerToken(holder.account()), holder.certNo())
                .then()
                .statusCode(200)
                .extract()
                .path("token");
    }

    private static Response verify(String token) {
        return given().header("X-Forwarded-For", scanner)
                .queryParam("token", token)
                .get("/api/v1/credentials/verify");
    }

    private static void assertOnlyResult(Response response, String result) {
        response.then().statusCode(200).contentType(ContentType.JSON);
        assertThat(response.jsonPath().getMap("$")).isEqualTo(Map.of("result", result));
    }

    private UUID publicId(String certNo) {
        return (UUID) db.single("select public_id from certificate where issuer = ? and cert_no = ?", ISSUER, certNo);
    }

    private PrivateKey configuredKey(int index) {
        return CredentialKeys.parsePrivateKey(config.signingKeys().get(index).privateKey(), "test key " + index);
    }

    private String kid(int index) {
        return config.signingKeys().get(index).kid();
    }

    private String sign(JwtClaims claims, String algorithm, String kid, java.security.Key key) throws Exception {
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(algorithm);
        jws.setKeyIdHeaderValue(kid);
        jws.setKey(key);
        jws.setDoKeyValidation(false);
        return jws.getCompactSerialization();
    }

    private JwtClaims claims(UUID publicId, Instant issuedAt, Instant expiresAt) {
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(config.tokenIssuer());
        claims.setSubject(publicId.toString());
        claims.setJwtId(UUID.randomUUID().toString());
        claims.setIssuedAt(NumericDate.fromSeconds(issuedAt.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        return claims;
    }

    private static String part(String token, int index) {
        return new String(Base64.getUrlDecoder().decode(token.split("\\.")[index]), StandardCharsets.UTF_8);
    }

    private static String encode(String json) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(json.getBytes(StandardCharsets.UTF_8));
    }

    // ---- issuing -------------------------------------------------------------------------------------

    @Test
    void holderGetsAShortLivedTokenAndTheUrlItsQrCodeCarries() {
        Holder holder = holderWithCertificate();

        Response response = issue(officerToken(holder.account()), holder.certNo());

        response.then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .body("token", matchesPattern("[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+\\.[A-Za-z0-9_-]+"))
                .body("expiresAt", matchesPattern(".*\\+08:00"));
        String token = response.path("token");
        assertThat(response.<String>path("verifyUrl")).isEqualTo(VERIFY_BASE + token);
        assertThat(part(token, 0)).contains("\"alg\":\"ES256\"").contains("\"kid\":\"" + kid(0) + "\"");
    }

    @Test
    void tokenCarriesOnlyAnOpaqueReferenceAndLivesFiveMinutes() {
        Holder holder = holderWithCertificate();

        String payload = part(tokenFor(holder), 1);

        Map<String, Object> claims =
                io.restassured.path.json.JsonPath.from(payload).getMap("$");
        assertThat(claims).containsOnlyKeys("iss", "sub", "jti", "iat", "exp");
        assertThat(claims.get("sub")).isEqualTo(publicId(holder.certNo()).toString());
        assertThat(((Number) claims.get("exp")).longValue() - ((Number) claims.get("iat")).longValue())
                .isEqualTo(300);
        assertThat(payload).doesNotContain(holder.certNo()).doesNotContain("张三").doesNotContain(holder.idNumber());
    }

    @Test
    void issuingIsAudited() {
        Holder holder = holderWithCertificate();

        tokenFor(holder);

        assertThat(db.count(
                        "select count(*) from audit_log where action = 'E_CREDENTIAL_ISSUED' and entity_id = ? "
                                + "and actor = ?",
                        ISSUER + ":" + holder.certNo(),
                        holder.account()))
                .isEqualTo(1);
    }

    @Test
    void officerCannotShowSomeoneElsesCertificate() {
        Holder holder = holderWithCertificate();

        issue(officerToken(newAccount()), holder.certNo())
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("code", equalTo("NOT_YOUR_CREDENTIAL"));
    }

    @Test
    void certificateWithoutAnAccountCannotBeShown() {
        String certNo = create(body(newIdNumber()));

        issue(officerToken(newAccount()), certNo).then().statusCode(403).body("code", equalTo("NOT_YOUR_CREDENTIAL"));
    }

    @Test
    void suspendedCertificateCannotBeShown() {
        String account = newAccount();
        String certNo = create(with(body(newIdNumber(), account), "status", "SUSPENDED"));

        issue(officerToken(account), certNo).then().statusCode(409).body("code", equalTo("CERTIFICATE_SUSPENDED"));
    }

    @Test
    void expiredCertificateCannotBeShown() {
        String account = newAccount();
        String certNo = create(with(
                with(
                        body(newIdNumber(), account),
                        "validFrom",
                        TODAY.minusYears(4).toString()),
                "validTo",
                TODAY.minusDays(1).toString()));

        issue(officerToken(account), certNo).then().statusCode(409).body("code", equalTo("CERTIFICATE_EXPIRED"));
    }

    @Test
    void unknownCertificateCannotBeShown() {
        issue(officerToken(newAccount()), newCertNo())
                .then()
                .statusCode(404)
                .body("code", equalTo("CERTIFICATE_NOT_FOUND"));
    }

    @Test
    void onlyOfficersShowCredentials() {
        Holder holder = holderWithCertificate();

        issue(Tokens.withRoles(holder.account(), List.of("dept-admin"), "NN_SCJGJ", "450100"), holder.certNo())
                .then()
                .statusCode(403)
                .body("code", equalTo("FORBIDDEN"));
        given().contentType(ContentType.JSON)
                .body(Map.of("issuer", ISSUER, "certNo", holder.certNo()))
                .post("/api/v1/credentials/e-credential")
                .then()
                .statusCode(401);
    }

    // ---- verifying -----------------------------------------------------------------------------------

    @Test
    void scanOfAFreshTokenShowsTheValidCertificateThenRevocationInRealTime() {
        Holder holder = holderWithCertificate();
        String token = tokenFor(holder);

        verify(token)
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .header("Cache-Control", containsString("no-store"))
                .body("result", equalTo("VALID"))
                .body("holderName", equalTo("张三"))
                .body("photoRef", equalTo("photos/officer.jpg"))
                .body("departmentName", equalTo("南宁市市场监督管理局"))
                .body("categories", equalTo(List.of("SAMR")))
                .body("validFrom", equalTo(TODAY.minusYears(1).toString()))
                .body("validTo", equalTo(TODAY.plusYears(3).toString()))
                .body("kind", equalTo("PROVINCIAL"))
                .body("$", not(hasKey("idNumberMasked")));

        put(GUANGXI_SYSTEM, holder.certNo(), with(body(holder.idNumber(), holder.account()), "status", "REVOKED"))
                .then()
                .statusCode(200);

        verify(token).then().statusCode(200).body("result", equalTo("REVOKED")).body("holderName", equalTo("张三"));
    }

    @Test
    void certificateSuspendedAfterIssuingIsReportedSuspended() {
        Holder holder = holderWithCertificate();
        String token = tokenFor(holder);

        put(GUANGXI_SYSTEM, holder.certNo(), with(body(holder.idNumber(), holder.account()), "status", "SUSPENDED"))
                .then()
                .statusCode(200);

        verify(token).then().statusCode(200).body("result", equalTo("SUSPENDED"));
    }

    @Test
    void certificateWhoseValidityEndedAfterIssuingIsReportedExpired() {
        Holder holder = holderWithCertificate();
        String token = tokenFor(holder);

        put(
                        GUANGXI_SYSTEM,
                        holder.certNo(),
                        with(
                                with(
                                        body(holder.idNumber(), holder.account()),
                                        "validFrom",
                                        TODAY.minusYears(4).toString()),
                                "validTo",
                                TODAY.minusDays(1).toString()))
                .then()
                .statusCode(200);

        verify(token).then().statusCode(200).body("result", equalTo("CREDENTIAL_EXPIRED"));
    }

    @Test
    void eachScanThatShowsANameIsAuditedAsAPublicRead() {
        Holder holder = holderWithCertificate();

        verify(tokenFor(holder)).then().statusCode(200).body("result", equalTo("VALID"));

        List<Map<String, Object>> entries = db.rows(
                "select actor, detail->>'result' as result from audit_log "
                        + "where action = 'CREDENTIAL_VERIFIED' and entity_id = ?",
                ISSUER + ":" + holder.certNo());
        assertThat(entries).hasSize(1);
        assertThat(entries.get(0).get("actor").toString()).startsWith("public:");
        assertThat(entries.get(0)).containsEntry("result", "VALID");
    }

    @Test
    void tamperedPayloadIsForged() {
        Holder holder = holderWithCertificate();
        Holder other = holderWithCertificate();
        String[] parts = tokenFor(holder).split("\\.");
        String payload = part(String.join(".", parts), 1)
                .replace(
                        publicId(holder.certNo()).toString(),
                        publicId(other.certNo()).toString());

        assertOnlyResult(verify(parts[0] + "." + encode(payload) + "." + parts[2]), "FORGED");
    }

    @Test
    void truncatedTokenIsForged() {
        String token = tokenFor(holderWithCertificate());

        assertOnlyResult(verify(token.substring(0, token.length() - 6)), "FORGED");
        assertOnlyResult(verify(token.substring(0, token.lastIndexOf('.'))), "FORGED");
    }

    @Test
    void tokenSignedByAForeignEcKeyIsForged() throws Exception {
        Holder holder = holderWithCertificate();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Instant now = Instant.now();

        String foreign = sign(
                claims(publicId(holder.certNo()), now, now.plusSeconds(300)),
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                kid(0),
                generator.generateKeyPair().getPrivate());

        assertOnlyResult(verify(foreign), "FORGED");
    }

    @Test
    void tokenWithAnUnknownKidIsForged() throws Exception {
        Holder holder = holderWithCertificate();
        Instant now = Instant.now();

        String token = sign(
                claims(publicId(holder.certNo()), now, now.plusSeconds(300)),
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                "no-such-kid",
                configuredKey(0));

        assertOnlyResult(verify(token), "FORGED");
    }

    @Test
    void unsignedTokenWithAlgNoneIsForged() {
        Holder holder = holderWithCertificate();
        Instant now = Instant.now();
        String header = encode("{\"alg\":\"none\",\"typ\":\"JWT\",\"kid\":\"" + kid(0) + "\"}");
        String payload = encode(
                claims(publicId(holder.certNo()), now, now.plusSeconds(300)).toJson());

        assertOnlyResult(verify(header + "." + payload + "."), "FORGED");
    }

    @Test
    void tokenMacedWithThePublicKeyIsForged() throws Exception {
        Holder holder = holderWithCertificate();
        Instant now = Instant.now();
        byte[] publicKey = CredentialKeys.derivePublicKey(
                        (java.security.interfaces.ECPrivateKey) configuredKey(0), "test")
                .getEncoded();

        String token = sign(
                claims(publicId(holder.certNo()), now, now.plusSeconds(300)),
                AlgorithmIdentifiers.HMAC_SHA256,
                kid(0),
                new HmacKey(publicKey));

        assertOnlyResult(verify(token), "FORGED");
    }

    @Test
    void garbageIsForgedNeverAnError() {
        for (String garbage : List.of("garbage", "a.b.c", "...", "eyJ.eyJ.eyJ", "%00%ff", "x".repeat(3000))) {
            assertOnlyResult(verify(garbage), "FORGED");
        }
    }

    @Test
    void missingTokenIsAValidationError() {
        given().get("/api/v1/credentials/verify")
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors[0].field", equalTo("token"));
    }

    @Test
    void genuineTokenPastItsExpiryIsTokenExpiredWithoutPersonalData() throws Exception {
        Holder holder = holderWithCertificate();
        Instant issued = Instant.now().minusSeconds(600);

        String expired = sign(
                claims(publicId(holder.certNo()), issued, issued.plusSeconds(300)),
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                kid(0),
                configuredKey(0));

        assertOnlyResult(verify(expired), "TOKEN_EXPIRED");
        assertThat(db.count(
                        "select count(*) from audit_log where action = 'CREDENTIAL_VERIFIED' and entity_id = ?",
                        ISSUER + ":" + holder.certNo()))
                .isZero();
    }

    @Test
    void aTokenRememberedAsVerifiedIsStillTokenExpiredOnceItsExpiryPasses() throws Exception {
        Holder holder = holderWithCertificate();
        Instant issued = Instant.now().minusSeconds(60);
        Instant expires = Instant.now().plusSeconds(1);
        String shortLived = sign(
                claims(publicId(holder.certNo()), issued, expires),
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                kid(0),
                configuredKey(0));

        verify(shortLived).then().statusCode(200).body("result", equalTo("VALID"));
        verify(shortLived).then().statusCode(200).body("result", equalTo("VALID"));
        // Past the expiry and the allowed clock skew (5 s), the remembered verification no longer counts.
        Thread.sleep(Math.max(
                0, Duration.between(Instant.now(), expires.plusSeconds(6)).toMillis()));

        assertOnlyResult(verify(shortLived), "TOKEN_EXPIRED");
        assertThat(db.count(
                        "select count(*) from audit_log where action = 'CREDENTIAL_VERIFIED' and entity_id = ?",
                        ISSUER + ":" + holder.certNo()))
                .isEqualTo(2);
    }

    @Test
    void expiredTokenOfAForeignKeyIsForgedNotExpired() throws Exception {
        Holder holder = holderWithCertificate();
        KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
        generator.initialize(new ECGenParameterSpec("secp256r1"));
        Instant issued = Instant.now().minusSeconds(600);

        String token = sign(
                claims(publicId(holder.certNo()), issued, issued.plusSeconds(300)),
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                kid(0),
                generator.generateKeyPair().getPrivate());

        assertOnlyResult(verify(token), "FORGED");
    }

    // ---- keys ----------------------------------------------------------------------------------------

    @Test
    void tokenSignedWithTheSecondVerifyOnlyKeyStillVerifies() throws Exception {
        Holder holder = holderWithCertificate();
        Instant now = Instant.now();

        String token = sign(
                claims(publicId(holder.certNo()), now, now.plusSeconds(300)),
                AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256,
                kid(1),
                configuredKey(1));

        verify(token).then().statusCode(200).body("result", equalTo("VALID"));
    }

    @Test
    void jwksListsEveryConfiguredPublicKeyAndIsCacheable() {
        given().get("/api/v1/credentials/jwks")
                .then()
                .log()
                .ifValidationFails()
                .statusCode(200)
                .header("Cache-Control", containsString("max-age=300"))
                .body("keys.kid", equalTo(List.of(kid(0), kid(1))))
                .body("keys.kty", equalTo(List.of("EC", "EC")))
                .body("keys.crv", equalTo(List.of("P-256", "P-256")))
                .body("keys.use", equalTo(List.of("sig", "sig")))
                .body("keys.alg", equalTo(List.of("ES256", "ES256")))
                .body("keys[0]", not(hasKey("d")));
    }

    @Test
    void thirdPartiesVerifyIssuedTokensWithThePublishedKeys() throws Exception {
        String token = tokenFor(holderWithCertificate());
        String jwks = given().get("/api/v1/credentials/jwks")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        JwtClaims claims = new JwtConsumerBuilder()
                .setVerificationKeyResolver(new org.jose4j.keys.resolvers.JwksVerificationKeyResolver(
                        new JsonWebKeySet(jwks).getJsonWebKeys()))
                .setExpectedIssuer(config.tokenIssuer())
                .setSkipDefaultAudienceValidation()
                .build()
                .processToClaims(token);

        assertThat(claims.getJwtId()).isNotBlank();
    }

    // ---- personal data -------------------------------------------------------------------------------

    @Test
    void idNumberNeverAppearsInAResponseOrALogLineOfTheRoundTrip() throws Exception {
        List<String> logged = new CopyOnWriteArrayList<>();
        Handler capture = new Handler() {
            private final SimpleFormatter formatter = new SimpleFormatter();

            @Override
            public void publish(LogRecord record) {
                String message = record instanceof ExtLogRecord ext
                        ? ext.getFormattedMessage()
                        : formatter.formatMessage(record);
                logged.add(message + (record.getThrown() == null ? "" : " " + record.getThrown()));
            }

            @Override
            public void flush() {}

            @Override
            public void close() {}
        };
        Logger root = Logger.getLogger("");
        Logger hub = Logger.getLogger("org.supervisionhub");
        Level hubLevel = hub.getLevel();
        root.addHandler(capture);
        hub.setLevel(Level.FINE);
        List<String> responses = new ArrayList<>();
        String account = newAccount();
        String idNumber = newIdNumber();
        String certNo = newCertNo();
        try {
            String badIdNumber = idNumber.substring(0, 17) + (idNumber.charAt(17) == '0' ? '1' : '0');
            responses.add(put(GUANGXI_SYSTEM, certNo, withHolder(body(idNumber, account), "idNumber", badIdNumber))
                    .then()
                    .statusCode(400)
                    .extract()
                    .asString());
            responses.add(put(GUANGXI_SYSTEM, certNo, body(idNumber, account))
                    .then()
                    .statusCode(201)
                    .extract()
                    .asString());
            responses.add(put(GUANGXI_SYSTEM, certNo, body(idNumber, account))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            responses.add(Credentials.get(Credentials.NANNING_DEPT_ADMIN, certNo)
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            Response issued = issue(officerToken(account), certNo);
            responses.add(issued.then().statusCode(200).extract().asString());
            String token = issued.path("token");
            responses.add(part(token, 0) + part(token, 1));
            responses.add(verify(token).then().statusCode(200).extract().asString());
            responses.add(put(GUANGXI_SYSTEM, certNo, with(body(idNumber, account), "status", "REVOKED"))
                    .then()
                    .statusCode(200)
                    .extract()
                    .asString());
            responses.add(verify(token).then().statusCode(200).extract().asString());
            responses.add(verify(token + "x").then().statusCode(200).extract().asString());
        } finally {
            root.removeHandler(capture);
            hub.setLevel(hubLevel);
        }

        String middle = idNumber.substring(6, 14);
        assertThat(responses)
                .hasSize(10)
                .allSatisfy(response ->
                        assertThat(response).doesNotContain(idNumber).doesNotContain(middle));
        assertThat(responses.get(6)).contains("张三").doesNotContain(idNumber.substring(0, 6) + "****");
        assertThat(logged).as("the capture sees the hub's debug lines").anyMatch(line -> line.contains("forged"));
        assertThat(logged)
                .allSatisfy(line -> assertThat(line).doesNotContain(idNumber).doesNotContain(middle));
    }
}
