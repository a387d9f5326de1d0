package org.supervisionhub.officer;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An enforcement certificate (执法证) and its holder, to create or update. */
@Schema(name = "CredentialRequest")
public record CredentialRequest(
        @Schema(description = "持证人") @NotNull @Valid HolderRequest holder,

        @Schema(description = "证件种类: 部委 (MINISTRY) or 省级人民政府 (PROVINCIAL) issued") @NotNull
        CertificateKind kind,

        @Schema(description = "有效期起", example = "2024-01-01") @NotNull
        LocalDate validFrom,

        @Schema(description = "有效期止, not before validFrom", example = "2029-12-31") @NotNull
        LocalDate validTo,

        @Schema(
                description =
                        "执法门类: the sectors the certificate covers, in the codes of the catalog items' sectorCode "
                                + "(e.g. SAMR, MEE); the certificate covers an item when the item's sector is listed. 1-20 codes.",
                example = "[\"SAMR\"]")
        @NotNull
        @Size(min = 1, max = CredentialFormats.MAX_CATEGORIES)
        List<String> categories,

        @Schema(description = "证件状态 as recorded by the issuing side; expiry is computed from the dates") @NotNull
        CertificateStatus status) {}
