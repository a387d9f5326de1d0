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
        String status,
        String departmentCode,
        String mediaType,
        int recordsTotal,
        int recordsRead,
        int accepted,
        int updated,
        int unchanged,
        int deleted,
        int rejected,
        int warned,
        BigDecimal percent,
        BigDecimal recordsPerSecond,

        @Schema(description = "Why the job failed, as a catalog code", example = "UPLOAD_BODY_INCOMPLETE")
        String failureCode,

        String failureReason,
        OffsetDateTime createdAt,
        OffsetDateTime startedAt,
        OffsetDateTime finishedAt,
        String issuesUrl) {}
