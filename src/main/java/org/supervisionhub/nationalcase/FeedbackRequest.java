package org.supervisionhub.nationalcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The disposition of a case (办理结果), sent up to the national platform. */
@Schema(name = "CaseFeedback")
public record FeedbackRequest(
        @Schema(description = "办理结果", example = "经现场核查，投诉情况属实，已责令整改并立案调查") @NotBlank @Size(max = 4000)
        String result,

        @Schema(description = "办理人; defaults to the caller") @Size(max = 100)
        String handledBy,

        @Schema(
                description = "风险是否属实: for a risk clue, whether the check found the risk real (what a risk model's "
                        + "confirmed rate counts); not sent for complaints and tasks")
        Boolean riskConfirmed) {}
