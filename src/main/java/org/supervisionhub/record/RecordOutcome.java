package org.supervisionhub.record;

/** What an upload did with one record. */
public enum RecordOutcome {
    /** New record stored. */
    CREATED,
    /** Existing record changed: stored as its next version. */
    UPDATED,
    /** Identical re-send: nothing changed. */
    UNCHANGED,
    /** Tombstoned. */
    DELETED,
    /** Not stored; see its errors. */
    REJECTED
}
