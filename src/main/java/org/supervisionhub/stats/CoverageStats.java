package org.supervisionhub.stats;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 监管行为数据覆盖率 and upload data quality, per department and in total, for a period. */
@Schema(name = "CoverageStats")
public record CoverageStats(
        String region,
        String department,

        @Schema(description = "First day of the period (act dates for coverage, receipt days for quality)")
        LocalDate from,

        @Schema(description = "Last day of the period") LocalDate to,
        Figures total,
        List<DepartmentFigures> departments) {

    @Schema(name = "CoverageFigures")
    public record Figures(
            long claimedItems,
            long coveredItems,
            BigDecimal coverageRate,
            long receivedRecords,
            long rejectedRecords,
            BigDecimal rejectionRate,
            List<ErrorCodeFigure> rejectionsByCode) {}

    @Schema(name = "ErrorCodeFigure")
    public record ErrorCodeFigure(String code, long records, BigDecimal rate) {}

    @Schema(name = "DepartmentCoverage")
    public record DepartmentFigures(String code, String name, String regionCode, Figures figures) {}
}
