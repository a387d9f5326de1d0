package org.supervisionhub.record;

/** One record's verdict after the write: the outcome, and the hub's id and version of the stored record. */
record WrittenRecord(RecordCheck check, RecordOutcome outcome, Long id, Integer version) {

    static WrittenRecord rejected(RecordCheck check) {
        return new WrittenRecord(check, RecordOutcome.REJECTED, null, null);
    }

    /** A record of an atomic upload refused before anything was written: its own verdict, nothing stored. */
    static WrittenRecord notWritten(RecordCheck check) {
        return check.accepted() ? new WrittenRecord(check, RecordOutcome.UNCHANGED, null, null) : rejected(check);
    }
}
