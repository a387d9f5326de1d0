package org.supervisionhub.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The hub as a web application: a signed-in page (OIDC authorization-code flow with PKCE, tenant {@code portal})
 * showing who the user is, their department, region and roles, with their access token for Swagger UI. Signing
 * out ends the identity provider's session (RP-initiated logout); signing out elsewhere ends this one too
 * (back-channel logout).
 */
@Path("/portal")
@Produces(MediaType.TEXT_HTML)
public class PortalResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance portal(SignedInUser user, String accessToken, long expiresAt);

        static native TemplateInstance signedOut();

        static native TemplateInstance console(String accessToken);
    }

    @Inject
    SignedInUsers users;

    @Inject
    JsonWebToken accessToken;

    @GET
    @Authenticated
    @Operation(hidden = true)
    public TemplateInstance portal() {
        return Templates.portal(users.current(), accessToken.getRawToken(), accessToken.getExpirationTime());
    }

    /**
     * Hands the signed-in user's access token to the console (a single-page application calling the same API as every
     * system, with a bearer token), in the tab's session storage, then opens it.
     */
    @GET
    @Path("/console")
    @Authenticated
    @Operation(hidden = true)
    public TemplateInstance console() {
        return Templates.console(accessToken.getRawToken());
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    @Operation(hidden = true)
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
