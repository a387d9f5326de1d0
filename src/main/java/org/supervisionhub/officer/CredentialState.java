package org.supervisionhub.officer;

import java.time.LocalDate;

/**
 * What a certificate is worth on a given date: the recorded status first (a revoked or suspended certificate
 * stays so whatever its dates), then the validity period. Computed at read time, so a certificate expires on
 * its date even if nobody ever updates it.
 */
public enum CredentialState {
    VALID, EXPIRED, NOT_YET_VALID, SUSPENDED, REVOKED;

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
