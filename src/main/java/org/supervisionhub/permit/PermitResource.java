package org.supervisionhub.permit;

import io.smallrye.common.annotation.Blocking;
import jakarta.annotation.security.RolesAllowed;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.code.ItemCode;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** 审管联动: binding permit items to supervision items, and the follow-ups permits open (rates: StatsResource). */
@Path("/api/v1")
@Tag(name = "Permits", description = "审管联动: permits from the approval system, bound to supervision items")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class PermitResource {

    /** A binding to make. */
    @Schema(name = "PermitBindingRequest")
    public record BindingRequest(
            @NotNull @Pattern(regexp = "^[A-Za-z0-9_.-]{1,64}$")
            String permitItemCode,

            @NotNull @ItemCode String itemCode) {}

    /** What a binding did. */
    @Schema(name = "PermitBindingResult")
    public record BindingResult(String permitItemCode, String itemCode, int followupsOpened) {}

    @Inject
    PermitService permits;

    @Inject
    PermitQueries queries;

    @Inject
    CallerContext callers;

    @POST
    @Path("/permits/bindings")
    @Consumes(MediaType.APPLICATION_JSON)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public BindingResult bindPermitItem(@NotNull @Valid BindingRequest request) {
        int opened = permits.bind(callers.caller(), request.permitItemCode(), request.itemCode());
        return new BindingResult(request.permitItemCode(), request.itemCode(), opened);
    }

    @GET
    @Path("/permits/followups")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN, Roles.OFFICER})
    public List<PermitQueries.FollowupView> listPermitFollowups(
            @QueryParam("department") @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$") String department) {
        return queries.followups(callers.caller(), department);
    }
}
