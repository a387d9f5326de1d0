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
        String region,
        String department,

        @Schema(description = "统计期间起 First day of the period")
        LocalDate from,

        @Schema(description = "统计期间止 Last day of the period")
        LocalDate to,

        @Schema(description = "统计时点 When the snapshot figures (cases, backlog) were taken")
        OffsetDateTime asOf,

        @Schema(description = "合计 Figures over everything in scope")
        Figures total,

        List<RegionFigures> regions,
        List<DepartmentFigures> departments) {

    /** The four indicator groups. */
    @Schema(name = "EffectivenessFigures")
    public record Figures(ListFigures lists, OfficerFigures officers, CaseFigures cases, PushFigures push) {}

    /** 实施清单完备度 and 事项要素填报准确率, over claimed in-use inspection sub-items (current state). */
    @Schema(name = "ImplementationListQuality")
    public record ListFigures(
            long claimedInspectionItems,
            long compiledLists,
            long completeLists,
            BigDecimal completenessRate,
            long accurateLists,
            BigDecimal accuracyRate) {}

    /** 注册执法人员率: registered officers holding a certificate valid on the period's last day. */
    @Schema(name = "OfficerFigures")
    public record OfficerFigures(
            long registeredOfficers,
            long certifiedOfficers,
            BigDecimal certifiedRate,
            long departments,
            long departmentsWithTwoCertified) {}

    /** Open cases sent down by the national platform (complaints, risk clues, tasks) and those past their deadline. */
    @Schema(name = "OverdueCaseFigures")
    public record CaseFigures(
            long openCases,
            long overdueCases,
            BigDecimal overdueRate,

            @Schema(description = "Earliest deadline among the overdue cases; null without any")
            OffsetDateTime oldestOverdueDeadline) {}

    /** Push lag of the events delivered in the period and the backlog now, over every delivery target. */
    @Schema(name = "PushFigures")
    public record PushFigures(
            long pendingEvents,
            long deadEvents,
            Long oldestPendingSeconds,
            long deliveredEvents,
            BigDecimal averageLagSeconds,
            BigDecimal p95LagSeconds,
            BigDecimal maxLagSeconds) {}

    @Schema(name = "RegionEffectiveness")
    public record RegionFigures(String regionCode, String regionName, Figures figures) {}

    @Schema(name = "DepartmentEffectiveness")
    public record DepartmentFigures(String departmentCode, String departmentName, String regionCode, Figures figures) {}
}
