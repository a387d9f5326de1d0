package org.supervisionhub.record;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.subject.SubjectType;

/**
 * One uploaded record as the wire carries it: the common fields of every behaviour record (监管行为数据)
 * and exactly one detail block matching its kind. Everything is checked by {@link RecordValidator}, which
 * reports all problems of a record at once, so the fields here carry no constraints of their own. Their
 * {@code @Schema} descriptions stay here, not in openapi-docs/schemas: the spreadsheet import reads its template's
 * column labels from them.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "RecordInput", description = "A supervision behaviour record or complaint to upload")
public record RecordInput(
        @Schema(
                description =
                        "操作类型: INSERT and UPDATE both upsert by source record id; DELETE tombstones it. Default INSERT")
        RecordOperation operation,

        @Schema(description = "记录类型", required = true) RecordKind kind,

        @Schema(
                description = "来源系统: id of the reporting system (2-64 letters, digits, _ . -); a record "
                        + "entered by hand (系统补录) names manual:<the caller's department code>",
                example = "GX-SSJ",
                required = true)
        String sourceSystem,

        @Schema(description = "来源记录唯一标识: unique within the source system", example = "JC-2026-000123", required = true)
        String sourceRecordId,

        @Schema(description = "报送部门编码; defaults to the caller's department and must be it", example = "NN_SCJGJ")
        String departmentCode,

        @Schema(
                description = "监管事项编码 (14 digits), a sub-item claimed by the department; optional for complaints",
                example = "45000000010001")
        String itemCode,

        @Schema(description = "检查实施清单编码; required for inspections")
        String implementationListCode,

        @Schema(description = "实施主体") Body implementingBody,

        @Schema(description = "监管对象; optional for complaints")
        SubjectRef subject,

        @Schema(description = "行政区划代码 (GB/T 2260) where the act took place", example = "450103", required = true)
        String regionCode,

        @Schema(description = "执法人员: at least two with valid certificates for inspections, penalties and enforcement")
        List<OfficerRef> officers,

        @Schema(description = "上报时间: after the act", required = true)
        OffsetDateTime reportedAt,

        @Schema(description = "上报人") String reporter,
        @Schema(description = "行政检查 (kind INSPECTION)") Inspection inspection,
        @Schema(description = "行政处罚 (kind PENALTY)") Penalty penalty,
        @Schema(description = "行政强制 (kind ENFORCEMENT)") Enforcement enforcement,
        @Schema(description = "其他行政行为 (kind OTHER)") OtherAction other,
        @Schema(description = "投诉举报 (kind COMPLAINT)") Complaint complaint) {

    /** 实施主体: the implementing body. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ImplementingBody")
    public record Body(
            @Schema(description = "实施主体名称", required = true) String name,

            @Schema(description = "实施主体统一社会信用代码", required = true)
            String creditCode) {}

    /** 监管对象: an organisation by credit code or a natural person by ID number (hashed on arrival). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RecordSubject")
    public record SubjectRef(
            @Schema(description = "对象类型", required = true) SubjectType type,
            @Schema(description = "对象名称", required = true) String name,

            @Schema(description = "统一社会信用代码 (organisations)")
            String creditCode,

            @Schema(description = "居民身份证号码 (natural persons); hashed and masked on arrival, never stored")
            String idNumber,

            @Schema(description = "Masked ID number, as stored and returned", readOnly = true)
            String idNumberMasked) {}

    /** 执法人员: a name and the certificate the officer acted under. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "RecordOfficer")
    public record OfficerRef(
            @Schema(description = "姓名", required = true) String name,

            @Schema(description = "发证机关标识", example = "GXZF", required = true)
            String issuer,

            @Schema(description = "执法证号", example = "GX0000000001", required = true)
            String certNo) {}

    /** 行政检查. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "InspectionDetail")
    public record Inspection(
            @Schema(description = "双随机抽查计划编号 (if the check was drawn by 双随机)")
            String randomPlanId,

            @Schema(description = "检查行为名称", required = true) String actionName,
            @Schema(description = "检查行为编号", required = true) String actionNumber,

            @Schema(description = "检查形式: ON_SITE 现场 / OFF_SITE 非现场", required = true)
            String form,

            @Schema(description = "检查类别") String category,
            @Schema(description = "检查方式") String method,
            @Schema(description = "检查日期", required = true) LocalDate checkDate,

            @Schema(description = "检查结果代码 (双随机 result codes: 1, 6-12, A-F)", example = "1", required = true)
            String resultCode,

            @Schema(description = "检查结果说明") String resultDescription) {}

    /** 行政处罚. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "PenaltyDetail")
    public record Penalty(
            @Schema(description = "处罚行为名称", required = true) String actionName,
            @Schema(description = "案件编号") String caseNumber,
            @Schema(description = "案件来源") String caseSource,
            @Schema(description = "关联检查行为编号") String linkedInspectionNumber,
            @Schema(description = "违法事实") String illegalFacts,
            @Schema(description = "处罚依据") String legalBasis,

            @Schema(description = "程序类型: 01 简易 / 02 一般", required = true)
            String procedure,

            @Schema(description = "立案日期 (required for the general procedure)")
            LocalDate filingDate,

            @Schema(description = "是否听证") Boolean hearing,
            @Schema(description = "是否移送司法") Boolean criminalReferral,
            @Schema(description = "是否重大案件") Boolean majorCase,
            @Schema(description = "法制审核日期") LocalDate legalReviewDate,
            @Schema(description = "法制审核意见") String legalReviewOpinion,
            @Schema(description = "集体讨论日期") LocalDate collectiveDiscussionDate,
            @Schema(description = "集体讨论结论") String collectiveDiscussionConclusion,

            @Schema(description = "处罚决定书文号", required = true)
            String decisionNumber,

            @Schema(description = "处罚决定日期", required = true) LocalDate decisionDate,

            @Schema(description = "处罚种类代码 01-14", example = "[\"02\"]", required = true)
            List<String> penaltyTypes,

            @Schema(description = "罚款金额 (元, two decimals); required with type 02")
            @JsonDeserialize(using = AmountDeserializer.class)
            BigDecimal fineAmount,

            @Schema(description = "没收金额 (元)") @JsonDeserialize(using = AmountDeserializer.class)
            BigDecimal confiscationAmount,

            @Schema(description = "结案方式") String closingMethod,
            @Schema(description = "结案结果") String closingResult,
            @Schema(description = "结案日期: after filing") LocalDate closingDate,

            @Schema(description = "实缴金额 (元)") @JsonDeserialize(using = AmountDeserializer.class)
            BigDecimal amountPaid) {}

    /** 行政强制: a measure (强制措施) or an execution (强制执行), 行政强制法 第九条 and 第十二条. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "EnforcementDetail")
    public record Enforcement(
            @Schema(description = "MEASURE 行政强制措施 / EXECUTION 行政强制执行", required = true)
            String category,

            @Schema(
                    description = "措施或执行方式代码. MEASURE: 01 限制人身自由, 02 查封, 03 扣押, 04 冻结, 05 其他; "
                            + "EXECUTION: 01 加处罚款或滞纳金, 02 划拨, 03 拍卖, 04 排除妨碍/恢复原状, 05 代履行, 06 其他",
                    required = true)
            String measure,

            @Schema(description = "决定书文号", required = true) String decisionNumber,
            @Schema(description = "强制依据") String basis,
            @Schema(description = "开始日期", required = true) LocalDate startDate,
            @Schema(description = "结束日期") LocalDate endDate,
            @Schema(description = "是否延期") Boolean extended,
            @Schema(description = "执行结果") String result) {}

    /** 其他行政行为. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "OtherActionDetail")
    public record OtherAction(
            @Schema(description = "行为名称", required = true) String actionName,
            @Schema(description = "行为编号", required = true) String actionNumber,
            @Schema(description = "来源") String source,
            @Schema(description = "采取措施") String measure,
            @Schema(description = "办结情况") String closingResult,
            @Schema(description = "开始日期", required = true) LocalDate startDate,
            @Schema(description = "结束日期") LocalDate endDate) {}

    /** 投诉举报. The complainant's phone is hashed and masked on arrival. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "ComplaintDetail")
    public record Complaint(
            @Schema(description = "投诉举报编号", required = true) String complaintNumber,

            @Schema(description = "COMPLAINT 投诉 / REPORT 举报", required = true)
            String complaintType,

            @Schema(description = "渠道, e.g. 12345, 12315, ONLINE")
            String channel,

            @Schema(description = "受理日期", required = true) LocalDate receivedDate,
            @Schema(description = "是否匿名", required = true) Boolean anonymous,

            @Schema(description = "投诉人姓名 (absent when anonymous)")
            String complainantName,

            @Schema(description = "投诉人电话; hashed and masked on arrival, never stored")
            String complainantPhone,

            @Schema(description = "Masked phone, as stored and returned", readOnly = true)
            String complainantPhoneMasked,

            @Schema(description = "事项详情", required = true) String detail,
            @Schema(description = "办理结果") String handlingResult,
            @Schema(description = "办结日期") LocalDate closedDate) {}
}
