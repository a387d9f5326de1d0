package org.supervisionhub.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.enums.SchemaType;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * 试运行结果: the answer to a dry run. The counts and issues a real upload of the same body would answer now (nothing
 * was stored, no event queued), and, for a JSON array or an adapter payload, every record's would-be outcome with the
 * canonical record it maps to.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "DryRunResult", description = "试运行结果：未存储任何数据\nA dry run's answer: nothing was stored")
public record DryRunResult(
        boolean dryRun,
        int received,
        int accepted,
        int updated,
        int unchanged,
        int deleted,
        int rejected,
        int warned,
        Map<String, Integer> errorCounts,
        List<UploadResult.RecordIssue> issues,
        boolean issuesTruncated,
        List<DryRunRecord> records) {

    /** One record of a dry run: what would happen to it, and the canonical record it maps to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DryRunRecord")
    public record DryRunRecord(
            int index,
            Integer line,
            String sourceRecordId,
            RecordOutcome outcome,

            @Schema(
                    type = SchemaType.OBJECT,
                    implementation = Object.class,
                    description = "规范记录（POST /api/v1/records 的格式；适配器载荷为映射结果）\n"
                            + "The canonical record, as POST /api/v1/records takes it (for an adapter: its mapping)")
            JsonNode canonical,

            @Schema(
                    type = SchemaType.OBJECT,
                    implementation = Object.class,
                    description =
                            "将存储的正文（个人标识已脱敏）；被拒绝或删除时为空\n"
                                    + "The body the hub would store (personal identifiers masked); absent when rejected or a delete")
            JsonNode stored) {}
}
