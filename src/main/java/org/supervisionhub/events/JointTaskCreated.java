package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code joint-task.created}: a department or a region initiated a joint supervision task (跨部门联合监管) and
 * distributed it (分发) to the participating departments. Aggregate: the task's id.
 */
public record JointTaskCreated(
        @JsonPropertyDescription("The task's id in the hub") long taskId,

        @JsonPropertyDescription("任务编号 (the national taskNo)")
        String taskNo,

        @JsonPropertyDescription("任务名称") String title,

        @JsonPropertyDescription("DEPARTMENT, REGION or NATIONAL (a task the national platform sent)")
        String initiatorType,

        @JsonPropertyDescription("The initiating department's code (department initiators)") @Nullable
        String initiatorDepartmentCode,

        @JsonPropertyDescription("The initiator's region (GB/T 2260)")
        String initiatorRegionCode,

        @JsonPropertyDescription("The subjects' unified social credit codes")
        List<String> subjectCreditCodes,

        @JsonPropertyDescription("The items to check (14-digit catalog codes)")
        List<String> itemCodes,

        @JsonPropertyDescription("The participating departments' codes")
        List<String> participantCodes,

        @JsonPropertyDescription("反馈期限: last day of the feedback period")
        LocalDate deadline,

        @JsonPropertyDescription("When it was created (UTC)")
        Instant createdAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.JOINT_TASK_CREATED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(taskId);
    }
}
