package org.supervisionhub.randominspection;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** 双随机 sampling plans sent by the random-inspection platform, and how far their tasks are done. */
@Path("/api/v1/random-plans")
@Tag(name = "Random inspection", description = "双随机一公开 sampling plans and their tasks")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RandomPlanResource {

    @Inject
    RandomPlans plans;

    @Inject
    RandomDraws draws;

    @Inject
    CallerContext callers;

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER, Roles.SYSTEM})
    public List<RandomPlanView> listRandomPlans(
            @QueryParam("department") @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$") String department) {
        return plans.list(callers.caller(), department);
    }

    @POST
    @Path("/{id}/draws")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPT_ADMIN)
    @APIResponse(responseCode = "201", content = @Content(schema = @Schema(implementation = RandomDrawView.class)))
    public Response announceRandomDraw(@PathParam("id") long id, DrawRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(draws.announce(callers.caller(), id, request))
                .build();
    }

    @GET
    @Path("/{id}/draws")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public List<RandomDrawView> listRandomDraws(@PathParam("id") long id) {
        return draws.ofPlan(callers.caller(), id);
    }
}
