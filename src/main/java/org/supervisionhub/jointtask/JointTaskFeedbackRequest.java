package org.supervisionhub.jointtask;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Positive;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A participant's feedback: the behaviour records it produced for the task, of one kind. */
@Schema(name = "JointTaskFeedbackRequest", description = "参与部门反馈: one behaviour kind and the records it produced")
public record JointTaskFeedbackRequest(
        @Schema(
                description = "反馈类型: INSPECTION 行政检查 (admInspection), PENALTY 行政处罚 (admPunishment), "
                        + "ENFORCEMENT 行政强制 (admForce), OTHER 其他行政行为 (other)",
                example = "INSPECTION")
        @NotNull
        @Pattern(regexp = "^(INSPECTION|PENALTY|ENFORCEMENT|OTHER)$")
        String kind,

        @Schema(
                description =
                        "关联的监管行为记录: the hub's ids of the behaviour records the department produced (1-20): its own, of "
                                + "this kind, on a subject of the task",
                example = "[10452]")
        @NotNull
        @Size(min = 1, max = 20)
        List<@NotNull @Positive Long> recordIds,

        @Schema(description = "反馈意见", example = "已完成现场检查，未发现违法违规行为") @NotBlank @Size(max = 1000)
        String suggestion,

        @Schema(
                description = "联合检查批次号 (进一次门，查多项事): participants that inspected in one joint visit give the "
                        + "same id, and their inspection records must share the check date; INSPECTION only",
                example = "LHJC-450500-20261130-01")
        @Pattern(regexp = "^[A-Za-z0-9_.:-]{1,64}$")
        String visitId) {}
