package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/**
 * {@code joint-task.reported}: a joint supervision task as the national platform reads it, after a change the platform
 * should know of (a hub task created, a participant's claim, handling or feedback, the close). The document is the
 * national {@code superviseData} shape in its JSON form, feedback blocks filled from the linked records. Aggregate: the
 * task's id.
 */
public record JointTaskReported(
        @JsonPropertyDescription("The task's id in the hub") long taskId,

        @JsonPropertyDescription("任务编号 (the national taskNo)")
        String taskNo,

        @JsonPropertyDescription("The change reported: CREATED, CLAIMED, HANDLING, FED_BACK or CLOSED")
        String change,

        @JsonPropertyDescription("The participating department whose step is reported; null for CREATED and CLOSED")
        @Nullable
        String departmentCode,

        @JsonPropertyDescription(
                "The task in the national shape (superviseData: taskInfo, superviseObjects, supervisionProcess)")
        Map<String, Object> superviseData)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.JOINT_TASK_REPORTED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(taskId);
    }
}
