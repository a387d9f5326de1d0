package org.supervisionhub.events;

import java.time.Instant;

/** {@code item-claim.created}: a department claimed a sub-item. Aggregate: item code and department code. */
public record ClaimCreated(long claimId, String itemCode, String departmentCode, String departmentCreditCode,
                           String regionCode, String status, Instant claimedAt) implements HubEvent {

    @Override
    public EventType type() {
        return EventType.ITEM_CLAIM_CREATED;
    }

    @Override
    public String aggregateId() {
        return itemCode + ":" + departmentCode;
    }
}
