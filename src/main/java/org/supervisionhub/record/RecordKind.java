package org.supervisionhub.record;

import org.supervisionhub.item.ItemType;

/** What a record reports: one of the four behaviour kinds (监管行为) or a complaint/report (投诉举报). */
public enum RecordKind {
    INSPECTION,
    PENALTY,
    ENFORCEMENT,
    OTHER,
    COMPLAINT;

    /** The catalog item type a behaviour record must be filed under; complaints have none. */
    public ItemType itemType() {
        return switch (this) {
            case INSPECTION -> ItemType.INSPECTION;
            case PENALTY -> ItemType.PENALTY;
            case ENFORCEMENT -> ItemType.ENFORCEMENT;
            case OTHER -> ItemType.OTHER;
            case COMPLAINT -> null;
        };
    }
}
