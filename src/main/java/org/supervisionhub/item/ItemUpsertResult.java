package org.supervisionhub.item;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** What an item upsert did. */
@Schema(name = "ItemUpsertResult")
public record ItemUpsertResult(
        @Schema(description = "CREATED, UPDATED (new version) or UNCHANGED (identical re-send)")
        Outcome outcome,

        @Schema(description = "The item after the call") CatalogItemView item,

        int releasedClaims) {

    /** The effect of an idempotent write. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }
}
