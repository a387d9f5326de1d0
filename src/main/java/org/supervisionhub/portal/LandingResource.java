package org.supervisionhub.portal;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.annotation.security.PermitAll;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.eclipse.microprofile.openapi.annotations.Operation;

/**
 * The hub's front door at {@code /}: where a developer, an operator or a department user starts. It links the
 * sign-in page, Swagger UI, the API and event contracts, and says where health and metrics are (the management
 * port, which the public address does not serve).
 */
@Path("/")
@Produces(MediaType.TEXT_HTML)
public class LandingResource {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance landing(int managementPort);
    }

    @ConfigProperty(name = "quarkus.management.port", defaultValue = "9000")
    int managementPort;

    @GET
    @PermitAll
    @Operation(hidden = true)
    public TemplateInstance landing() {
        return Templates.landing(managementPort);
    }
}
