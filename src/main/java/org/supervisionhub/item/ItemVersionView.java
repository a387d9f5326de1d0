package org.supervisionhub.item;

import java.time.OffsetDateTime;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One historical version of an item. */
@Schema(name = "ItemVersion")
public record ItemVersionView(
        int version,

        @Schema(description = "When this version was recorded")
        OffsetDateTime changedAt,

        String changedBy,
        String changeReason,

        @Schema(
                description = "The item's content at this version (the fields of CatalogItemRequest)",
                type = SchemaType.OBJECT)
        Map<String, Object> content) {}
