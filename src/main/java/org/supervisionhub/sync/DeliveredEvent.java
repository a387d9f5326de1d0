package org.supervisionhub.sync;

/** An outbox event a target acknowledged, as {@link DeliveryListener}s see it. */
public record DeliveredEvent(String target, String aggregateType, String aggregateId, String eventType) {}
