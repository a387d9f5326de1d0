package org.supervisionhub.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.RegionCode;

/**
 * An organisation subject as a source system reports it. Absent (null) fields keep the value another
 * source reported; present fields replace it, so several sources merge into one subject.
 */
@Schema(name = "SubjectRequest")
public record SubjectRequest(
        @Schema(description = "报送系统 (source system id)", example = "gx-scjg-registry")
        @NotBlank
        @Pattern(regexp = "^[A-Za-z0-9_.-]{2,64}$")
        String source,

        @Schema(description = "主体名称", example = "腾讯科技（深圳）有限公司") @Size(min = 1, max = 300)
        String name,

        @Schema(description = "主体类型; required when the subject is new; NATURAL_PERSON is not allowed here")
        SubjectType subjectType,

        @Schema(description = "所属行政区划 (GB/T 2260)", example = "450103") @RegionCode
        String regionCode,

        @Size(max = 500) String registeredAddress,
        @Size(max = 500) String businessAddress,

        @Schema(description = "行业代码 (GB/T 4754: section letter and up to four digits)", example = "C1310")
        @Pattern(regexp = "^[A-T]([0-9]{2,4})?$")
        String industryCode,

        @Size(max = 100) String legalRepresentative,
        @Schema(description = "登记状态") SubjectStatus status,

        @Schema(description = "信用等级", example = "A") @Pattern(regexp = "^[A-D][+-]?$")
        String creditLevel,

        Boolean abnormalListed,
        Boolean seriousIllegalListed) {}
