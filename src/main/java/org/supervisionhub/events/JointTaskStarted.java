package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;

/** {@code joint-task.started}: a participating department started handling (处置) its part of a joint supervision task. Aggregate: the task's id. */
public record JointTaskStarted(
        @JsonPropertyDescription("The task's id in the hub") long taskId,

        @JsonPropertyDescription("任务编号 (the national taskNo)")
        String taskNo,

        @JsonPropertyDescription("The participating department")
        String departmentCode,

        @JsonPropertyDescription("When handling started (UTC)")
        Instant startedAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.JOINT_TASK_STARTED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(taskId);
    }
}
