package org.supervisionhub.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.security.Authenticated;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;

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
    SignedInUsers users;

    @GET
    @Authenticated
    @Operation(hidden = true)
    public TemplateInstance partner() {
        return Templates.partner(users.current());
    }
}
