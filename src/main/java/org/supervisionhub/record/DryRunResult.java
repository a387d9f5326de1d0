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
        @Schema(description = "总是 true：未存储任何数据\nAlways true: nothing was stored")
        boolean dryRun,

        @Schema(description = "读取的记录数\nRecords read") int received,

        @Schema(description = "将新增的记录数\nRecords that would be stored as new")
        int accepted,

        @Schema(description = "将更新为新版本的记录数\nRecords that would be stored as a new version")
        int updated,

        @Schema(description = "与已存储内容相同的记录数\nIdentical re-sends")
        int unchanged,

        @Schema(description = "将删除（墓碑）的记录数\nRecords that would be tombstoned")
        int deleted,

        @Schema(description = "将被拒绝的记录数，见 issues\nRecords that would be rejected; see issues")
        int rejected,

        @Schema(description = "带警告的记录数\nRecords with warnings")
        int warned,

        @Schema(description = "按错误代码统计的拒绝记录数\nRejected records per error code")
        Map<String, Integer> errorCounts,

        @Schema(
                description = "被拒绝或带警告的记录，与真实上报的 issues 相同\n"
                        + "Rejected records and records with warnings, as a real upload would answer them")
        List<UploadResult.RecordIssue> issues,

        @Schema(description = "问题过多，未全部列出\nTrue when more issues occurred than are listed")
        boolean issuesTruncated,

        @Schema(
                description = "每条记录的结果及其规范记录（JSON 数组和适配器载荷）\n"
                        + "Every record's would-be outcome and canonical record (JSON arrays and adapter payloads)")
        List<DryRunRecord> records) {

    /** One record of a dry run: what would happen to it, and the canonical record it maps to. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "DryRunRecord")
    public record DryRunRecord(
            @Schema(description = "在上报中的位置（从 0 开始）\n0-based position in the upload")
            int index,

            @Schema(
                    description = "NDJSON 上报的行号，或表格文件的行号（从 1 开始）\n"
                            + "1-based line of an NDJSON upload, or row number of a sheet")
            Integer line,

            @Schema(description = "来源记录唯一标识\nThe record's source record id, when it could be read")
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
