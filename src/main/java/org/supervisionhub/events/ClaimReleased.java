package org.supervisionhub.events;

import java.time.Instant;

/** {@code item-claim.released}: a department released its claim. Aggregate: item code and department code. */
public record ClaimReleased(long claimId, String itemCode, String departmentCode, String departmentCreditCode,
                            String regionCode, String status, Instant claimedAt, Instant releasedAt,
                            @Nullable String releaseReason) implements HubEvent {

    @Override
    public EventType type() {
        return EventType.ITEM_CLAIM_RELEASED;
    }

    @Override
    public String aggregateId() {
        return itemCode + ":" + departmentCode;
    }
}
