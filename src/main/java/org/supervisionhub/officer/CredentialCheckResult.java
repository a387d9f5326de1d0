package org.supervisionhub.officer;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.item.ItemType;

/** Whether a team may carry out an act on an item, certificate by certificate. */
@Schema(name = "CredentialCheckResult")
public record CredentialCheckResult(
        @Schema(
                description = "True when at least requiredOfficers distinct officers hold a qualifying certificate and "
                        + "every certificate named qualifies")
        boolean allowed,

        @Schema(description = "监管事项编码") String itemCode,
        @Schema(description = "Type of the sub-item") ItemType itemType,

        @Schema(
                description =
                        "Officers the law requires: two (两名以上执法人员) for inspection, penalty and enforcement, one otherwise")
        int requiredOfficers,

        @Schema(description = "Distinct officers (by person, not by certificate) with a qualifying certificate")
        int validOfficers,

        @Schema(description = "The date checked") LocalDate date,

        @Schema(description = "One result per certificate, in the order sent")
        List<CertificateCheck> results,

        @Schema(description = "Reasons the team as a whole does not qualify (TOO_FEW_OFFICERS); empty when allowed")
        List<ErrorCode> reasons) {

    /** One certificate's result. */
    @Schema(name = "CertificateCheck")
    public record CertificateCheck(
            @Schema(description = "发证机关编码") String issuer,
            @Schema(description = "执法证件号") String certNo,

            @Schema(description = "True when the certificate qualifies for the item on the date")
            boolean valid,

            @Schema(description = "Why it does not qualify; empty when valid")
            List<ErrorCode> reasons) {}
}
