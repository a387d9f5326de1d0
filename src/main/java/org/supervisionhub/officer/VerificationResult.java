package org.supervisionhub.officer;

/** The answer of a public scan (扫码查证). */
public enum VerificationResult {
    /** Genuine token, certificate valid now. */
    VALID,
    /** Genuine token past its few minutes of life: ask the officer to show a fresh code. */
    TOKEN_EXPIRED,
    /** Genuine token, certificate revoked (注销 / 吊销). */
    REVOKED,
    /** Genuine token, certificate suspended (暂扣). */
    SUSPENDED,
    /** Genuine token, certificate past its validity. */
    CREDENTIAL_EXPIRED,
    /** Genuine token, certificate's validity not yet begun. */
    NOT_YET_VALID,
    /** Not a token the hub issued: tampered, truncated, foreign, unsigned or garbage. */
    FORGED
}
