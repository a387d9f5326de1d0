package org.supervisionhub.record;

import java.time.LocalDate;
import java.time.OffsetDateTime;

/**
 * A record that passed validation, as it is stored and sent on: its key (the department's own source system and
 * source record id), the columns the hub filters on, the canonical body (personal identifiers replaced by their
 * masked forms) and the hash that tells an identical re-send from a change. A delete carries only its key and kind.
 */
record CanonicalRecord(
        RecordOperation operation,
        String departmentCode,
        String sourceSystem,
        String sourceRecordId,
        RecordKind kind,
        String itemCode,
        String regionCode,
        String subjectCreditCode,
        String subjectIdHash,
        LocalDate actDate,
        OffsetDateTime reportedAt,
        boolean disclosable,
        String body,
        String contentHash) {

    static CanonicalRecord delete(String departmentCode, String sourceSystem, String sourceRecordId, RecordKind kind) {
        return new CanonicalRecord(
                RecordOperation.DELETE,
                departmentCode,
                sourceSystem,
                sourceRecordId,
                kind,
                null,
                null,
                null,
                null,
                null,
                null,
                false,
                null,
                null);
    }

    boolean isDelete() {
        return operation == RecordOperation.DELETE;
    }

    String key() {
        return sourceSystem + '\u0000' + sourceRecordId;
    }
}
