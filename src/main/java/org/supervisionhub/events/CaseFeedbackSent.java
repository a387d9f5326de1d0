package org.supervisionhub.events;

import java.time.OffsetDateTime;

/**
 * {@code case-feedback.sent}: a department's disposition of a case sent down by the national platform (the case
 * closes when it is delivered). Aggregate: the case's national id.
 */
public record CaseFeedbackSent(String nationalId, String kind, String departmentCode, String handledBy,
                               OffsetDateTime handledAt, String result) implements HubEvent {

    @Override
    public EventType type() {
        return EventType.CASE_FEEDBACK_SENT;
    }

    @Override
    public String aggregateId() {
        return nationalId;
    }
}
