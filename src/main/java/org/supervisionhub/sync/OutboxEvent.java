package org.supervisionhub.sync;

import java.util.UUID;

/** An outbox event as a delivery target receives it. */
public record OutboxEvent(
        long id, String aggregateType, String aggregateId, String eventType, String payload, UUID idempotencyKey) {}
