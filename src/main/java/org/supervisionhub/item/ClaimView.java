package org.supervisionhub.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.WireTime;

/** A claim as the API shows it. */
@Schema(name = "Claim")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimView(
        long id,
        String itemCode,
        String departmentCode,
        @Schema(description = "ACTIVE or RELEASED") ClaimStatus status,
        @Schema(description = "认领时间") OffsetDateTime claimedAt,
        String claimedBy,
        @Schema(description = "取消认领时间") OffsetDateTime releasedAt,
        String releasedBy,
        String releaseReason) {

    static ClaimView of(ItemClaim claim) {
        return new ClaimView(
                claim.id,
                claim.itemCode,
                claim.departmentCode,
                claim.status,
                WireTime.of(claim.claimedAt),
                claim.claimedBy,
                WireTime.of(claim.releasedAt),
                claim.releasedBy,
                claim.releaseReason);
    }
}
