package org.supervisionhub.support;

import io.smallrye.jwt.build.Jwt;
import io.smallrye.jwt.build.JwtClaimsBuilder;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.KeyFactory;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.util.Base64;
import java.util.List;
import java.util.Map;

/** Signs test tokens with the key whose public half the test profile trusts. */
public final class Tokens {

    public static final String ISSUER = "https://test.supervision-hub.local";
    private static final PrivateKey KEY = load("/keys/test-signing-key.pem");

    private Tokens() {}

    public static String hubAdmin() {
        return token("admin-1", List.of("hub-admin"), null, null);
    }

    public static String deptAdmin(String department, String region) {
        return token("dept-admin-" + department, List.of("dept-admin"), department, region);
    }

    public static String regionAdmin(String region) {
        return token("region-admin-" + region, List.of("region-admin"), null, region);
    }

    public static String withRoles(String subject, List<String> roles, String department, String region) {
        return token(subject, roles, department, region);
    }

    public static String token(String subject, List<String> roles, String department, String region) {
        return claims(subject, roles, department, region).sign(KEY);
    }

    /** A token obtained by an OIDC client: {@code azp} names the client, whatever the principal is called. */
    public static String ofClient(String subject, String client, List<String> roles, String department, String region) {
        return claims(subject, roles, department, region).claim("azp", client).sign(KEY);
    }

    public static String expired(String subject, List<String> roles) {
        return claims(subject, roles, null, null)
                .issuedAt(Instant.now().minusSeconds(7200))
                .expiresAt(Instant.now().minusSeconds(3600))
                .sign(KEY);
    }

    public static String expiringIn(long seconds, String subject, List<String> roles) {
        return claims(subject, roles, null, null)
                .expiresAt(Instant.now().getEpochSecond() + seconds)
                .sign(KEY);
    }

    public static String fromOtherIssuer(String subject, List<String> roles) {
        return claims(subject, roles, null, null)
                .issuer("https://elsewhere.example")
                .sign(KEY);
    }

    public static String signedByForeignKey(String subject, List<String> roles) {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return claims(subject, roles, null, null)
                    .sign(generator.generateKeyPair().getPrivate());
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Keycloak puts realm roles in realm_access.roles; other providers use groups. */
    public static String withGroups(String subject, List<String> groups, String department, String region) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .groups(java.util.Set.copyOf(groups))
                .expiresIn(600);
        if (department != null) {
            builder.claim("dept_code", department);
        }
        if (region != null) {
            builder.claim("region_code", region);
        }
        return builder.sign(KEY);
    }

    private static JwtClaimsBuilder claims(String subject, List<String> roles, String department, String region) {
        JwtClaimsBuilder builder = Jwt.issuer(ISSUER)
                .subject(subject)
                .upn(subject)
                .claim("realm_access", Map.of("roles", roles))
                .expiresIn(600);
        if (department != null) {
            builder.claim("dept_code", department);
        }
        if (region != null) {
            builder.claim("region_code", region);
        }
        return builder;
    }

    private static PrivateKey load(String resource) {
        try (InputStream in = Tokens.class.getResourceAsStream(resource)) {
            String pem = new String(in.readAllBytes(), StandardCharsets.US_ASCII)
                    .replaceAll("-----[A-Z ]+-----", "")
                    .replaceAll("\\s", "");
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(pem)));
        } catch (IOException | java.security.GeneralSecurityException e) {
            throw new IllegalStateException("cannot load test signing key", e);
        }
    }
}
