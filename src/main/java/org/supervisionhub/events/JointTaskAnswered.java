package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;
import java.util.List;

/**
 * {@code joint-task.answered}: a participating department fed back (反馈) on a joint supervision task, linking the
 * behaviour records it produced. Aggregate: the task's id.
 */
public record JointTaskAnswered(
        @JsonPropertyDescription("The task's id in the hub") long taskId,

        @JsonPropertyDescription("任务编号 (the national taskNo)")
        String taskNo,

        @JsonPropertyDescription("The participating department")
        String departmentCode,

        @JsonPropertyDescription("The behaviour kind: INSPECTION, PENALTY, ENFORCEMENT or OTHER")
        String kind,

        @JsonPropertyDescription("The hub's ids of the linked behaviour records")
        List<Long> recordIds,

        @JsonPropertyDescription("The joint visit (进一次门，查多项事) the inspection records belong to") @Nullable
        String visitId,

        @JsonPropertyDescription("反馈意见") String suggestion,

        @JsonPropertyDescription("Fed back after the deadline (逾期反馈)")
        boolean overdue,

        @JsonPropertyDescription("When it was fed back (UTC)")
        Instant fedBackAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.JOINT_TASK_ANSWERED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(taskId);
    }
}
