package org.supervisionhub.officer;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.jboss.logging.Logger;
import org.jose4j.jwa.AlgorithmConstraints;
import org.jose4j.jwk.EllipticCurveJsonWebKey;
import org.jose4j.jwk.JsonWebKey;
import org.jose4j.jwk.PublicJsonWebKey;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.MalformedClaimException;
import org.jose4j.jwt.NumericDate;
import org.jose4j.jwt.consumer.ErrorCodeValidator;
import org.jose4j.jwt.consumer.ErrorCodes;
import org.jose4j.jwt.consumer.InvalidJwtException;
import org.jose4j.jwt.consumer.JwtConsumer;
import org.jose4j.jwt.consumer.JwtConsumerBuilder;
import org.jose4j.keys.resolvers.JwksVerificationKeyResolver;
import org.jose4j.lang.JoseException;

/**
 * Signs and reads electronic-credential tokens: compact JWS, ES256 only, {@code kid} header, claims {@code iss},
 * {@code iat}, {@code exp}, {@code jti} and {@code sub} = the certificate's random public id. Nothing personal
 * is in a token. Verification accepts any configured key by its kid and nothing else (no {@code none}, no other
 * algorithm, no key carried in the token).
 */
@ApplicationScoped
public class CredentialTokens {

    private static final Logger LOG = Logger.getLogger(CredentialTokens.class);
    /** Far more than a genuine token's length; anything longer is not parsed at all. */
    static final int MAX_TOKEN_LENGTH = 2048;

    private static final int CLOCK_SKEW_SECONDS = 5;

    /** A freshly issued token. */
    public record Issued(String token, String jti, Instant expiresAt) {}

    /** What a presented token turned out to be; the public id and jti only for genuine, unexpired tokens. */
    public record Reading(VerificationResult result, Optional<UUID> publicId, Optional<String> jti) {

        static Reading of(VerificationResult result) {
            return new Reading(result, Optional.empty(), Optional.empty());
        }
    }

    /**
     * Genuine tokens already verified, by their text. An officer's QR code is scanned again and again while it is on
     * the screen, and its ES256 check is most of a scan's CPU. Only tokens whose signature and claims verified are
     * kept, each no longer than its own expiry (with the allowed clock skew), so a remembered answer is the answer a
     * fresh check would give; the keys never change while the hub runs. Null when the size is 0.
     */
    private final Cache<String, Verified> verified;

    private record Verified(UUID publicId, String jti, Instant usableUntil) {}

    private final CredentialKeys keys;
    private final Duration ttl;
    private final String issuer;
    private final JwtConsumer consumer;
    private final JsonWebKeySetView jwks;

    public CredentialTokens(CredentialKeys keys, CredentialsConfig config) {
        this.keys = keys;
        this.ttl = config.tokenTtl();
        this.issuer = config.tokenIssuer();
        List<JsonWebKey> verificationKeys = new ArrayList<>();
        List<JsonWebKeySetView.Key> published = new ArrayList<>();
        for (CredentialKeys.KeyPair pair : keys.all()) {
            EllipticCurveJsonWebKey jwk = publicJwk(pair);
            verificationKeys.add(jwk);
            Map<String, Object> params = jwk.toParams(JsonWebKey.OutputControlLevel.PUBLIC_ONLY);
            published.add(new JsonWebKeySetView.Key(
                    jwk.getKeyType(),
                    jwk.getCurveName(),
                    jwk.getKeyId(),
                    jwk.getUse(),
                    jwk.getAlgorithm(),
                    (String) params.get("x"),
                    (String) params.get("y")));
        }
        this.jwks = new JsonWebKeySetView(List.copyOf(published));
        this.verified = config.verifiedTokenCacheSize() <= 0
                ? null
                : Caffeine.newBuilder()
                        .maximumSize(config.verifiedTokenCacheSize())
                        .expireAfterWrite(ttl.plusSeconds(CLOCK_SKEW_SECONDS))
                        .build();
        this.consumer = new JwtConsumerBuilder()
                .setJwsAlgorithmConstraints(
                        AlgorithmConstraints.ConstraintType.PERMIT,
                        AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256)
                .setVerificationKeyResolver(new JwksVerificationKeyResolver(verificationKeys))
                .setExpectedIssuer(true, issuer)
                .setRequireExpirationTime()
                .setRequireIssuedAt()
                .setRequireJwtId()
                .setRequireSubject()
                .setMaxFutureValidityInMinutes((int) Math.max(1, ttl.toMinutes() + 1))
                .setAllowedClockSkewInSeconds(CLOCK_SKEW_SECONDS)
                .setSkipDefaultAudienceValidation()
                .build();
    }

    /** Signs a token for the certificate with the active key. */
    public Issued issue(UUID certificatePublicId, Instant now) {
        CredentialKeys.KeyPair key = keys.active();
        String jti = UUID.randomUUID().toString();
        Instant expiresAt = now.plus(ttl);
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer);
        claims.setSubject(certificatePublicId.toString());
        claims.setJwtId(jti);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expiresAt.getEpochSecond()));
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
        jws.setKeyIdHeaderValue(key.kid());
        jws.setHeader("typ", "JWT");
        jws.setKey(key.privateKey());
        try {
            return new Issued(jws.getCompactSerialization(), jti, Instant.ofEpochSecond(expiresAt.getEpochSecond()));
        } catch (JoseException e) {
            throw new IllegalStateException("cannot sign an electronic credential", e);
        }
    }

    /**
     * Reads a presented token: FORGED unless an ES256 signature of a configured key verifies and the claims are
     * well-formed; TOKEN_EXPIRED for a genuine token past its expiry; VALID (meaning "genuine, now look up the
     * certificate") otherwise. Never throws.
     */
    public Reading read(String token) {
        if (token == null || token.isBlank() || token.length() > MAX_TOKEN_LENGTH) {
            return Reading.of(VerificationResult.FORGED);
        }
        Verified remembered = verified == null ? null : verified.getIfPresent(token);
        if (remembered != null) {
            if (Instant.now().isBefore(remembered.usableUntil())) {
                return new Reading(
                        VerificationResult.VALID, Optional.of(remembered.publicId()), Optional.of(remembered.jti()));
            }
            verified.invalidate(token);
        }
        try {
            JwtClaims claims = consumer.processToClaims(token);
            UUID publicId = UUID.fromString(claims.getSubject());
            if (verified != null) {
                Instant usableUntil =
                        Instant.ofEpochSecond(claims.getExpirationTime().getValue() + CLOCK_SKEW_SECONDS);
                verified.put(token, new Verified(publicId, claims.getJwtId(), usableUntil));
            }
            return new Reading(VerificationResult.VALID, Optional.of(publicId), Optional.of(claims.getJwtId()));
        } catch (InvalidJwtException e) {
            if (onlyExpired(e)) {
                return Reading.of(VerificationResult.TOKEN_EXPIRED);
            }
            LOG.debugf("electronic credential rejected as forged: %s", describe(e));
            return Reading.of(VerificationResult.FORGED);
        } catch (MalformedClaimException | RuntimeException e) {
            LOG.debugf(
                    "electronic credential rejected as forged: %s", e.getClass().getSimpleName());
            return Reading.of(VerificationResult.FORGED);
        }
    }

    /** Key id of the key that signs new tokens. */
    public String activeKid() {
        return keys.active().kid();
    }

    /** The public keys, for the JWKS endpoint. */
    public JsonWebKeySetView jwks() {
        return jwks;
    }

    /**
     * jose4j verifies the signature before it validates claims, so an "expired" error only ever comes with a
     * genuine signature. Any other error besides expiry (wrong issuer, missing claim) means not ours.
     */
    private static boolean onlyExpired(InvalidJwtException e) {
        if (!e.hasExpired()) {
            return false;
        }
        for (ErrorCodeValidator.Error error : e.getErrorDetails()) {
            if (error.getErrorCode() != ErrorCodes.EXPIRED) {
                return false;
            }
        }
        return true;
    }

    private static String describe(InvalidJwtException e) {
        StringBuilder codes = new StringBuilder();
        for (ErrorCodeValidator.Error error : e.getErrorDetails()) {
            codes.append(codes.isEmpty() ? "" : ",").append(error.getErrorCode());
        }
        return codes.isEmpty() ? "unreadable" : "jose4j error codes " + codes;
    }

    private static EllipticCurveJsonWebKey publicJwk(CredentialKeys.KeyPair pair) {
        try {
            PublicJsonWebKey jwk = PublicJsonWebKey.Factory.newPublicJwk(pair.publicKey());
            jwk.setKeyId(pair.kid());
            jwk.setUse("sig");
            jwk.setAlgorithm(AlgorithmIdentifiers.ECDSA_USING_P256_CURVE_AND_SHA256);
            return (EllipticCurveJsonWebKey) jwk;
        } catch (JoseException e) {
            throw new IllegalStateException("cannot represent key " + pair.kid() + " as a JWK", e);
        }
    }
}
