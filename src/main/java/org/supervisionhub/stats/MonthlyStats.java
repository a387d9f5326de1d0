package org.supervisionhub.stats;

import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** 数据汇聚量 by month: records received and rejected per calendar month of receipt, for the trend lines. */
@Schema(name = "MonthlyStats")
public record MonthlyStats(String region, String department, List<Month> months) {

    /** One month's upload figures. */
    @Schema(name = "MonthFigures")
    public record Month(
            @Schema(description = "月份 yyyy-MM", example = "2026-11")
            String month,

            long receivedRecords,
            long rejectedRecords,
            BigDecimal rejectionRate) {}
}
