package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;

/**
 * {@code random-draw.executed}: a 双随机 draw was computed from its published seed and inputs. Aggregate: the draw's
 * id.
 */
public record RandomDrawExecuted(
        @JsonPropertyDescription("The draw's id in the hub") long drawId,

        @JsonPropertyDescription("The hub's id of the sampling plan")
        long planId,

        @JsonPropertyDescription("The plan's department") String departmentCode,

        @JsonPropertyDescription("The published seed: 256 bits, lower-case hex")
        String seed,

        @JsonPropertyDescription("SHA-256 of the inputs' JSON text, lower-case hex")
        String inputsHash,

        @JsonPropertyDescription("SHA-256 of the result's JSON text, lower-case hex")
        String resultHash,

        @JsonPropertyDescription("Subjects drawn") int subjects,

        @JsonPropertyDescription("When it was executed (UTC)")
        Instant executedAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.RANDOM_DRAW_EXECUTED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(drawId);
    }
}
