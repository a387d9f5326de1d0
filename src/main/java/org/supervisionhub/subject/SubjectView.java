package org.supervisionhub.subject;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subject as the API shows it; natural persons appear with a masked ID number only. */
@Schema(name = "Subject")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectView(
        String creditCode,

        @Schema(description = "Masked ID number (natural persons)", example = "110105********002X")
        String idNumberMasked,

        String name,
        @Schema(description = "主体类型") SubjectType subjectType,
        String regionCode,
        String registeredAddress,
        String businessAddress,
        String industryCode,
        String legalRepresentative,
        @Schema(description = "登记状态") SubjectStatus status,
        String creditLevel,
        boolean abnormalListed,
        boolean seriousIllegalListed,
        List<String> sources,
        int version,
        @Schema(description = "Last change") OffsetDateTime updatedAt,

        List<SupervisorSummary> supervisors) {

    /** One supervising department. */
    @Schema(name = "SupervisorSummary")
    public record SupervisorSummary(
            String departmentCode, String departmentName, String regionCode, int applicableItems) {}
}
