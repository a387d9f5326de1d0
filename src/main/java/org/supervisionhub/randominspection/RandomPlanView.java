package org.supervisionhub.randominspection;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A sampling plan and how far its tasks are done. */
@Schema(name = "RandomInspectionPlan")
public record RandomPlanView(
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
        long tasks,
        long done,
        BigDecimal completionRate) {}
