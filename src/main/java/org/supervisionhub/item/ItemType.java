package org.supervisionhub.item;

/** Type of a (sub-)item's supervision behaviour (行政检查, 行政处罚, 行政强制, 其他). */
public enum ItemType {
    INSPECTION,
    PENALTY,
    ENFORCEMENT,
    OTHER
}
