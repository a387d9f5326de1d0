package org.supervisionhub.jointtask;

import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The initiator's closing words. */
@Schema(name = "JointTaskCloseRequest", description = "结束联合监管任务")
public record JointTaskCloseRequest(
        @Schema(description = "结束说明", example = "各部门均已反馈，任务结束") @Size(max = 500)
        String remark) {}
