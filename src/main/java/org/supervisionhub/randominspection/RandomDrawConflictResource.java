package org.supervisionhub.randominspection;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** Conflicts (回避) officers declare: never drawn for those subjects. */
@Path("/api/v1/random-draw-conflicts")
@Tag(name = "Random inspection", description = "双随机一公开 sampling plans and their tasks")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RandomDrawConflictResource {

    @Inject
    RandomDraws draws;

    @Inject
    CallerContext callers;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed(Roles.DEPT_ADMIN)
    public ConflictView declareRandomDrawConflict(ConflictRequest request) {
        return draws.declareConflict(callers.caller(), request);
    }

    @GET
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public List<ConflictView> listRandomDrawConflicts(
            @QueryParam("department") @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$") String department) {
        return draws.conflicts(callers.caller(), department);
    }
}
