package org.supervisionhub.officer;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.net.SocketAddress;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.OptionalLong;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.HubException;

/**
 * The public side of electronic credentials: the key set for offline verification and the scan check a QR
 * code points to (扫码查证). The only endpoints of the hub that need no token.
 */
@Path("/api/v1/credentials")
@Tag(name = "Credentials", description = "Officers' enforcement certificates, team checks and electronic credentials")
@Produces(MediaType.APPLICATION_JSON)
public class CredentialVerificationResource {

    /** How long verifiers may cache the JWKS. Rotation adds a key as non-active first, so a cached set stays good. */
    static final int JWKS_MAX_AGE_SECONDS = 300;

    @Inject
    ElectronicCredentialService electronic;

    @Inject
    CredentialTokens tokens;

    @Inject
    VerifyRateLimiter rateLimiter;

    @GET
    @Path("/jwks")
    @PermitAll
    @Operation(
            summary = "Public keys of electronic credentials (JWKS)",
            description =
                    "Public, no token needed. Every configured key (EC P-256, ES256), the active signer first, so "
                            + "that third parties can verify electronic credentials offline. Cacheable.")
    @APIResponse(
            responseCode = "200",
            description = "The key set",
            headers =
                    @Header(
                            name = "Cache-Control",
                            description = "public, max-age=" + JWKS_MAX_AGE_SECONDS,
                            schema = @Schema(type = SchemaType.STRING)),
            content = @Content(schema = @Schema(implementation = JsonWebKeySetView.class)))
    public Response credentialKeys() {
        CacheControl cache = new CacheControl();
        cache.setPrivate(false);
        cache.setNoTransform(false);
        cache.setMaxAge(JWKS_MAX_AGE_SECONDS);
        return Response.ok(tokens.jwks()).cacheControl(cache).build();
    }

    @GET
    @Path("/verify")
    @PermitAll
    @Operation(
            summary = "Verify a scanned electronic credential (扫码查证)",
            description =
                    "Public, no token needed: the address a QR code carries. Checks the signature (any configured "
                            + "key), the token's expiry, then the certificate as it is now. Always 200 with a result: FORGED "
                            + "(tampered, truncated, foreign or unsigned) and TOKEN_EXPIRED show nothing else; VALID, REVOKED, "
                            + "SUSPENDED, CREDENTIAL_EXPIRED and NOT_YET_VALID show the holder's name and photo, department, "
                            + "categories (执法门类), validity and kind, never the ID number. Each such answer is audited. Rate "
                            + "limited per client address (429 RATE_LIMITED with Retry-After).")
    @APIResponse(
            responseCode = "200",
            description = "The result",
            content = @Content(schema = @Schema(implementation = VerificationView.class)))
    @APIResponse(responseCode = "400", description = "No token")
    @APIResponse(
            responseCode = "429",
            description = "Too many scans from this address (RATE_LIMITED)",
            headers =
                    @Header(
                            name = "Retry-After",
                            description = "Seconds to wait",
                            schema = @Schema(type = SchemaType.INTEGER)))
    public Uni<Response> verifyCredential(
            @Parameter(description = "The token from the QR code", required = true) @QueryParam("token") @NotBlank
                    String token,
            @Context HttpServerRequest request) {
        String address = clientAddress(request);
        OptionalLong wait = rateLimiter.acquire(address);
        if (wait.isPresent()) {
            throw HubException.tooManyRequests(
                    "RATE_LIMITED",
                    "too many verifications from this address; retry after " + wait.getAsLong() + " s",
                    wait.getAsLong());
        }
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return electronic
                .verify(token, address)
                .map(view -> Response.ok(view).cacheControl(noStore).build());
    }

    /**
     * The peer address of the connection. Forwarded headers count only where the operator has configured
     * quarkus.http.proxy (proxy-address-forwarding with trusted-proxies), which then rewrites this address.
     */
    private static String clientAddress(HttpServerRequest request) {
        SocketAddress remote = request.remoteAddress();
        return remote == null || remote.host() == null ? "unknown" : remote.host();
    }
}
