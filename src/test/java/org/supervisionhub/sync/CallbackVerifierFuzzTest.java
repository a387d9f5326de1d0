package org.supervisionhub.sync;

import static org.assertj.core.api.Assertions.assertThat;

import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;
import org.quicktheories.core.Gen;
import org.quicktheories.generators.Generate;
import org.supervisionhub.common.HubException;
import org.supervisionhub.support.Fuzz;

/**
 * The national callback verifier on arbitrary headers and bodies: a callback is accepted only when correctly signed,
 * fresh and new; everything else is refused with a documented 401 problem (CALLBACK_*), never another exception, not
 * even for absurd timestamps or nonces the database cannot store.
 */
@QuarkusTest
class CallbackVerifierFuzzTest {

    private static final String KEY = "sim-1";
    private static final String SECRET = "test-national-callback-secret-0123456789";

    @Inject
    CallbackVerifier verifier;

    private static Gen<String> timestamps() {
        long now = Instant.now().getEpochSecond();
        return Generate.oneOf(
                Generate.longRange(Long.MIN_VALUE, Long.MAX_VALUE).map(value -> String.valueOf(value)),
                Generate.longRange(now - 1_000, now + 1_000).map(value -> String.valueOf(value)),
                Generate.pick(java.util.List.of(
                        "9223372036854775807",
                        "-9223372036854775808",
                        "31556889864403200",
                        "+" + now,
                        " " + now + " ",
                        "",
                        "1e9",
                        "0x10",
                        "NaN")),
                Fuzz.text("0123456789+- ", 1, 20));
    }

    private static String sign(String timestamp, String nonce, byte[] body) {
        return HexFormat.of()
                .formatHex(CallbackVerifier.hmac(
                        SECRET, (timestamp.strip() + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8), body));
    }

    /** One callback's headers and body, readable when a property fails. */
    private record Callback(String key, String timestamp, String nonce, String signature, byte[] body) {
        @Override
        public String toString() {
            return "key=" + key + " timestamp=" + timestamp + " nonce=" + nonce + " signature=" + signature + " body="
                    + (body == null ? null : new String(body, StandardCharsets.UTF_8));
        }
    }

    private void verifiesOrRefusesWith401(Callback callback) {
        verifiesOrRefusesWith401(
                callback.key(), callback.timestamp(), callback.nonce(), callback.signature(), callback.body());
    }

    private void verifiesOrRefusesWith401(String key, String timestamp, String nonce, String signature, byte[] body) {
        try {
            verifier.verify(key, timestamp, nonce, signature, body);
        } catch (HubException e) {
            Fuzz.requireDocumentedProblem(e);
            assertThat(e.status()).isEqualTo(401);
            assertThat(e.code()).startsWith("CALLBACK_");
        }
    }

    @Test
    void anyHeadersAndBodyAreVerifiedOrRefusedWithADocumentedProblem() {
        Gen<String[]> headers = Generate.oneOf(Generate.constant(KEY), Fuzz.text("sim-01", 0, 8))
                .zip(
                        timestamps(),
                        Fuzz.text("abcdef0123456789", 0, 70),
                        Fuzz.text("abcdef0123456789ABCDEF", 0, 70),
                        (key, timestamp, nonce, signature) -> new String[] {key, timestamp, nonce, signature});
        Fuzz.property(
                "callback verifier (headers)",
                headers.zip(Fuzz.jsonishBytes(40), (h, body) -> new Callback(h[0], h[1], h[2], h[3], body)),
                this::verifiesOrRefusesWith401);
    }

    @Test
    void aCorrectlySignedCallbackWithAnyTimestampOrNonceIsAcceptedOnceOrRefusedWithADocumentedProblem() {
        Gen<String[]> signedParts = timestamps()
                .zip(Fuzz.text("abcdefXYZ0123456789-_:.", 6, 66), (timestamp, nonce) -> new String[] {timestamp, nonce})
                .assuming(parts -> parts[0] != null && parts[1] != null);
        Fuzz.property(
                "callback verifier (signed)",
                signedParts.zip(
                        Fuzz.jsonishBytes(40),
                        (parts, body) -> new Callback(KEY, parts[0], parts[1], sign(parts[0], parts[1], body), body)),
                this::verifiesOrRefusesWith401);
    }

    @Test
    void aTimestampNoInstantCanHoldIsStaleNotAServerError() {
        String timestamp = String.valueOf(Long.MAX_VALUE);
        String nonce = "nonce-" + System.nanoTime();
        byte[] body = "{\"nationalId\":\"X-1\"}".getBytes(StandardCharsets.UTF_8);

        io.restassured.RestAssured.given()
                .header(CallbackVerifier.KEY_ID, KEY)
                .header(CallbackVerifier.TIMESTAMP, timestamp)
                .header(CallbackVerifier.NONCE, nonce)
                .header(CallbackVerifier.SIGNATURE, sign(timestamp, nonce, body))
                .contentType("application/json")
                .body(body)
                .post("/api/v1/national/callbacks/complaints")
                .then()
                .statusCode(401)
                .body("code", org.hamcrest.Matchers.equalTo("CALLBACK_STALE"));
    }

    @Test
    void aSignedNonceTheDatabaseCannotStoreIsRefusedAsInvalid() {
        String timestamp = String.valueOf(Instant.now().getEpochSecond());
        String nonce = "nonce\u0000" + System.nanoTime();
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);

        try {
            verifier.verify(KEY, timestamp, nonce, sign(timestamp, nonce, body), body);
            throw new AssertionError("accepted a nonce with NUL");
        } catch (HubException e) {
            assertThat(e.code()).isEqualTo("CALLBACK_NONCE_INVALID");
        }
    }
}
