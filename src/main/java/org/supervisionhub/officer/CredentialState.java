package org.supervisionhub.officer;

import java.time.LocalDate;
import org.supervisionhub.common.ErrorCode;

/**
 * What a certificate is worth on a given date: the recorded status first (a revoked or suspended certificate
 * stays so whatever its dates), then the validity period. Computed at read time, so a certificate expires on
 * its date even if nobody ever updates it.
 */
public enum CredentialState {
    VALID,
    EXPIRED,
    NOT_YET_VALID,
    SUSPENDED,
    REVOKED;

    /** The catalog code of a state that does not qualify; null for VALID. */
    public ErrorCode problem() {
        return switch (this) {
            case VALID -> null;
            case EXPIRED -> ErrorCode.CERTIFICATE_EXPIRED;
            case NOT_YET_VALID -> ErrorCode.CERTIFICATE_NOT_YET_VALID;
            case SUSPENDED -> ErrorCode.CERTIFICATE_SUSPENDED;
            case REVOKED -> ErrorCode.CERTIFICATE_REVOKED;
        };
    }

    static CredentialState of(CertificateStatus status, LocalDate validFrom, LocalDate validTo, LocalDate date) {
        if (status == CertificateStatus.REVOKED) {
            return REVOKED;
        }
        if (status == CertificateStatus.SUSPENDED) {
            return SUSPENDED;
        }
        if (date.isAfter(validTo)) {
            return EXPIRED;
        }
        if (date.isBefore(validFrom)) {
            return NOT_YET_VALID;
        }
        return VALID;
    }
}
