package org.supervisionhub.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored record with the hub's bookkeeping. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Record")
public record RecordView(
        @Schema(description = "The hub's record id") long id,

        @Schema(description = "Starts at 1; every change and the delete add one")
        int version,

        @Schema(description = "Tombstoned by a DELETE") boolean deleted,
        RecordKind kind,
        String sourceSystem,
        String sourceRecordId,
        String departmentCode,
        String itemCode,
        String regionCode,

        @Schema(description = "The day of the act (check, decision, measure start, receipt)")
        LocalDate actDate,

        @Schema(description = "Publicly disclosable (双随机 results and penalty decisions on organisations)")
        boolean disclosable,

        OffsetDateTime receivedAt,
        OffsetDateTime updatedAt,

        @Schema(description = "The record as validated; personal identifiers masked")
        RecordInput record) {}
