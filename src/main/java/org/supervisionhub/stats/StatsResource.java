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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.permit.PermitQueries;
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
    CallerContext callers;

    @GET
    @Path("/claims")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "Claim rate (认领率) and implementation list completion rate (检查实施清单编制完成率)",
            description = "Per department, per region and in total, exact over the in-use catalog. A region admin sees "
                    + "its region (default) or a region inside it; a department admin sees its own department.")
    @APIResponse(responseCode = "200", description = "The figures")
    public Uni<ClaimStats> getClaimStats(@BeanParam @Valid StatsFilter filter) {
        return claimStats.claimStats(callers.caller(), filter.region, filter.department);
    }

    @GET
    @Path("/coverage")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "Supervision data coverage (监管行为数据覆盖率) and upload quality",
            description =
                    "Per department: the share of its claimed in-use sub-items with at least one record of its own "
                            + "whose act date lies in the period, and the share of uploaded records rejected, by error code (by "
                            + "day of receipt). Scoped like the claim rates. The period defaults to the current year.")
    @APIResponse(responseCode = "200", description = "The figures")
    public Uni<CoverageStats> getCoverageStats(
            @BeanParam @Valid StatsFilter filter,
            @Parameter(description = "First day (default: 1 January of the current year)") @QueryParam("from")
                    LocalDate from,
            @Parameter(description = "Last day (default: today)") @QueryParam("to") LocalDate to) {
        LocalDate[] period = period(from, to);
        return coverageStats.coverage(callers.caller(), filter.region, filter.department, period[0], period[1]);
    }

    @GET
    @Path("/monthly")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "Data received by month (数据汇聚量趋势)",
            description = "Records received and rejected per month of receipt, every month of the period listed (zero "
                    + "when nothing arrived), for trend lines. Scoped like the claim rates. The period defaults to the "
                    + "current year and spans at most ten years.")
    @APIResponse(responseCode = "200", description = "The figures")
    public Uni<MonthlyStats> getMonthlyStats(
            @BeanParam @Valid StatsFilter filter,
            @Parameter(description = "First day (default: 1 January of the current year)") @QueryParam("from")
                    LocalDate from,
            @Parameter(description = "Last day (default: today)") @QueryParam("to") LocalDate to) {
        LocalDate[] period = period(from, to);
        return monthlyStats.monthly(callers.caller(), filter.region, filter.department, period[0], period[1]);
    }

    /** The period asked for: from 1 January of this year to today by default, in order, at most ten years long. */
    private static LocalDate[] period(LocalDate from, LocalDate to) {
        LocalDate today = LocalDate.now(WireTime.ZONE);
        LocalDate first = from != null ? from : today.withDayOfYear(1);
        LocalDate last = to != null ? to : today;
        if (last.isBefore(first)) {
            throw HubException.validation(List.of(new FieldError("to", "DATE_RANGE_INVALID", "'to' precedes 'from'")));
        }
        if (last.isAfter(first.plusYears(10))) {
            throw HubException.validation(
                    List.of(new FieldError("to", "DATE_RANGE_INVALID", "the period spans more than ten years")));
        }
        return new LocalDate[] {first, last};
    }

    @GET
    @Path("/permit-binding")
    @Blocking
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "Permit binding rate per department (审管联动 绑定率)",
            description =
                    "Per issuing department: the distinct permit items of its permits, how many are bound to at least "
                            + "one supervision item, and the share. A department admin sees its own, a region admin its region.")
    @APIResponse(responseCode = "200", description = "The figures")
    public List<PermitQueries.BindingRateView> getPermitBindingStats(
            @Parameter(description = "Department code")
                    @QueryParam("department")
                    @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$")
                    String department) {
        return permits.bindingRates(callers.caller(), department);
    }
}
