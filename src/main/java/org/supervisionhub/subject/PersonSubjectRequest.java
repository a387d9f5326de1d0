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
        @NotBlank @Pattern(regexp = "^[A-Za-z0-9_.-]{2,64}$")
        String source,

        @NotNull @IdNumber String idNumber,

        @NotBlank @Size(max = 100) String name,

        @NotNull @RegionCode String regionCode,
        @Size(max = 500) String address) {}
