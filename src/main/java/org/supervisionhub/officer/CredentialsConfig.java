package org.supervisionhub.officer;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * Electronic credentials (电子亮证): signing keys, token lifetime, the public verification address and its rate
 * limit. Environment variables follow SmallRye's rules for indexed properties, e.g.
 * {@code HUB_CREDENTIALS_SIGNING_KEYS_0__KID} and {@code HUB_CREDENTIALS_SIGNING_KEYS_0__PRIVATE_KEY}.
 */
@ConfigMapping(prefix = "hub.credentials")
public interface CredentialsConfig {

    /**
     * The signing keys. The first signs new tokens; the others only verify, so a key can be rotated in (added
     * second, then moved first) and out (kept second until its last token expired) without failing a scan.
     */
    List<SigningKey> signingKeys();

    /** Lifetime of an electronic credential token. */
    @WithDefault("PT5M")
    Duration tokenTtl();

    /** The {@code iss} of the tokens. */
    @WithDefault("urn:supervision-hub:e-credential")
    String tokenIssuer();

    /**
     * Public base URL of the hub (scheme, host and optional path prefix) that the QR code points to; when absent,
     * the base URL of the request that issued the credential.
     */
    Optional<String> verifyBaseUrl();

    /** Rate limit of the public verification endpoint, per client address. */
    RateLimit verifyRateLimit();

    /**
     * How many genuine tokens the hub remembers as verified (each until its own expiry), so a QR code scanned again is
     * not re-checked with ES256 (about a millisecond of CPU on Java 17). 0 verifies every scan afresh.
     */
    @WithDefault("10000")
    int verifiedTokenCacheSize();

    /** One EC P-256 key pair, given by its private half. */
    interface SigningKey {

        /** Key id: the {@code kid} header of the tokens it signs and its JWKS entry. */
        String kid();

        /** PKCS#8 EC P-256 private key, PEM (the base64 body, with or without the BEGIN/END lines). */
        String privateKey();
    }

    /** A token bucket per client address: {@code requests} per {@code period}, at most {@code maxClients} tracked. */
    interface RateLimit {

        @WithDefault("30")
        int requests();

        @WithDefault("PT1M")
        Duration period();

        /** Bound of the tracked addresses; the least recently seen are forgotten first. */
        @WithDefault("100000")
        long maxClients();
    }
}
