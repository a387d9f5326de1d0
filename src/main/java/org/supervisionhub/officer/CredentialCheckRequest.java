package org.supervisionhub.officer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.code.ItemCode;

/** The certificates of an enforcement team, to check against a supervision item on a date. */
@Schema(name = "CredentialCheckRequest")
public record CredentialCheckRequest(
        @NotNull @Size(min = 1, max = CredentialFormats.MAX_CHECKED_CERTIFICATES)
        List<@NotNull @Valid CertificateRef> certificates,

        @Schema(description = "监管事项编码 of the sub-item the team acts on", example = "45000000010001") @NotNull @ItemCode
        String itemCode,

        @Schema(
                description = "Date of the act; today (China Standard Time) when absent. Validity dates are checked "
                        + "on this date; suspension and revocation as recorded now.",
                example = "2025-06-01")
        LocalDate date) {}
