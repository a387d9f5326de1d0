package org.supervisionhub.officer;

import java.time.LocalDate;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.item.ItemType;

/** Whether a team may carry out an act on an item, certificate by certificate. */
@Schema(name = "CredentialCheckResult")
public record CredentialCheckResult(
        boolean allowed,
        String itemCode,
        @Schema(description = "Type of the sub-item") ItemType itemType,

        int requiredOfficers,
        int validOfficers,

        @Schema(description = "The date checked") LocalDate date,

        List<CertificateCheck> results,
        List<ErrorCode> reasons) {

    /** One certificate's result. */
    @Schema(name = "CertificateCheck")
    public record CertificateCheck(String issuer, String certNo, boolean valid, List<ErrorCode> reasons) {}
}
