package org.supervisionhub.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A disclosure as its department and the admins above it see it, withdrawn or expired ones included. */
@Schema(name = "Disclosure", description = "双公示 信息 (for the publishing department)")
public record DisclosureView(
        @Schema(description = "公示编号") long id,
        @Schema(description = "The record disclosed") long recordId,

        @Schema(description = "PENALTY 行政处罚 / INSPECTION 双随机抽查结果")
        String kind,

        @Schema(description = "The record's department") String departmentCode,

        @Schema(description = "PUBLISHED 公示中 / WITHDRAWN 已撤回")
        String status,

        @Schema(description = "Whether the public sees it today (published and within its period)")
        boolean publicNow,

        @Schema(description = "公示起始日期 (the act's date)") LocalDate discloseFrom,
        @Schema(description = "公示截止日期") LocalDate discloseUntil,
        @Schema(description = "What the public reads") Map<String, Object> content,
        Instant publishedAt,
        @Schema(description = "Who published it") String publishedBy,
        Instant withdrawnAt,
        String withdrawnBy,
        @Schema(description = "撤回原因") String withdrawalReason,

        @Schema(description = "Version; a changed period or a withdrawal raises it")
        int version) {}
