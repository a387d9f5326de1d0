package org.supervisionhub.officer;

import io.smallrye.mutiny.Uni;
import io.vertx.core.http.HttpServerRequest;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.validation.constraints.NotBlank;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Request;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.Variant;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.headers.Header;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.limit.ClientAddresses;

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
    @APIResponse(
            responseCode = "200",
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
    @Produces({MediaType.APPLICATION_JSON, MediaType.TEXT_HTML})
    @APIResponse(
            responseCode = "200",
            content = {
                @Content(
                        mediaType = MediaType.APPLICATION_JSON,
                        schema = @Schema(implementation = VerificationView.class)),
                @Content(
                        mediaType = MediaType.TEXT_HTML,
                        schema = @Schema(type = SchemaType.STRING, description = "The mobile result page"))
            })
    public Uni<Response> verifyCredential(
            @Parameter(description = "The token from the QR code", required = true) @QueryParam("token") @NotBlank
                    String token,
            @Context HttpServerRequest request,
            @Context Request negotiation) {
        String address = ClientAddresses.of(request);
        boolean page = wantsPage(negotiation);
        CacheControl noStore = new CacheControl();
        noStore.setNoStore(true);
        noStore.setNoTransform(false);
        return rateLimiter
                .admit(address)
                .chain(() -> electronic.verify(token, address))
                .map(view -> (page ? VerificationPage.of(view) : Response.ok(view, MediaType.APPLICATION_JSON_TYPE))
                        .header(HttpHeaders.VARY, HttpHeaders.ACCEPT)
                        .cacheControl(noStore)
                        .build());
    }

    /** JSON unless the client ranks HTML above it: {@code *}{@code /*} and an absent Accept choose the first variant. */
    private static boolean wantsPage(Request negotiation) {
        Variant chosen = negotiation.selectVariant(NEGOTIATED);
        return chosen != null && MediaType.TEXT_HTML_TYPE.isCompatible(chosen.getMediaType());
    }

    private static final List<Variant> NEGOTIATED = Variant.mediaTypes(
                    MediaType.APPLICATION_JSON_TYPE, MediaType.TEXT_HTML_TYPE)
            .build();
}
