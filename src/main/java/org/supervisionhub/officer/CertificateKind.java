package org.supervisionhub.officer;

/** Who issued a certificate: a ministry (部委) or a provincial government (省级人民政府). */
public enum CertificateKind {
    MINISTRY,
    PROVINCIAL
}
