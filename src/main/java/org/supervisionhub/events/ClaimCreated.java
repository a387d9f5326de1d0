package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;

/** {@code item-claim.created}: a department claimed a sub-item. Aggregate: item code and department code. */
public record ClaimCreated(
        @JsonPropertyDescription("The hub's id of the claim")
        long claimId,

        @JsonPropertyDescription("The claimed sub-item (14-digit item code)")
        String itemCode,

        @JsonPropertyDescription("The claiming department's code")
        String departmentCode,

        @JsonPropertyDescription("The department's unified social credit code")
        String departmentCreditCode,

        @JsonPropertyDescription("The department's region (GB/T 2260)")
        String regionCode,

        @JsonPropertyDescription("ACTIVE") String status,

        @JsonPropertyDescription("When the department claimed the item (UTC)")
        Instant claimedAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.ITEM_CLAIM_CREATED;
    }

    @Override
    public String aggregateId() {
        return itemCode + ":" + departmentCode;
    }
}
