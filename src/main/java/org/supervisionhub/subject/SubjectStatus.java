package org.supervisionhub.subject;

/** Registration status (存续, 吊销, 注销, 迁出, 其他). */
public enum SubjectStatus {
    ACTIVE,
    REVOKED,
    CANCELLED,
    MOVED_OUT,
    OTHER
}
