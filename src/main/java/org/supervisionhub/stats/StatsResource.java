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
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.WireTime;
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

    @GET
    @Path("/effectiveness")
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "Implementation list quality, enforcement officers, overdue cases, push lag and backlog (监管效能)",
            description = "Per department, per region (the departments' own region) and in total, computed in SQL and "
                    + "scoped like the claim rates. "
                    + "实施清单完备度 (completenessRate): of the claimed in-use inspection sub-items, the share whose "
                    + "implementation list has every required element filled (implementing body name, supervised "
                    + "object, check content, sampling frequency, and the sampling proportion when in 双随机); a "
                    + "missing list counts as incomplete. "
                    + "事项要素填报准确率 (accuracyRate): of those items' compiled lists, the share whose elements pass "
                    + "the standard's checks: the implementing body's credit code passes GB 32100 and is the "
                    + "department's own, the list code is that credit code + the exercise level + a suffix, and the "
                    + "exercise level matches the department's registered level (1 national, 2 provincial, 3 city, "
                    + "4 county, 5 township). "
                    + "注册执法人员率 (certifiedRate): of the officers registered with the departments, the share "
                    + "holding a certificate with status VALID on the period's last day; with the departments that "
                    + "have at least two such officers (the legal minimum for an inspection). "
                    + "Cases (complaints, risk clues, tasks sent down): open ones and those past their deadline, now; "
                    + "cases not yet routed to a department count for their region. "
                    + "Push: events waiting for delivery and dead letters now, and the lag (written → delivered) of "
                    + "the events delivered in the period, over every delivery target; events of a subject count for "
                    + "the subject's region. The period defaults to the current year.")
    @APIResponse(responseCode = "200", description = "The figures")
    public Uni<EffectivenessStats> getEffectivenessStats(
            @BeanParam @Valid StatsFilter filter,
            @Parameter(description = "First day (default: 1 January of the current year)") @QueryParam("from")
                    LocalDate from,
            @Parameter(description = "Last day (default: today)") @QueryParam("to") LocalDate to) {
        LocalDate[] period = period(from, to);
        return effectivenessStats.effectiveness(
                callers.caller(), filter.region, filter.department, period[0], period[1]);
    }

    @GET
    @Path("/export")
    @Blocking
    @Produces(StatsWorkbook.MEDIA_TYPE)
    @RolesAllowed({Roles.HUB_ADMIN, Roles.REGION_ADMIN, Roles.DEPT_ADMIN})
    @Operation(
            summary = "The dashboard's indicators as an Excel workbook (导出 Excel)",
            description = "The figures of /claims, /coverage and /effectiveness for the same scope and period, one "
                    + "sheet per indicator group (认领与编制, 数据覆盖与质量, 实施清单质量, 执法人员, 逾期案件, 推送延迟与积压) "
                    + "after a sheet 说明; Chinese headers; one row for the total, each region and each department. "
                    + "Rates are numbers formatted as percentages.")
    @APIResponse(
            responseCode = "200",
            description = "The workbook",
            content =
                    @Content(
                            mediaType = StatsWorkbook.MEDIA_TYPE,
                            schema = @Schema(type = SchemaType.STRING, format = "binary")))
    public Response exportStats(
            @BeanParam @Valid StatsFilter filter,
            @Parameter(description = "First day (default: 1 January of the current year)") @QueryParam("from")
                    LocalDate from,
            @Parameter(description = "Last day (default: today)") @QueryParam("to") LocalDate to) {
        LocalDate[] period = period(from, to);
        Caller caller = callers.caller();
        var figures = Uni.combine()
                .all()
                .unis(
                        claimStats.claimStats(caller, filter.region, filter.department),
                        coverageStats.coverage(caller, filter.region, filter.department, period[0], period[1]),
                        effectivenessStats.effectiveness(
                                caller, filter.region, filter.department, period[0], period[1]))
                .asTuple()
                .await()
                .indefinitely();
        byte[] workbook =
                StatsWorkbook.write(figures.getItem1(), figures.getItem2(), figures.getItem3(), period[0], period[1]);
        return Response.ok(workbook, StatsWorkbook.MEDIA_TYPE)
                .header(
                        "Content-Disposition",
                        "attachment; filename=\"effectiveness-" + period[0] + "-" + period[1] + ".xlsx\"")
                .build();
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
