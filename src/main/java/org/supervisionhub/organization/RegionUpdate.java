package org.supervisionhub.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.RegionCode;

/** A region as a hub-admin sets it: a new code, a rename, or an abolition with its successor. */
@Schema(name = "RegionUpdate")
public record RegionUpdate(
        @NotBlank @Size(max = 100) String name,

        @Schema(description = "ACTIVE, or ABOLISHED to keep the code as history") @NotNull
        RegionStatus status,

        @RegionCode String successorCode,

        @Schema(description = "The day the code was abolished")
        LocalDate abolishedOn) {}
