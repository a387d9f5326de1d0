package org.supervisionhub.organization;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.CreditCode;
import org.supervisionhub.common.code.RegionCode;

/** A department (执法主体) as registered: the whole of it, a PUT replaces what is stored. */
@Schema(name = "DepartmentRequest")
public record DepartmentRequest(
        @NotBlank @Size(max = 200) String name,

        @NotNull @CreditCode String creditCode,

        @NotNull @RegionCode String regionCode,

        @Schema(description = "层级") @NotNull DepartmentLevel level,

        @Pattern(regexp = Departments.CODE) String parentCode,

        @NotNull @Size(min = 1, max = 50) List<@NotNull @Pattern(regexp = "^[A-Z0-9_]{2,32}$") String> sectorCodes,

        @Size(max = 100) List<@NotNull @Valid EntrustedOrganisation> entrusted,

        @Schema(description = "First day it may act") LocalDate validFrom,
        @Schema(description = "Last day it may act") LocalDate validTo) {}
