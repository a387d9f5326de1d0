package org.supervisionhub.stats;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Claim rate (认领率) and implementation list completion rate (检查实施清单编制完成率). */
@Schema(name = "ClaimStats")
public record ClaimStats(
        String region,
        String department,

        @Schema(description = "Figures over all departments in scope")
        Figures total,

        List<RegionFigures> regions,
        List<DepartmentFigures> departments) {

    /** The counts behind the two rates; rates are null when their denominator is zero. */
    @Schema(name = "ClaimFigures")
    public record Figures(
            long claimableItems,
            long claimedItems,
            BigDecimal claimRate,
            long claimedInspectionItems,
            long compiledLists,
            BigDecimal completionRate) {}

    @Schema(name = "RegionClaimFigures")
    public record RegionFigures(String regionCode, String regionName, Figures figures) {}

    @Schema(name = "DepartmentClaimFigures")
    public record DepartmentFigures(String departmentCode, String departmentName, String regionCode, Figures figures) {}
}
