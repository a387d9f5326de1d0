package org.supervisionhub.disclosure;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.BeanParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** The disclosures of the caller's scope, for the departments and admins who manage them. */
@Path("/api/v1/disclosures")
@Tag(name = "Disclosure", description = "双公示 / 曝光台: penalties and 双随机 results made public for a period")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DisclosureListResource {

    @Inject
    Disclosures disclosures;

    @Inject
    CallerContext callers;

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public Page<DisclosureView> listDisclosures(
            @Parameter(description = "Department code")
                    @QueryParam("department")
                    @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$")
                    String department,
            @Parameter(description = "PUBLISHED or WITHDRAWN")
                    @QueryParam("status")
                    @Pattern(regexp = "^(PUBLISHED|WITHDRAWN)$")
                    String status,
            @Parameter(description = "PENALTY or INSPECTION")
                    @QueryParam("kind")
                    @Pattern(regexp = "^(PENALTY|INSPECTION)$")
                    String kind,
            @BeanParam @Valid PageRequest page) {
        return disclosures.list(callers.caller(), department, status, kind, page);
    }
}
