package org.supervisionhub.events;

/**
 * An event the hub publishes: one record per {@link EventType}. The record's components are the payload (what the
 * outbox stores and the relay delivers, described by {@code openapi/events.asyncapi.yaml}); the type, the aggregate
 * type and the aggregate id route it and never appear in the payload.
 */
public sealed interface HubEvent
        permits ClaimCreated,
                ClaimReleased,
                ImplementationListUpserted,
                CertificateUpserted,
                SubjectUpserted,
                RecordCreated,
                RecordUpdated,
                RecordDeleted,
                CaseFeedbackSent,
                DepartmentUpserted,
                DepartmentDeactivated,
                RandomDrawAnnounced,
                RandomDrawExecuted,
                RandomDrawPublished,
                DisclosurePublished,
                DisclosureWithdrawn,
                RiskClueRaised,
                JointTaskCreated,
                JointTaskClaimed,
                JointTaskStarted,
                JointTaskAnswered,
                JointTaskClosed,
                JointTaskReported,
                JointTaskReminded {

    /** The event's entry in the catalog. */
    EventType type();

    /** Which aggregate the event belongs to: the relay delivers one aggregate's events in order. */
    String aggregateId();

    /** The kind of aggregate (the national platform's {@code kind}, what docked systems subscribe to). */
    default String aggregateType() {
        return type().aggregateType();
    }
}
