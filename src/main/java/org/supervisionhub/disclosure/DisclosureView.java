package org.supervisionhub.disclosure;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A disclosure as its department and the admins above it see it, withdrawn or expired ones included. */
@Schema(name = "Disclosure", description = "双公示 信息 (for the publishing department)")
public record DisclosureView(
        long id,
        long recordId,
        String kind,
        String departmentCode,
        String status,
        boolean publicNow,

        @Schema(description = "公示起始日期 (the act's date)") LocalDate discloseFrom,
        @Schema(description = "公示截止日期") LocalDate discloseUntil,
        Map<String, Object> content,
        Instant publishedAt,
        String publishedBy,
        Instant withdrawnAt,
        String withdrawnBy,
        String withdrawalReason,
        int version) {}
