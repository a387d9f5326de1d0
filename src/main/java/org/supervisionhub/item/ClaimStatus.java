package org.supervisionhub.item;

/** Whether a department's claim is in force or was released. */
public enum ClaimStatus {
    ACTIVE,
    RELEASED
}
