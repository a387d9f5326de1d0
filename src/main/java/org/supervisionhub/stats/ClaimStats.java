package org.supervisionhub.stats;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Claim rate (认领率) and implementation list completion rate (检查实施清单编制完成率). */
@Schema(name = "ClaimStats")
public record ClaimStats(
        @Schema(description = "Region filter applied (GB/T 2260), if any")
        String region,

        @Schema(description = "Department filter applied, if any")
        String department,

        @Schema(description = "Figures over all departments in scope")
        Figures total,

        @Schema(description = "Per region (the departments' own region code)")
        List<RegionFigures> regions,

        @Schema(description = "Per department") List<DepartmentFigures> departments) {

    /** The counts behind the two rates; rates are null when their denominator is zero. */
    @Schema(name = "ClaimFigures")
    public record Figures(
            @Schema(description = "In-use sub-items of the departments' sectors (应认领事项数)")
            long claimableItems,

            @Schema(description = "Of those, claimed (已认领事项数)")
            long claimedItems,

            @Schema(description = "claimedItems / claimableItems, 4 decimals")
            BigDecimal claimRate,

            @Schema(description = "Claimed inspection sub-items (已认领检查事项数)")
            long claimedInspectionItems,

            @Schema(description = "Of those, with an implementation list (已编制清单数)")
            long compiledLists,

            @Schema(description = "compiledLists / claimedInspectionItems, 4 decimals")
            BigDecimal completionRate) {}

    @Schema(name = "RegionClaimFigures")
    public record RegionFigures(String regionCode, String regionName, Figures figures) {}

    @Schema(name = "DepartmentClaimFigures")
    public record DepartmentFigures(String departmentCode, String departmentName, String regionCode, Figures figures) {}
}
