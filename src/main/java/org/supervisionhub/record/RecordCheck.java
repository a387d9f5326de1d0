package org.supervisionhub.record;

import java.util.List;
import org.supervisionhub.common.FieldError;

/**
 * The verdict on one uploaded record: its position in the upload (0-based index; NDJSON also the 1-based line),
 * and either the canonical record or the errors that reject it. Warnings never reject.
 */
record RecordCheck(
        int index,
        Integer line,
        String sourceRecordId,
        CanonicalRecord record,
        List<FieldError> errors,
        List<FieldError> warnings) {

    static RecordCheck rejected(int index, Integer line, String sourceRecordId, List<FieldError> errors) {
        return new RecordCheck(index, line, sourceRecordId, null, List.copyOf(errors), List.of());
    }

    boolean accepted() {
        return record != null;
    }

    /** The same verdict, now rejected by the writer (e.g. the record belongs to another department). */
    RecordCheck rejectedBy(FieldError error) {
        return new RecordCheck(index, line, sourceRecordId, null, List.of(error), warnings);
    }
}
