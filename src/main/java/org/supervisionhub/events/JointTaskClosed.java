package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;
import java.util.List;

/**
 * {@code joint-task.closed}: the initiator closed (结束) a joint supervision task after every participant fed back.
 * Aggregate: the task's id.
 */
public record JointTaskClosed(
        @JsonPropertyDescription("The task's id in the hub") long taskId,

        @JsonPropertyDescription("任务编号 (the national taskNo)")
        String taskNo,

        @JsonPropertyDescription("结束说明") @Nullable String remark,

        @JsonPropertyDescription("The participants that fed back after the deadline (逾期)")
        List<String> overdueDepartmentCodes,

        @JsonPropertyDescription("When it was closed (UTC)") Instant closedAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.JOINT_TASK_CLOSED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(taskId);
    }
}
