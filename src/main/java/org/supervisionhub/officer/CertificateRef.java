package org.supervisionhub.officer;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A certificate named by issuing body and number. */
@Schema(name = "CertificateRef")
public record CertificateRef(
        @Schema(description = "发证机关编码", example = "GX_SFT")
        @NotNull
        @Pattern(regexp = CredentialFormats.ISSUER, message = CredentialFormats.ISSUER_MESSAGE)
        String issuer,

        @Schema(description = "执法证件号 (8-32 characters)", example = "45010020240001")
        @NotNull
        @Size(min = CredentialFormats.CERT_NO_MIN, max = CredentialFormats.CERT_NO_MAX)
        @Pattern(regexp = CredentialFormats.CERT_NO, message = CredentialFormats.CERT_NO_MESSAGE)
        String certNo) {}
