package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;

/** {@code item-claim.released}: a department released its claim. Aggregate: item code and department code. */
public record ClaimReleased(
        @JsonPropertyDescription("The hub's id of the claim")
        long claimId,

        @JsonPropertyDescription("The released sub-item (14-digit item code)")
        String itemCode,

        @JsonPropertyDescription("The department's code") String departmentCode,

        @JsonPropertyDescription("The department's unified social credit code")
        String departmentCreditCode,

        @JsonPropertyDescription("The department's region (GB/T 2260)")
        String regionCode,

        @JsonPropertyDescription("RELEASED") String status,

        @JsonPropertyDescription("When the department had claimed the item (UTC)")
        Instant claimedAt,

        @JsonPropertyDescription("When the claim was released (UTC)")
        Instant releasedAt,

        @JsonPropertyDescription("Why (the department's words, or the item's cancellation)") @Nullable
        String releaseReason)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.ITEM_CLAIM_RELEASED;
    }

    @Override
    public String aggregateId() {
        return itemCode + ":" + departmentCode;
    }
}
