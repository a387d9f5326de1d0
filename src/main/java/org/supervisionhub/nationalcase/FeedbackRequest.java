package org.supervisionhub.nationalcase;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The disposition of a case (办理结果), sent up to the national platform. */
@Schema(name = "CaseFeedback")
public record FeedbackRequest(
        @Schema(description = "办理结果", example = "经现场核查，投诉情况属实，已责令整改并立案调查") @NotBlank @Size(max = 4000)
        String result,

        @Size(max = 100) String handledBy,
        Boolean riskConfirmed) {}
