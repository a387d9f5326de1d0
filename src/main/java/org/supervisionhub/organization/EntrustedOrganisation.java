package org.supervisionhub.organization;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.CreditCode;

/** 受委托组织: an organisation a department entrusts with enforcement in its name (行政处罚法 §20). */
@Schema(name = "EntrustedOrganisation")
public record EntrustedOrganisation(
        @NotBlank @Size(max = 200) String name,

        @NotNull @CreditCode String creditCode) {}
