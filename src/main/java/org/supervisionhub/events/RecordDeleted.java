package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;

/** {@code record.deleted}: a behaviour record was deleted (a tombstone, next version). Aggregate: the record id. */
public record RecordDeleted(
        @JsonPropertyDescription("The hub's id of the record")
        long recordId,

        @JsonPropertyDescription("The tombstone's version") int version,
        @JsonPropertyDescription("DELETE") String operation,
        @JsonPropertyDescription("The record's kind") String kind,

        @JsonPropertyDescription("The department the record belongs to")
        String departmentCode,

        @JsonPropertyDescription("The system the record came from")
        String sourceSystem,

        @JsonPropertyDescription("The record's id in that system")
        String sourceRecordId)
        implements HubEvent {

    /** The {@code operation} of every {@code record.deleted}. */
    public static final String OPERATION = "DELETE";

    @Override
    public EventType type() {
        return EventType.RECORD_DELETED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(recordId);
    }
}
