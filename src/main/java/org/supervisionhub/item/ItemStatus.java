package org.supervisionhub.item;

/** Lifecycle of a catalog item (在用, 暂停, 取消). */
public enum ItemStatus {
    IN_USE,
    SUSPENDED,
    CANCELLED
}
