package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.Map;

/**
 * {@code risk-clue.raised}: one of the hub's risk models found a subject at risk and raised a risk clue, routed to a
 * department like the national platform's clues. Aggregate: the hit's id.
 */
public record RiskClueRaised(
        @JsonPropertyDescription("The hit's id in the hub (also the clue's fxyjId after the prefix)")
        long hitId,

        @JsonPropertyDescription("The clue's id among cases (national_case.national_id, prefixed HUB-RISK-)")
        String clueId,

        @JsonPropertyDescription("The model's id (ruleId)") String modelId,

        @JsonPropertyDescription("P0 (most urgent) to P3") String level,

        @JsonPropertyDescription("The organisation's unified social credit code")
        String subjectCreditCode,

        @JsonPropertyDescription("The sum of the weights of the signals that fired")
        BigDecimal score,

        @JsonPropertyDescription("The evidence (props): per fired signal its value, atLeast, windowDays and weight")
        Map<String, Object> evidence,

        @Nullable @JsonPropertyDescription("The department the clue was routed to; null when none fits")
        String departmentCode,

        @JsonPropertyDescription("When it was raised (UTC)") Instant raisedAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.RISK_CLUE_RAISED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(hitId);
    }
}
