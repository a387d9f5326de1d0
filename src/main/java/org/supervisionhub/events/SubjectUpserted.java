package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonIgnore;

/**
 * {@code subject.upserted}: a subject was created or changed (the whole subject; a person's ID number only masked).
 * Aggregate: the credit code, or {@code person:} and the ID number's keyed hash, which the payload never carries.
 */
public record SubjectUpserted(@JsonIgnore String subjectKey, String subjectType, @Nullable String creditCode,
                              @Nullable String idNumberMasked, String name, @Nullable String regionCode,
                              @Nullable String industryCode, String status, @Nullable String creditLevel,
                              boolean abnormalListed, boolean seriousIllegalListed, int version) implements HubEvent {

    @Override
    public EventType type() {
        return EventType.SUBJECT_UPSERTED;
    }

    @Override
    public String aggregateId() {
        return subjectKey;
    }
}
