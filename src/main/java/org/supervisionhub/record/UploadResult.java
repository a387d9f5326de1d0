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
        int received,
        int accepted,
        int updated,
        int unchanged,
        int deleted,
        int rejected,
        int warned,
        Map<String, Integer> errorCounts,
        List<RecordIssue> issues,
        boolean issuesTruncated,
        List<RecordResult> records) {

    /** A rejected record or one stored with warnings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RecordIssue")
    public record RecordIssue(
            int index,
            Integer line,
            String sourceRecordId,
            RecordOutcome outcome,
            List<FieldError> errors,
            List<FieldError> warnings) {}

    /** One record's outcome. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RecordResult")
    public record RecordResult(int index, String sourceRecordId, RecordOutcome outcome, Long id, Integer version) {}
}
