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
    public RandomDrawView getRandomDraw(@PathParam("id") long id) {
        return draws.get(callers.caller(), id);
    }

    @GET
    @Path("/{id}/inputs")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = DrawInputs.class)))
    public String getRandomDrawInputs(@PathParam("id") long id) {
        return draws.inputsText(callers.caller(), id);
    }

    @POST
    @Path("/{id}/execute")
    @RolesAllowed(Roles.DEPT_ADMIN)
    public RandomDrawView executeRandomDraw(@PathParam("id") long id) {
        return draws.execute(callers.caller(), id);
    }

    @GET
    @Path("/{id}/verification")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public DrawVerification verifyRandomDraw(@PathParam("id") long id) {
        return draws.verify(callers.caller(), id);
    }

    @POST
    @Path("/{id}/publish")
    @RolesAllowed(Roles.DEPT_ADMIN)
    public RandomDrawView publishRandomDraw(@PathParam("id") long id) {
        return draws.publish(callers.caller(), id);
    }
}
