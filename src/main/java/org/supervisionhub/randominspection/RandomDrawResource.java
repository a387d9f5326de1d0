package org.supervisionhub.randominspection;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** Credit-graded 双随机 draws: read, executed deterministically from their published seed, verified, published. */
@Path("/api/v1/random-draws")
@Tag(name = "Random inspection", description = "双随机一公开 sampling plans and their tasks")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RandomDrawResource {

    @Inject
    RandomDraws draws;

    @Inject
    CallerContext callers;

    @GET
    @Path("/{id}")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "A draw: seed, inputs, ratios and result",
            description = "The inputs are the snapshot taken at announcement; the result is null until executed.")
    @APIResponse(responseCode = "200", description = "The draw")
    @APIResponse(responseCode = "404", description = "No such draw in the caller's scope (RANDOM_DRAW_NOT_FOUND)")
    public RandomDrawView getRandomDraw(@PathParam("id") long id) {
        return draws.get(callers.caller(), id);
    }

    @GET
    @Path("/{id}/inputs")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "A draw's inputs, byte for byte",
            description = "The JSON text whose SHA-256 is the draw's inputsHash.")
    @APIResponse(
            responseCode = "200",
            description = "The inputs",
            content = @Content(schema = @Schema(implementation = DrawInputs.class)))
    @APIResponse(responseCode = "404", description = "No such draw in the caller's scope (RANDOM_DRAW_NOT_FOUND)")
    public String getRandomDrawInputs(@PathParam("id") long id) {
        return draws.inputsText(callers.caller(), id);
    }

    @POST
    @Path("/{id}/execute")
    @RolesAllowed(Roles.DEPT_ADMIN)
    @Operation(
            summary = "Execute an announced draw",
            description = "Computes the result from the published seed and inputs (SHA-256 in counter mode keyed by "
                    + "the seed; per class A-D a partial Fisher-Yates shuffle of the candidates by credit code; then "
                    + "two inspectors per subject the same way, skipping the previous plan's and conflicting ones). "
                    + "See docs/ARCHITECTURE.md for the exact algorithm.")
    @APIResponse(responseCode = "200", description = "Executed")
    @APIResponse(responseCode = "404", description = "No such draw in the caller's scope (RANDOM_DRAW_NOT_FOUND)")
    @APIResponse(
            responseCode = "409",
            description = "Executed already (RANDOM_DRAW_ALREADY_EXECUTED), or a drawn subject lacks eligible "
                    + "inspectors (RANDOM_DRAW_TOO_FEW_INSPECTORS)")
    public RandomDrawView executeRandomDraw(@PathParam("id") long id) {
        return draws.execute(callers.caller(), id);
    }

    @GET
    @Path("/{id}/verification")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "Recompute a draw from its stored seed and inputs and compare with its result",
            description =
                    "Checks that the stored inputs still hash to inputsHash and that recomputing from the seed gives the stored result hash.")
    @APIResponse(responseCode = "200", description = "The comparison")
    @APIResponse(responseCode = "404", description = "No such draw in the caller's scope (RANDOM_DRAW_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Not executed yet (RANDOM_DRAW_NOT_EXECUTED)")
    public DrawVerification verifyRandomDraw(@PathParam("id") long id) {
        return draws.verify(callers.caller(), id);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.DEPT_ADMIN)
    @Operation(
            summary = "Publish an executed draw's result (公开), desensitised; publishing again changes nothing",
            description = "Only the plan\'s department admin; the public reads it at GET /public/random-draws/{id}.")
    @APIResponse(responseCode = "200", description = "Published")
    @APIResponse(responseCode = "404", description = "No such draw in the caller's scope (RANDOM_DRAW_NOT_FOUND)")
    @APIResponse(responseCode = "409", description = "Not executed yet (RANDOM_DRAW_NOT_EXECUTED)")
    public RandomDrawView publishRandomDraw(@PathParam("id") long id) {
        return draws.publish(callers.caller(), id);
    }
}
