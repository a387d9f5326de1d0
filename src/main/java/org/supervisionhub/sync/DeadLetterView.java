package org.supervisionhub.sync;

import java.time.OffsetDateTime;
import java.util.Map;
import java.util.UUID;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** An outbox event the relay gave up on. */
@Schema(name = "DeadLetter")
public record DeadLetterView(
        long id,
        String target,
        String aggregateType,
        String aggregateId,
        String eventType,
        UUID idempotencyKey,
        int attempts,
        String lastError,
        OffsetDateTime createdAt,
        Map<String, Object> payload) {}
