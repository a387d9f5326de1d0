package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/**
 * {@code subject.upserted}: a subject was created or changed (the whole subject; a person's ID number only masked).
 * Aggregate: the credit code, or {@code person:} and the ID number's keyed hash, which the payload never carries.
 */
public record SubjectUpserted(
        @JsonIgnore String subjectKey,
        @JsonPropertyDescription("The subject's type") String subjectType,

        @JsonPropertyDescription("统一社会信用代码; null for natural persons") @Nullable
        String creditCode,

        @JsonPropertyDescription("A natural person's ID number, masked (never in clear); null for organisations")
        @Nullable
        String idNumberMasked,

        @JsonPropertyDescription("The subject's name") String name,

        @JsonPropertyDescription("The subject's region (GB/T 2260)")
        String regionCode,

        @JsonPropertyDescription("Industry (GB/T 4754 code)") @Nullable
        String industryCode,

        @JsonPropertyDescription("The subject's status") String status,

        @JsonPropertyDescription("Credit level from the credit platform") @Nullable
        String creditLevel,

        @JsonPropertyDescription("经营异常名录") boolean abnormalListed,
        @JsonPropertyDescription("严重违法失信名单") boolean seriousIllegalListed,

        @JsonPropertyDescription("The subject's version, 1 and up")
        int version)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.SUBJECT_UPSERTED;
    }

    @Override
    public String aggregateId() {
        return subjectKey;
    }
}
