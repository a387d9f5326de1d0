package org.supervisionhub.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A record that passed validation, as it is stored and sent on: the key columns plus the canonical body (personal
 * identifiers replaced by their masked forms) and the hash that tells an identical re-send from a change. A delete
 * carries only its key.
 */
record CanonicalRecord(
        RecordOperation operation,
        RecordKind kind,
        String sourceSystem,
        String sourceRecordId,
        String departmentCode,
        String itemCode,
        String regionCode,
        String subjectCreditCode,
        String subjectIdHash,
        LocalDate actDate,
        OffsetDateTime reportedAt,
        boolean disclosable,
        String body,
        String contentHash) {

    boolean isDelete() {
        return operation == RecordOperation.DELETE;
    }

    String key() {
        return sourceSystem + '\u0000' + sourceRecordId;
    }
}
