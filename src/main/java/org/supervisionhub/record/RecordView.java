package org.supervisionhub.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A stored record with the hub's bookkeeping. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Record")
public record RecordView(
        long id,
        int version,
        boolean deleted,
        RecordKind kind,
        String sourceSystem,
        String sourceRecordId,
        String departmentCode,
        String itemCode,
        String regionCode,

        @Schema(description = "The day of the act (check, decision, measure start, receipt)")
        LocalDate actDate,

        boolean disclosable,
        OffsetDateTime receivedAt,
        OffsetDateTime updatedAt,

        @Schema(description = "The record as validated; personal identifiers masked")
        RecordInput record) {}
