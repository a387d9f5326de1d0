package org.supervisionhub.subject;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A subject as the API shows it; natural persons appear with a masked ID number only. */
@Schema(name = "Subject")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record SubjectView(
        @Schema(description = "统一社会信用代码 (organisations)") String creditCode,

        @Schema(description = "Masked ID number (natural persons)", example = "110105********002X")
        String idNumberMasked,

        @Schema(description = "主体名称") String name,
        @Schema(description = "主体类型") SubjectType subjectType,
        @Schema(description = "所属行政区划") String regionCode,
        @Schema(description = "注册地址") String registeredAddress,
        @Schema(description = "经营地址") String businessAddress,
        @Schema(description = "行业代码 (GB/T 4754)") String industryCode,
        @Schema(description = "法定代表人") String legalRepresentative,
        @Schema(description = "登记状态") SubjectStatus status,
        @Schema(description = "信用等级") String creditLevel,
        @Schema(description = "列入经营异常名录") boolean abnormalListed,
        @Schema(description = "列入严重违法失信名单") boolean seriousIllegalListed,

        @Schema(description = "Systems that reported this subject")
        List<String> sources,

        @Schema(description = "Version, +1 on every change") int version,
        @Schema(description = "Last change") OffsetDateTime updatedAt,

        @Schema(
                description =
                        "Departments that supervise the subject (谁来监管), with how many of their claimed items apply")
        List<SupervisorSummary> supervisors) {

    /** One supervising department. */
    @Schema(name = "SupervisorSummary")
    public record SupervisorSummary(
            String departmentCode, String departmentName, String regionCode, int applicableItems) {}
}
