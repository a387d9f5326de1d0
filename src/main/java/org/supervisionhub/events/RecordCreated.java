package org.supervisionhub.events;

import java.util.Map;

/**
 * {@code record.created}: a behaviour record was stored for the first time; {@code record} is the canonical record
 * as stored. Aggregate: the record id. Written set-based by the upload statement (see {@code Outbox.insertSelect}).
 */
public record RecordCreated(long recordId, int version, String operation, String kind, String departmentCode,
                            Map<String, Object> record) implements HubEvent {

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
