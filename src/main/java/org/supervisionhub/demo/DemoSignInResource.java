package org.supervisionhub.demo;

import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.jose4j.jws.AlgorithmIdentifiers;
import org.jose4j.jws.JsonWebSignature;
import org.jose4j.jwt.JwtClaims;
import org.jose4j.jwt.NumericDate;
import org.jose4j.lang.JoseException;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.security.Roles;

/**
 * The console's sign-in in the offline demo: anyone picks a role, a department and a region and gets a token the demo
 * hub trusts, exactly what {@code scripts/demo-token.sh} prints. Hidden from the contract and answering 404 unless a
 * demo key is configured, which only the demo and test profiles do (production refuses to start with one).
 */
@Path("/api/v1/demo/sign-in")
public class DemoSignInResource {

    /** Who to sign in as. */
    public record SignInRequest(
            @NotNull @Pattern(regexp = "hub-admin|region-admin|dept-admin|officer")
            String role,

            @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$") String department,
            @Pattern(regexp = "^\\d{6}$") String region,
            @Pattern(regexp = "^[A-Za-z0-9_.@-]{1,64}$") String subject) {}

    /** The token, and a reminder that it is a demo one. */
    public record SignedIn(String accessToken, OffsetDateTime expiresAt, boolean demo) {}

    @Inject
    DemoConfig config;

    /** The issuer the profile's offline token key expects; profiles without a demo key may leave it empty. */
    @ConfigProperty(name = "quarkus.oidc.token.issuer")
    Optional<String> issuer;

    /** 204 where the demo sign-in exists, 404 elsewhere: the console shows its demo form only where it works. */
    @GET
    @PermitAll
    @Operation(hidden = true)
    public Response available() {
        if (config.signIn().privateKey().isEmpty()) {
            throw HubException.notFound(ErrorCode.NOT_FOUND, "there is no demo sign-in on this hub");
        }
        return Response.noContent().build();
    }

    @POST
    @PermitAll
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    @Operation(hidden = true)
    public SignedIn signIn(@NotNull @Valid SignInRequest request) {
        PrivateKey key = config.signIn()
                .privateKey()
                .map(DemoSignInResource::rsaKey)
                .orElseThrow(() -> HubException.notFound(ErrorCode.NOT_FOUND, "there is no demo sign-in on this hub"));
        Instant now = Instant.now();
        Instant expires = now.plus(config.signIn().tokenLifetime());
        String subject = request.subject() != null
                ? request.subject()
                : "demo-" + request.role() + (request.department() == null ? "" : "-" + request.department());
        JwtClaims claims = new JwtClaims();
        claims.setIssuer(issuer.orElse("https://demo.supervision-hub.local"));
        claims.setSubject(subject);
        claims.setClaim("preferred_username", subject);
        claims.setIssuedAt(NumericDate.fromSeconds(now.getEpochSecond()));
        claims.setExpirationTime(NumericDate.fromSeconds(expires.getEpochSecond()));
        claims.setClaim("realm_access", java.util.Map.of("roles", List.of(roleOf(request.role()))));
        if (request.department() != null) {
            claims.setClaim("dept_code", request.department());
        }
        if (request.region() != null) {
            claims.setClaim("region_code", request.region());
        }
        JsonWebSignature jws = new JsonWebSignature();
        jws.setPayload(claims.toJson());
        jws.setAlgorithmHeaderValue(AlgorithmIdentifiers.RSA_USING_SHA256);
        jws.setKeyIdHeaderValue("demo");
        jws.setKey(key);
        try {
            return new SignedIn(jws.getCompactSerialization(), WireTime.of(expires), true);
        } catch (JoseException e) {
            throw new IllegalStateException("the demo key cannot sign", e);
        }
    }

    private static String roleOf(String requested) {
        for (String role : List.of(Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER)) {
            if (role.equals(requested)) {
                return role;
            }
        }
        throw new IllegalArgumentException(requested);
    }

    private static PrivateKey rsaKey(String pkcs8) {
        try {
            return KeyFactory.getInstance("RSA")
                    .generatePrivate(
                            new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(pkcs8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException("hub.demo.sign-in.private-key is not a PKCS#8 RSA key", e);
        }
    }
}
