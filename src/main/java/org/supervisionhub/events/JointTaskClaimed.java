package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;

/** {@code joint-task.claimed}: a participating department claimed (认领) its part of a joint supervision task. Aggregate: the task's id. */
public record JointTaskClaimed(
        @JsonPropertyDescription("The task's id in the hub") long taskId,

        @JsonPropertyDescription("任务编号 (the national taskNo)")
        String taskNo,

        @JsonPropertyDescription("The participating department")
        String departmentCode,

        @JsonPropertyDescription("When it was claimed (UTC)")
        Instant claimedAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.JOINT_TASK_CLAIMED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(taskId);
    }
}
