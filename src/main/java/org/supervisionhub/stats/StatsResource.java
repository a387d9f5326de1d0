package org.supervisionhub.stats;

import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Uni;
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
import jakarta.ws.rs.core.Response;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.permit.PermitQueries;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.CallerContext;
import org.supervisionhub.security.Roles;

/** KPIs the platforms are judged by, scoped to the caller. */
@Path("/api/v1/stats")
@Tag(name = "Statistics", description = "Claim, completion and coverage rates")
@Produces(MediaType.APPLICATION_JSON)
public class StatsResource {

    @Inject
    ClaimStatsService claimStats;

    @Inject
    CoverageStatsService coverageStats;

    @Inject
    MonthlyStatsService monthlyStats;

    @Inject
    PermitQueries permits;

    @Inject
    EffectivenessStatsService effectivenessStats;

    @Inject
    CallerContext callers;

    @GET
    @Path("/claims")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public Uni<ClaimStats> getClaimStats(@BeanParam @Valid StatsFilter filter) {
        return claimStats.claimStats(callers.caller(), filter.region, filter.department);
    }

    @GET
    @Path("/coverage")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public Uni<CoverageStats> getCoverageStats(@BeanParam @Valid StatsFilter filter, @BeanParam StatsPeriod period) {
        StatsPeriod.Days days = period.days();
        return coverageStats.coverage(callers.caller(), filter.region, filter.department, days.first(), days.last());
    }

    @GET
    @Path("/monthly")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public Uni<MonthlyStats> getMonthlyStats(@BeanParam @Valid StatsFilter filter, @BeanParam StatsPeriod period) {
        StatsPeriod.Days days = period.days();
        return monthlyStats.monthly(callers.caller(), filter.region, filter.department, days.first(), days.last());
    }

    @GET
    @Path("/effectiveness")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public Uni<EffectivenessStats> getEffectivenessStats(
            @BeanParam @Valid StatsFilter filter, @BeanParam StatsPeriod period) {
        StatsPeriod.Days days = period.days();
        return effectivenessStats.effectiveness(
                callers.caller(), filter.region, filter.department, days.first(), days.last());
    }

    @GET
    @Path("/export")
    @Blocking
    @Produces(StatsWorkbook.MEDIA_TYPE)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @APIResponse(
            responseCode = "200",
            content =
                    @Content(
                            mediaType = StatsWorkbook.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportStats(@BeanParam @Valid StatsFilter filter, @BeanParam StatsPeriod period) {
        StatsPeriod.Days days = period.days();
        Caller caller = callers.caller();
        var figures = Uni.combine()
                .all()
                .unis(
                        claimStats.claimStats(caller, filter.region, filter.department),
                        coverageStats.coverage(caller, filter.region, filter.department, days.first(), days.last()),
                        effectivenessStats.effectiveness(
                                caller, filter.region, filter.department, days.first(), days.last()))
                .asTuple()
                .await()
                .indefinitely();
        byte[] workbook = StatsWorkbook.write(
                figures.getItem1(), figures.getItem2(), figures.getItem3(), days.first(), days.last());
        return Response.ok(workbook, StatsWorkbook.MEDIA_TYPE)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"effectiveness-" + days.first() + "-" + days.last() + ".xlsx\"")
                .build();
    }

    @GET
    @Path("/permit-binding")
    @Blocking
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    public List<PermitQueries.BindingRateView> getPermitBindingStats(
            @Parameter(description = "Department code")
                    @QueryParam("department")
                    @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$")
                    String department) {
        return permits.bindingRates(callers.caller(), department);
    }
}
