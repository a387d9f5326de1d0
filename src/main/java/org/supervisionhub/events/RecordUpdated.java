package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.util.Map;

/**
 * {@code record.updated}: a behaviour record was stored again with another content (or revived after a delete);
 * {@code record} is the canonical record as stored. Aggregate: the record id.
 */
public record RecordUpdated(
        @JsonPropertyDescription("The hub's id of the record that changed")
        long recordId,

        @JsonPropertyDescription("The record's new version, 2 and up")
        int version,

        @JsonPropertyDescription("UPDATE") String operation,
        @JsonPropertyDescription("The record's kind") String kind,

        @JsonPropertyDescription("The department the record belongs to")
        String departmentCode,

        @JsonPropertyDescription("The canonical record as now stored, whole, not a difference (the RecordInput schema "
                + "of openapi.yaml, "
                + "persons' ID numbers hashed and masked)")
        Map<String, Object> record)
        implements HubEvent {

    /** The {@code operation} of every {@code record.updated}. */
    public static final String OPERATION = "UPDATE";

    @Override
    public EventType type() {
        return EventType.RECORD_UPDATED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(recordId);
    }
}
