package org.supervisionhub.jointtask;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.ItemCode;
import org.supervisionhub.common.code.RegionCode;

/** What an initiator sends to create a joint supervision task. */
@Schema(name = "JointTaskRequest", description = "发起联合监管任务: subjects, items to check, participants and deadline")
public record JointTaskRequest(
        @Schema(description = "任务名称", example = "北海市海城区餐饮单位食品安全与消防联合检查") @NotBlank @Size(max = 200)
        String title,

        @Schema(description = "检查内容", example = "食品经营许可、从业人员健康证明、消防设施") @Size(max = 2000)
        String inspectContent,

        @Schema(
                description = "发起部门: the department a region or hub admin initiates for; a department admin's own "
                        + "department by default",
                example = "BH_SCJGJ")
        @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$")
        String initiatorDepartmentCode,

        @Schema(
                description = "发起地区: a region admin initiating for its region (or a region below it); the "
                        + "region admin's own region by default when no department is named",
                example = "450500")
        @RegionCode
        String initiatorRegionCode,

        @NotNull @Size(min = 1, max = 100) List<@NotNull @Valid JointTaskSubject> subjects,

        @Schema(description = "检查事项: 14-digit catalog codes (1-50)", example = "[\"45000000000101\"]")
        @NotNull
        @Size(min = 1, max = 50)
        List<@NotNull @ItemCode String> itemCodes,

        @Schema(
                description = "参与部门 (0-30), within the initiator's region; with the regions' departments at least one",
                example = "[\"BH_SCJGJ\", \"BH_XFJY\"]")
        @Size(max = 30)
        List<@NotNull @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$") String> participants,

        @Schema(
                description = "参与地区 (0-10), within the initiator's region: each takes part through its active "
                        + "departments that claim one of the items to check",
                example = "[\"450502\"]")
        @Size(max = 10)
        List<@NotNull @RegionCode String> participantRegions,

        @Schema(description = "反馈期限: last day to feed back, not before today", example = "2026-12-31") @NotNull
        LocalDate deadline) {

    /** The departments named; none when the field is absent. */
    public List<String> participants() {
        return participants == null ? List.of() : participants;
    }

    /** The regions named; none when the field is absent. */
    public List<String> participantRegions() {
        return participantRegions == null ? List.of() : participantRegions;
    }
}
