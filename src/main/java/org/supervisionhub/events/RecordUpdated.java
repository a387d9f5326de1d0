package org.supervisionhub.events;

import java.util.Map;

/**
 * {@code record.updated}: a behaviour record was stored again with another content (or revived after a delete);
 * {@code record} is the canonical record as stored. Aggregate: the record id.
 */
public record RecordUpdated(long recordId, int version, String operation, String kind, String departmentCode,
                            Map<String, Object> record) implements HubEvent {

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
