package org.supervisionhub.officer;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * What a public scan shows. For FORGED and TOKEN_EXPIRED only the result; otherwise the holder's name, photo,
 * department, categories and validity. Never the ID number, not even masked.
 */
@Schema(name = "CredentialVerification")
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VerificationView(
        @Schema(description = "Result of the scan") VerificationResult result,
        String holderName,
        String photoRef,
        String departmentName,
        List<String> categories,
        @Schema(description = "有效期起") LocalDate validFrom,
        @Schema(description = "有效期止") LocalDate validTo,
        @Schema(description = "证件种类") CertificateKind kind) {

    static VerificationView only(VerificationResult result) {
        return new VerificationView(result, null, null, null, null, null, null, null);
    }
}
