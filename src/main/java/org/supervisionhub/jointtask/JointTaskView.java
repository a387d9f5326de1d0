package org.supervisionhub.jointtask;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A joint supervision task as its initiator and its participants see it. */
@Schema(name = "JointTask", description = "联合监管任务")
public record JointTaskView(
        @Schema(description = "任务 id in the hub") long id,

        @Schema(description = "任务编号 (national taskNo)", example = "LHJG4505000000000012")
        String taskNo,

        @Schema(description = "任务名称") String title,
        @Schema(description = "检查内容") String inspectContent,

        @Schema(description = "发起方类型: DEPARTMENT 部门 / REGION 地区 / NATIONAL 国家平台下发")
        String initiatorType,

        @Schema(description = "发起部门 (department initiators)")
        String initiatorDepartmentCode,

        @Schema(description = "发起地区") String initiatorRegionCode,
        @Schema(description = "监管对象") List<JointTaskSubject> subjects,
        @Schema(description = "检查事项") List<String> itemCodes,
        @Schema(description = "反馈期限") LocalDate deadline,

        @Schema(
                description = "任务状态: DISTRIBUTED 分发 (until every participant claimed), CLAIMED 认领, HANDLING 处置 "
                        + "(once one started or fed back), FED_BACK 反馈 (all fed back), CLOSED 结束")
        String status,

        @Schema(description = "逾期: some participant did not feed back by the deadline")
        boolean overdue,

        @Schema(description = "参与部门 and their progress") List<Participant> participants,

        @Schema(description = "联合检查批次 (进一次门，查多项事): the participants' records grouped by visit id")
        List<Visit> visits,

        Instant createdAt,
        @Schema(description = "创建人 (who created it)") String createdBy,
        Instant closedAt,
        @Schema(description = "结束人 (who closed it)") String closedBy,
        @Schema(description = "结束说明") String closeRemark,

        @Schema(description = "Version; every change raises it")
        int version) {

    /** One participating department's progress. */
    @Schema(name = "JointTaskParticipant", description = "参与部门的办理情况")
    public record Participant(
            @Schema(description = "参与部门") String departmentCode,

            @Schema(description = "DISTRIBUTED 分发 / CLAIMED 认领 / HANDLING 处置 / FED_BACK 反馈")
            String status,

            @Schema(description = "认领时间") Instant claimedAt,
            @Schema(description = "开始处置时间") Instant handlingAt,
            @Schema(description = "反馈时间") Instant fedBackAt,

            @Schema(description = "反馈类型: INSPECTION, PENALTY, ENFORCEMENT, OTHER")
            String feedbackKind,

            @Schema(description = "反馈意见") String feedbackSuggestion,
            @Schema(description = "联合检查批次号") String visitId,

            @Schema(description = "关联的监管行为记录 (hub record ids)")
            List<Long> recordIds,

            @Schema(description = "逾期: not fed back by the deadline (still open past it, or fed back late)")
            boolean overdue) {}

    /** One joint visit: the departments that went in one door and the records each produced. */
    @Schema(name = "JointTaskVisit", description = "一次联合检查（进一次门，查多项事）")
    public record Visit(
            @Schema(description = "联合检查批次号") String visitId,
            @Schema(description = "参与此次检查的部门") List<String> departmentCodes,
            @Schema(description = "各部门产生的检查记录") List<Long> recordIds) {}
}
