package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;
import java.time.LocalDate;

/**
 * {@code joint-task.reminded}: a participant that has not fed back on a joint supervision task was reminded (催办),
 * once before the deadline and once after it passed. Aggregate: the task's id.
 */
public record JointTaskReminded(
        @JsonPropertyDescription("The task's id in the hub") long taskId,

        @JsonPropertyDescription("任务编号 (the national taskNo)")
        String taskNo,

        @JsonPropertyDescription("The participating department reminded")
        String departmentCode,

        @JsonPropertyDescription("Its step when reminded: DISTRIBUTED, CLAIMED or HANDLING")
        String status,

        @JsonPropertyDescription("反馈期限: the last day to feed back")
        LocalDate deadline,

        @JsonPropertyDescription("The deadline has passed (逾期催办) rather than being near")
        boolean overdue,

        @JsonPropertyDescription("When it was reminded (UTC)")
        Instant remindedAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.JOINT_TASK_REMINDED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(taskId);
    }
}
