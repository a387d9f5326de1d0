package org.supervisionhub.audit;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Result of verifying the audit hash chain. */
@Schema(name = "AuditChainReport")
public record AuditChainReport(boolean valid, long checkedRows, Long firstBrokenSeq, String headHash) {}
