package org.supervisionhub.stats;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 数据汇聚量 by month: records received and rejected per calendar month of receipt, for the trend lines. */
@Schema(name = "MonthlyStats")
public record MonthlyStats(
        @Schema(description = "Region filter applied (GB/T 2260), if any")
        String region,

        @Schema(description = "Department filter applied, if any")
        String department,

        @Schema(description = "每月数据 One entry per month of the period, months without uploads included")
        List<Month> months) {

    /** One month's upload figures. */
    @Schema(name = "MonthFigures")
    public record Month(
            @Schema(description = "月份 yyyy-MM", example = "2026-11")
            String month,

            @Schema(description = "接收记录数 Records received") long receivedRecords,
            @Schema(description = "拒收记录数 Records rejected") long rejectedRecords,

            @Schema(description = "rejectedRecords / receivedRecords, 4 decimals; null without uploads")
            BigDecimal rejectionRate) {}
}
