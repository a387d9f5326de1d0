package org.supervisionhub.portal;

import io.quarkus.oidc.IdToken;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.jwt.JsonWebToken;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.supervisionhub.security.SecurityClaimsConfig;

/**
 * A second web application of the province (its own OIDC client, tenant {@code partner}), served by the hub for the
 * demo and the SSO test: signing in here signs the user in to the portal too, and signing out of either ends both.
 */
@Path("/partner")
@Produces(MediaType.TEXT_HTML)
public class PartnerResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance partner(SignedInUser user);
    }

    @Inject
    SecurityIdentity identity;

    @Inject
    @IdToken
    JsonWebToken idToken;

    @Inject
    SecurityClaimsConfig claims;

    @GET
    @Authenticated
    @Operation(hidden = true)
    public TemplateInstance partner() {
        return Templates.partner(SignedInUser.of(identity, idToken, claims.departmentClaim(), claims.regionClaim()));
    }
}
