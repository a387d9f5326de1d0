package org.supervisionhub.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 监管效能 indicators beyond the claim and coverage rates: implementation list completeness and element accuracy,
 * registered enforcement officers, overdue cases, and the push lag and backlog of the outbox; in total, per region
 * and per department.
 */
@Schema(name = "EffectivenessStats")
public record EffectivenessStats(
        @Schema(description = "Region filter applied (GB/T 2260), if any")
        String region,

        @Schema(description = "Department filter applied, if any")
        String department,

        @Schema(description = "统计期间起 First day of the period")
        LocalDate from,

        @Schema(description = "统计期间止 Last day of the period")
        LocalDate to,

        @Schema(description = "统计时点 When the snapshot figures (cases, backlog) were taken")
        OffsetDateTime asOf,

        @Schema(description = "合计 Figures over everything in scope")
        Figures total,

        @Schema(description = "各地区 Per region (the departments' own region code)")
        List<RegionFigures> regions,

        @Schema(description = "各部门 Per department") List<DepartmentFigures> departments) {

    /** The four indicator groups. */
    @Schema(name = "EffectivenessFigures")
    public record Figures(ListFigures lists, OfficerFigures officers, CaseFigures cases, PushFigures push) {}

    /** 实施清单完备度 and 事项要素填报准确率, over claimed in-use inspection sub-items (current state). */
    @Schema(name = "ImplementationListQuality")
    public record ListFigures(
            @Schema(description = "已认领检查事项数 Claimed in-use inspection sub-items")
            long claimedInspectionItems,

            @Schema(description = "已编制清单数 Of those, with an implementation list")
            long compiledLists,

            @Schema(
                    description = "要素完备清单数 Of those, lists with every required element filled: implementing "
                            + "body name, supervised object, check content, sampling frequency (times and period), and the "
                            + "sampling proportion when the item is in 双随机")
            long completeLists,

            @Schema(
                    description = "实施清单完备度 completeLists / claimedInspectionItems (a missing list is "
                            + "incomplete), 4 decimals; null without claimed inspection items")
            BigDecimal completenessRate,

            @Schema(
                    description = "要素准确清单数 Compiled lists whose elements pass the standard's checks: the "
                            + "implementing body's credit code passes GB 32100 and is the department's own; the list code is "
                            + "that credit code + the exercise level digit + a suffix; the exercise level matches the "
                            + "department's level (1 national … 5 township) when the level is registered")
            long accurateLists,

            @Schema(description = "事项要素填报准确率 accurateLists / compiledLists, 4 decimals; null without lists")
            BigDecimal accuracyRate) {}

    /** 注册执法人员率: registered officers holding a certificate valid on the period's last day. */
    @Schema(name = "OfficerFigures")
    public record OfficerFigures(
            @Schema(description = "注册执法人员数 Officers registered with the departments")
            long registeredOfficers,

            @Schema(
                    description = "持证有效人员数 Of those, holding a certificate with status VALID whose validity "
                            + "includes the period's last day")
            long certifiedOfficers,

            @Schema(
                    description =
                            "注册执法人员率 certifiedOfficers / registeredOfficers, 4 decimals; null without " + "officers")
            BigDecimal certifiedRate,

            @Schema(description = "部门数 Departments counted") long departments,

            @Schema(
                    description = "Departments with at least two certified officers (the legal minimum for an "
                            + "inspection or penalty procedure)")
            long departmentsWithTwoCertified) {}

    /** Open cases sent down by the national platform (complaints, risk clues, tasks) and those past their deadline. */
    @Schema(name = "OverdueCaseFigures")
    public record CaseFigures(
            @Schema(description = "待办案件数 Cases not yet handled (received, assigned or accepted), now")
            long openCases,

            @Schema(description = "逾期案件数 Of those, past their deadline now")
            long overdueCases,

            @Schema(description = "逾期率 overdueCases / openCases, 4 decimals; null without open cases")
            BigDecimal overdueRate,

            @Schema(description = "Earliest deadline among the overdue cases; null without any")
            OffsetDateTime oldestOverdueDeadline) {}

    /** Push lag of the events delivered in the period and the backlog now, over every delivery target. */
    @Schema(name = "PushFigures")
    public record PushFigures(
            @Schema(description = "积压事件数 Events waiting for delivery now (pending or in flight)")
            long pendingEvents,

            @Schema(description = "死信数 Events that exhausted their retries (dead letters), now")
            long deadEvents,

            @Schema(description = "Age in seconds of the oldest waiting event; null without any")
            Long oldestPendingSeconds,

            @Schema(description = "已推送事件数 Events delivered in the period")
            long deliveredEvents,

            @Schema(
                    description = "平均推送延迟 Mean seconds from writing to delivery of the events delivered in the "
                            + "period, 1 decimal; null without any")
            BigDecimal averageLagSeconds,

            @Schema(description = "95th percentile of that lag in seconds (continuous), 1 decimal")
            BigDecimal p95LagSeconds,

            @Schema(description = "Longest of that lag in seconds, 1 decimal")
            BigDecimal maxLagSeconds) {}

    @Schema(name = "RegionEffectiveness")
    public record RegionFigures(String regionCode, String regionName, Figures figures) {}

    @Schema(name = "DepartmentEffectiveness")
    public record DepartmentFigures(String departmentCode, String departmentName, String regionCode, Figures figures) {}
}
