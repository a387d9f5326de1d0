package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;

/**
 * {@code disclosure.published}: a penalty or a 双随机 inspection result was made public (双公示) or its disclosure period
 * was changed. Aggregate: the disclosure's id. {@code content} is exactly what the public reads.
 */
public record DisclosurePublished(
        @JsonPropertyDescription("The disclosure's id in the hub")
        long disclosureId,

        @JsonPropertyDescription("The disclosure's version, 1 and up; a changed period raises it")
        int version,

        @JsonPropertyDescription("The hub's id of the record disclosed")
        long recordId,

        @JsonPropertyDescription("PENALTY or INSPECTION") String kind,

        @JsonPropertyDescription("The record's department") String departmentCode,

        @JsonPropertyDescription("The organisation's unified social credit code")
        String subjectCreditCode,

        @JsonPropertyDescription("First day of the disclosure period (the decision or check date)")
        LocalDate discloseFrom,

        @JsonPropertyDescription("Last day of the disclosure period")
        LocalDate discloseUntil,

        @JsonPropertyDescription("What the public reads, desensitised (the PublicDisclosure.content schema of "
                + "openapi.yaml): subject, implementing body, item, region and the penalty or inspection block")
        Map<String, Object> content,

        @JsonPropertyDescription("When it was published (UTC)")
        Instant publishedAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.DISCLOSURE_PUBLISHED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(disclosureId);
    }
}
