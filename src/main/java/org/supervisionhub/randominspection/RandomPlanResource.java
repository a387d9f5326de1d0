package org.supervisionhub.randominspection;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
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
}
