package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;

/**
 * {@code random-draw.announced}: a department announced a 双随机 draw, publishing its seed and the hash of its inputs
 * before anything is drawn. Aggregate: the draw's id.
 */
public record RandomDrawAnnounced(
        @JsonPropertyDescription("The draw's id in the hub") long drawId,

        @JsonPropertyDescription("The hub's id of the sampling plan")
        long planId,

        @JsonPropertyDescription("The plan's department") String departmentCode,

        @JsonPropertyDescription("The published seed: 256 bits, lower-case hex")
        String seed,

        @JsonPropertyDescription("SHA-256 of the inputs' JSON text, lower-case hex")
        String inputsHash,

        @JsonPropertyDescription("Subjects that may be drawn")
        int candidates,

        @JsonPropertyDescription("Inspectors that may be drawn")
        int inspectors,

        @JsonPropertyDescription("When it was announced (UTC)")
        Instant announcedAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.RANDOM_DRAW_ANNOUNCED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(drawId);
    }
}
