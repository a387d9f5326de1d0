package org.supervisionhub.jointtask;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A joint supervision task as its initiator and its participants see it. */
@Schema(name = "JointTask", description = "联合监管任务")
public record JointTaskView(
        long id,

        @Schema(description = "任务编号 (national taskNo)", example = "LHJG4505000000000012")
        String taskNo,

        String title,
        String inspectContent,
        String initiatorType,
        String initiatorDepartmentCode,
        String initiatorRegionCode,
        List<JointTaskSubject> subjects,
        List<String> itemCodes,
        @Schema(description = "反馈期限") LocalDate deadline,

        String status,
        boolean overdue,
        List<Participant> participants,
        List<Visit> visits,
        Instant createdAt,
        String createdBy,
        Instant closedAt,
        String closedBy,
        String closeRemark,
        int version) {

    /** One participating department's progress. */
    @Schema(name = "JointTaskParticipant", description = "参与部门的办理情况")
    public record Participant(
            String departmentCode,
            String status,

            @Schema(description = "认领时间") Instant claimedAt,
            @Schema(description = "开始处置时间") Instant handlingAt,
            @Schema(description = "反馈时间") Instant fedBackAt,

            String feedbackKind,
            String feedbackSuggestion,
            String visitId,
            List<Long> recordIds,
            boolean overdue) {}

    /** One joint visit: the departments that went in one door and the records each produced. */
    @Schema(name = "JointTaskVisit", description = "一次联合检查（进一次门，查多项事）")
    public record Visit(String visitId, List<String> departmentCodes, List<Long> recordIds) {}
}
