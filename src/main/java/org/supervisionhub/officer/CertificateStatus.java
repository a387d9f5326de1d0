package org.supervisionhub.officer;

/** The status of a certificate as the issuing side records it (有效 / 暂扣 / 注销·吊销). */
public enum CertificateStatus {
    VALID,
    SUSPENDED,
    REVOKED
}
