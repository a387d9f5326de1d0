package org.supervisionhub.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An upload job's state and progress. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "UploadJob")
public record UploadJobView(
        UUID id,

        @Schema(
                description = "RECEIVING (body arriving), QUEUED, RUNNING, SUCCEEDED (every record received was "
                        + "processed and committed) or FAILED (failureCode and failureReason say why)")
        String status,

        String departmentCode,
        String mediaType,

        @Schema(description = "Records received and stored for processing (still growing while RECEIVING)")
        int recordsTotal,

        @Schema(description = "Records processed so far") int recordsRead,
        int accepted,
        int updated,
        int unchanged,
        int deleted,
        int rejected,

        @Schema(description = "Records stored with warnings")
        int warned,

        @Schema(description = "Share processed, 0-100") BigDecimal percent,

        @Schema(description = "Records processed per second while running")
        BigDecimal recordsPerSecond,

        @Schema(description = "Why the job failed, as a catalog code", example = "UPLOAD_BODY_INCOMPLETE")
        String failureCode,

        @Schema(description = "Why the job failed, in words")
        String failureReason,

        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,

        @Schema(description = "Where the rejections and warnings can be downloaded (NDJSON or CSV)")
        String issuesUrl) {}
