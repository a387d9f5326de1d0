package org.supervisionhub.subject;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.IdNumber;
import org.supervisionhub.common.code.RegionCode;

/** A natural person subject; the ID number is hashed on arrival and never stored or returned in clear. */
@Schema(name = "PersonSubjectRequest")
public record PersonSubjectRequest(
        @Schema(description = "报送系统 (source system id)") @NotBlank @Pattern(regexp = "^[A-Za-z0-9_.-]{2,64}$")
        String source,

        @Schema(description = "居民身份证号码") @NotNull @IdNumber String idNumber,

        @Schema(description = "姓名") @NotBlank @Size(max = 100)
        String name,

        @Schema(description = "所属行政区划") @NotNull @RegionCode String regionCode,
        @Schema(description = "地址") @Size(max = 500) String address) {}
