package org.supervisionhub.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.FieldError;

/** The answer to an upload: what happened to how many records, and why each rejected one was rejected. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "UploadResult")
public record UploadResult(
        @Schema(description = "Records read") int received,
        @Schema(description = "New records stored") int accepted,

        @Schema(description = "Existing records stored as a new version")
        int updated,

        @Schema(description = "Identical re-sends: nothing changed")
        int unchanged,

        @Schema(description = "Records tombstoned") int deleted,

        @Schema(description = "Records rejected; see issues")
        int rejected,

        @Schema(description = "Records stored with warnings")
        int warned,

        @Schema(description = "Rejected records per error code (a record with several codes counts under each)")
        Map<String, Integer> errorCounts,

        @Schema(description = "Rejected records and records with warnings, in upload order")
        List<RecordIssue> issues,

        @Schema(
                description = "True when more issues occurred than are listed (see errorCounts; upload as a job for "
                        + "the full report)")
        boolean issuesTruncated,

        @Schema(description = "Every record's outcome, in upload order (JSON array uploads)")
        List<RecordResult> records) {

    /** A rejected record or one stored with warnings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RecordIssue")
    public record RecordIssue(
            @Schema(description = "0-based position in the upload")
            int index,

            @Schema(description = "1-based line of an NDJSON upload")
            Integer line,

            @Schema(description = "The record's source record id, when it could be read")
            String sourceRecordId,

            RecordOutcome outcome,

            @Schema(description = "Why the record was rejected (field paths are relative to the record)")
            List<FieldError> errors,

            @Schema(description = "Accepted, but worth fixing")
            List<FieldError> warnings) {}

    /** One record's outcome. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RecordResult")
    public record RecordResult(
            int index,
            String sourceRecordId,
            RecordOutcome outcome,
            @Schema(description = "The hub's record id") Long id,
            @Schema(description = "The stored version") Integer version) {}
}
