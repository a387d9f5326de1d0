package org.supervisionhub.events;

/** {@code record.deleted}: a behaviour record was deleted (a tombstone, next version). Aggregate: the record id. */
public record RecordDeleted(long recordId, int version, String operation, String kind, String departmentCode,
                            String sourceSystem, String sourceRecordId) implements HubEvent {

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
