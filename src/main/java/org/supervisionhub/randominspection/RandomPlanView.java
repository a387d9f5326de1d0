package org.supervisionhub.randominspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sampling plan and how far its tasks are done. */
@Schema(name = "RandomInspectionPlan")
public record RandomPlanView(
        @Schema(description = "The hub's id of the plan (what draws are made for)")
        long id,

        String sourceSystem,
        String planId,
        String name,
        String departmentCode,
        List<String> itemCodes,
        LocalDate startDate,
        LocalDate endDate,
        BigDecimal samplingRatio,
        int version,
        @Schema(description = "Tasks drawn") long tasks,

        @Schema(description = "Tasks with an inspection record of this plan about their subject")
        long done,

        @Schema(description = "done / tasks (4 decimals)") BigDecimal completionRate) {}
