package org.supervisionhub.item;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.WireTime;

/** A claim as the API shows it. */
@Schema(name = "Claim")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ClaimView(
        @Schema(description = "Claim id") long id,
        @Schema(description = "事项编码") String itemCode,
        @Schema(description = "认领部门编码") String departmentCode,
        @Schema(description = "ACTIVE or RELEASED") ClaimStatus status,
        @Schema(description = "认领时间") OffsetDateTime claimedAt,
        @Schema(description = "认领人") String claimedBy,
        @Schema(description = "取消认领时间") OffsetDateTime releasedAt,
        @Schema(description = "取消认领人") String releasedBy,
        @Schema(description = "取消认领原因") String releaseReason) {

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
