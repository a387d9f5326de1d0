package org.supervisionhub.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Result of verifying the audit hash chain. */
@Schema(name = "AuditChainReport")
public record AuditChainReport(
        @Schema(description = "True when every row's hash and link verify")
        boolean valid,

        @Schema(description = "Number of rows checked") long checkedRows,

        @Schema(description = "Chain position of the first row that fails, when not valid")
        Long firstBrokenSeq,

        @Schema(description = "Hash of the newest row; record it elsewhere to detect truncation of the tail")
        String headHash) {}
