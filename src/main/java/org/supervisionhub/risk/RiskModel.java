package org.supervisionhub.risk;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * A risk model as declared in {@code rules/<id>.yaml} (schema {@code rules/model.schema.json}): signals over data the
 * hub holds, each firing at a count, and the sum of the fired signals' weights at which a clue of {@code level} is
 * raised. No scripting: a signal is one of {@link Signal.Type}.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RiskModel", description = "风险预警模型 as declared in rules/<id>.yaml")
public record RiskModel(
        String id,
        String name,
        String description,
        String domain,

        @Schema(
                description = "Level of the clues raised",
                enumeration = {"P0", "P1", "P2", "P3"})
        String level,

        BigDecimal threshold,
        List<Signal> signals) {

    /** The default window of a signal that names none. */
    static final int DEFAULT_WINDOW_DAYS = 90;

    /** One signal: what is counted, over which window, from which count it fires, and its weight. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RiskSignal")
    public record Signal(Type signal, Integer windowDays, int atLeast, BigDecimal weight, List<String> levels) {

        int window() {
            return windowDays == null ? DEFAULT_WINDOW_DAYS : windowDays;
        }

        /** What a signal counts about a subject (see rules/model.schema.json for the wording a model author reads). */
        public enum Type {
            /** Complaints about the subject in the window: uploaded (kind COMPLAINT) and sent down by the platform. */
            COMPLAINTS,
            /** Its penalty records in the window. */
            PENALTIES,
            /** Its enforcement records in the window. */
            ENFORCEMENTS,
            /** 1 per credit listing: 经营异常名录, 严重违法失信名单. */
            CREDIT_LISTED,
            /** 1 when its credit level is one of {@code levels}. */
            CREDIT_LEVEL,
            /** Its permits issued more than the window ago with no inspection record since. */
            PERMIT_WITHOUT_INSPECTION,
            /** Its open cases past their deadline. */
            OVERDUE_CASES,
            /** Distinct departments that inspected it in the window (重复检查). */
            REPEATED_INSPECTIONS
        }
    }
}
