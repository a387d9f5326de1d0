package org.supervisionhub.officer;

/** Why a certificate, or a team, does not qualify for an act. */
public enum CheckReason {
    /** No certificate with this issuer and number. */
    CREDENTIAL_NOT_FOUND,
    /** The date is after the certificate's validity. */
    EXPIRED,
    /** The date is before the certificate's validity. */
    NOT_YET_VALID,
    /** The certificate is suspended (暂扣). */
    SUSPENDED,
    /** The certificate is revoked (注销 / 吊销). */
    REVOKED,
    /** The item's sector is not among the certificate's enforcement categories (执法门类). */
    CATEGORY_NOT_COVERED,
    /** Fewer distinct officers with a qualifying certificate than the item's type requires. */
    TOO_FEW_OFFICERS
}
