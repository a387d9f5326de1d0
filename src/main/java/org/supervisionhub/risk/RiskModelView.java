package org.supervisionhub.risk;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A model and how it performs in the caller's scope (by the clues' region and department). */
@Schema(name = "RiskModelStats", description = "风险预警模型及其成效")
public record RiskModelView(
        RiskModel model,
        long hits,
        long open,
        long closed,
        long confirmed,
        BigDecimal confirmedRate,
        BigDecimal meanHoursToClose) {}
