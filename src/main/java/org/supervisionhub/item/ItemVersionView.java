package org.supervisionhub.item;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One historical version of an item. */
@Schema(name = "ItemVersion")
public record ItemVersionView(
        @Schema(description = "Version number") int version,
        @Schema(description = "When this version was recorded") OffsetDateTime changedAt,
        @Schema(description = "Who recorded it") String changedBy,
        @Schema(description = "变更原因") String changeReason,
        @Schema(description = "The item's content at this version") JsonNode content) {
}
