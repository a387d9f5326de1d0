package org.supervisionhub.disclosure;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** 双公示 of one record: its department publishes its penalties and 双随机 results for a period and withdraws them. */
@Path("/api/v1/records/{id}/disclosure")
@Tag(name = "Disclosure", description = "双公示 / 曝光台: penalties and 双随机 results made public for a period")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DisclosureResource {

    @Inject
    Disclosures disclosures;

    @Inject
    CallerContext callers;

    @PUT
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPT_ADMIN)
    public DisclosureView publishRecordDisclosure(@PathParam("id") long id, @Valid DisclosureRequest request) {
        return disclosures.publish(callers.caller(), id, request);
    }

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public DisclosureView getRecordDisclosure(@PathParam("id") long id) {
        return disclosures.ofRecord(callers.caller(), id);
    }

    @DELETE
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public DisclosureView withdrawRecordDisclosure(
            @PathParam("id") long id,
            @Parameter(description = "撤回原因 (1-500 characters)", required = true)
                    @QueryParam("reason")
                    @NotBlank
                    @Size(max = 500)
                    String reason) {
        return disclosures.withdraw(callers.caller(), id, reason);
    }
}
