package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/**
 * {@code record.created}: a behaviour record was stored for the first time; {@code record} is the canonical record
 * as stored. Aggregate: the record id. Written set-based by the upload statement (see {@code Outbox.insertSelect}).
 */
public record RecordCreated(
        @JsonPropertyDescription("The hub's id of the record")
        long recordId,

        @JsonPropertyDescription("The record's version, 1 and up")
        int version,

        @JsonPropertyDescription("INSERT") String operation,
        @JsonPropertyDescription("The record's kind") String kind,

        @JsonPropertyDescription("The department the record belongs to")
        String departmentCode,

        @JsonPropertyDescription("The canonical record as stored (the RecordInput schema of openapi.yaml, "
                + "persons' ID numbers hashed and masked)")
        Map<String, Object> record)
        implements HubEvent {

    /** The {@code operation} of every {@code record.created}. */
    public static final String OPERATION = "INSERT";

    @Override
    public EventType type() {
        return EventType.RECORD_CREATED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(recordId);
    }
}
