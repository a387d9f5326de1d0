package org.supervisionhub.sync;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.supervisionhub.common.HubException;

/**
 * Authenticates the national platform's callbacks: HMAC-SHA256 over {@code timestamp \n nonce \n body} with a
 * shared secret named by its key id (two keys may be active during a rotation), a timestamp within the tolerated
 * skew, and a nonce never seen before (kept a little longer than the skew window). Blocking: worker threads only.
 */
@ApplicationScoped
public class CallbackVerifier {

    public static final String KEY_ID = "X-National-Key-Id";
    public static final String TIMESTAMP = "X-National-Timestamp";
    public static final String NONCE = "X-National-Nonce";
    public static final String SIGNATURE = "X-National-Signature";

    /** Visible ASCII only: a nonce is stored, and the database refuses some characters (NUL). */
    private static final java.util.regex.Pattern NONCE_TEXT = java.util.regex.Pattern.compile("[\\x21-\\x7E]{8,64}");

    private static final String REMEMBER_NONCE = """
            insert into callback_nonce (nonce) values ($1) on conflict do nothing""";
    private static final String FORGET_NONCES =
            "delete from callback_nonce where seen_at < now() - $1 * interval '1 second'";

    @Inject
    SyncConfig config;

    @Inject
    Pool pool;

    private volatile Instant lastCleanup = Instant.EPOCH;

    public void verify(String keyId, String timestamp, String nonce, String signature, byte[] body) {
        if (keyId == null || timestamp == null || nonce == null || signature == null) {
            throw unauthorized(
                    "CALLBACK_UNSIGNED",
                    "a callback carries " + String.join(", ", List.of(KEY_ID, TIMESTAMP, NONCE, SIGNATURE))
                            + " (or a national platform token)");
        }
        String secret = config.national().callbackKeys().get(keyId);
        if (secret == null) {
            throw unauthorized(
                    "CALLBACK_KEY_UNKNOWN", "unknown callback key " + keyId.replaceAll("[^A-Za-z0-9_.-]", "?"));
        }
        long seconds;
        try {
            seconds = Long.parseLong(timestamp.strip());
        } catch (NumberFormatException e) {
            throw unauthorized("CALLBACK_TIMESTAMP_INVALID", "the timestamp is epoch seconds");
        }
        // Compared as numbers: any long is a timestamp here, even one no Instant can hold.
        long now = Instant.now().getEpochSecond();
        long tolerance = config.national().callbackClockSkew().toSeconds();
        if (seconds < now - tolerance || seconds > now + tolerance) {
            throw unauthorized(
                    "CALLBACK_STALE",
                    "the callback's timestamp is more than " + tolerance + " s away from the hub's clock");
        }
        if (!NONCE_TEXT.matcher(nonce).matches()) {
            throw unauthorized("CALLBACK_NONCE_INVALID", "a nonce has 8-64 visible ASCII characters");
        }
        byte[] expected =
                hmac(secret, (timestamp.strip() + "\n" + nonce + "\n").getBytes(StandardCharsets.UTF_8), body);
        byte[] offered;
        try {
            offered = HexFormat.of().parseHex(signature.strip().toLowerCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw unauthorized("CALLBACK_SIGNATURE_INVALID", "the signature is hex-encoded HMAC-SHA256");
        }
        if (!MessageDigest.isEqual(expected, offered)) {
            throw unauthorized("CALLBACK_SIGNATURE_INVALID", "the signature does not match");
        }
        // Only a correctly signed nonce is remembered, so nobody can burn nonces by sending garbage.
        int fresh = pool.preparedQuery(REMEMBER_NONCE)
                .execute(Tuple.of(nonce))
                .await()
                .indefinitely()
                .rowCount();
        if (fresh == 0) {
            throw unauthorized("CALLBACK_REPLAYED", "this nonce was used before");
        }
        cleanupNonces();
    }

    private void cleanupNonces() {
        Instant now = Instant.now();
        if (Duration.between(lastCleanup, now).toMinutes() >= 1) {
            lastCleanup = now;
            long keep = config.national().callbackClockSkew().multipliedBy(2).toSeconds();
            pool.preparedQuery(FORGET_NONCES).execute(Tuple.of(keep)).await().indefinitely();
        }
    }

    static byte[] hmac(String secret, byte[] prefix, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            mac.update(prefix);
            return mac.doFinal(body);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is required by the Java platform", e);
        }
    }

    private static HubException unauthorized(String code, String detail) {
        return new HubException(401, code, "Callback not authenticated", detail, List.of());
    }
}
