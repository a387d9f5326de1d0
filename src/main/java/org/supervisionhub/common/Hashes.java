package org.supervisionhub.common;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/** Content hashes that tell an identical re-send from a change, and keys that must not hold what they stand for. */
public final class Hashes {

    // One digest per thread: these run per record and per request, where looking the algorithm up among the security
    // providers each time cost more than the hashing. digest() leaves the instance reset for its next use.
    private static final ThreadLocal<MessageDigest> SHA_256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is required by the Java platform", e);
        }
    });

    private Hashes() {}

    /** SHA-256 of the UTF-8 text, lower-case hex. */
    public static String sha256Hex(String text) {
        return HexFormat.of().formatHex(SHA_256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }
}
