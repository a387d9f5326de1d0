package org.supervisionhub.record;

/** The exchange envelope's operation (i/u/d). Insert and update are both upserts by source record id. */
public enum RecordOperation {
    INSERT,
    UPDATE,
    DELETE
}
