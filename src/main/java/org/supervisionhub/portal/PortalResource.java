package org.supervisionhub.portal;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.annotation.security.PermitAll;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.supervisionhub.security.SecurityClaimsConfig;

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
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    JsonWebToken accessToken;

    @Inject
    SecurityClaimsConfig claims;

    @GET
    @Authenticated
    @Operation(hidden = true)
    public TemplateInstance portal() {
        return Templates.portal(
                SignedInUser.of(identity, idToken, claims.departmentClaim(), claims.regionClaim()),
                accessToken.getRawToken(),
                accessToken.getExpirationTime());
    }

    @GET
    @Path("/signed-out")
    @PermitAll
    @Operation(hidden = true)
    public TemplateInstance signedOut() {
        return Templates.signedOut();
    }
}
