package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.OffsetDateTime;

/**
 * {@code case-feedback.sent}: a department's disposition of a case sent down by the national platform (the case
 * closes when it is delivered). Aggregate: the case's national id.
 */
public record CaseFeedbackSent(
        @JsonPropertyDescription("The case's id at the national platform")
        String nationalId,

        @JsonPropertyDescription("The case's kind") String kind,

        @JsonPropertyDescription("The department that handled it")
        String departmentCode,

        @JsonPropertyDescription("Who handled it") String handledBy,

        @JsonPropertyDescription("When it was handled (+08:00)")
        OffsetDateTime handledAt,

        @JsonPropertyDescription("The disposition (办理结果)") String result)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.CASE_FEEDBACK_SENT;
    }

    @Override
    public String aggregateId() {
        return nationalId;
    }
}
