package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;

/** {@code disclosure.withdrawn}: a disclosure was withdrawn (撤回) before its period ended. Aggregate: its id. */
public record DisclosureWithdrawn(
        @JsonPropertyDescription("The disclosure's id in the hub")
        long disclosureId,

        @JsonPropertyDescription("The disclosure's version after the withdrawal")
        int version,

        @JsonPropertyDescription("The hub's id of the record disclosed")
        long recordId,

        @JsonPropertyDescription("PENALTY or INSPECTION") String kind,

        @JsonPropertyDescription("The record's department") String departmentCode,

        @JsonPropertyDescription("The organisation's unified social credit code")
        String subjectCreditCode,

        @JsonPropertyDescription("Why it was withdrawn (e.g. the decision was revoked on review, credit repair)")
        String reason,

        @JsonPropertyDescription("When it was withdrawn (UTC)")
        Instant withdrawnAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.DISCLOSURE_WITHDRAWN;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(disclosureId);
    }
}
