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
import org.eclipse.microprofile.openapi.annotations.Operation;
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
    @Operation(
            summary = "A department's sampling plans (抽查计划) and their completion",
            description =
                    "Newest first, at most 200. A task is done when an inspection record carrying the plan id about "
                            + "the task's subject has been uploaded by the department.")
    @APIResponse(responseCode = "200", description = "The plans")
    public List<RandomPlanView> listRandomPlans(
            @QueryParam("department") @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$") String department) {
        return plans.list(callers.caller(), department);
    }

    @POST
    @Path("/{id}/draws")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPT_ADMIN)
    @Operation(
            summary = "Announce a credit-graded draw (抽取公告) of the plan",
            description = "Takes a snapshot of the inputs (subjects of the plan's items' sectors in the region and "
                    + "industry, by credit class; officers with a certificate valid on the plan's start covering "
                    + "every sector; the previous plan's officer-subject pairs; declared conflicts) and a fresh "
                    + "256-bit seed, and publishes both (the inputs by their SHA-256) before anything is drawn. "
                    + "Execute it with POST /random-draws/{id}/execute.")
    @APIResponse(
            responseCode = "201",
            description = "Announced",
            content = @Content(schema = @Schema(implementation = RandomDrawView.class)))
    @APIResponse(responseCode = "404", description = "No such plan in the caller's scope (RANDOM_PLAN_NOT_FOUND)")
    @APIResponse(
            responseCode = "409",
            description = "Fewer than two eligible inspectors (RANDOM_DRAW_TOO_FEW_INSPECTORS)")
    public Response announceRandomDraw(@PathParam("id") long id, DrawRequest request) {
        return Response.status(Response.Status.CREATED)
                .entity(draws.announce(callers.caller(), id, request))
                .build();
    }

    @GET
    @Path("/{id}/draws")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "The draws of a plan, oldest first",
            description = "Each with its seed, inputs and result, as GET /random-draws/{id} shows it.")
    @APIResponse(responseCode = "200", description = "The draws")
    @APIResponse(responseCode = "404", description = "No such plan in the caller's scope (RANDOM_PLAN_NOT_FOUND)")
    public List<RandomDrawView> listRandomDraws(@PathParam("id") long id) {
        return draws.ofPlan(callers.caller(), id);
    }
}
