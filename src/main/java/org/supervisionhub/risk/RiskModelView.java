package org.supervisionhub.risk;

import java.math.BigDecimal;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A model and how it performs in the caller's scope (by the clues' region and department). */
@Schema(name = "RiskModelStats", description = "风险预警模型及其成效")
public record RiskModelView(
        RiskModel model,
        @Schema(description = "Clues raised (命中数)") long hits,
        @Schema(description = "Clues not yet answered") long open,
        @Schema(description = "Clues answered") long closed,

        @Schema(description = "Answered clues whose feedback said the risk was real")
        long confirmed,

        @Schema(description = "confirmed / answered clues with a verdict (4 decimals); null without a verdict yet")
        BigDecimal confirmedRate,

        @Schema(description = "Mean hours from raising to the answer; null before the first answer")
        BigDecimal meanHoursToClose) {}
