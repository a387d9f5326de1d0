package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;

/** {@code random-draw.published}: a draw's result was made public (desensitised). Aggregate: the draw's id. */
public record RandomDrawPublished(
        @JsonPropertyDescription("The draw's id in the hub") long drawId,

        @JsonPropertyDescription("The hub's id of the sampling plan")
        long planId,

        @JsonPropertyDescription("The plan's department") String departmentCode,

        @JsonPropertyDescription("SHA-256 of the result's JSON text, lower-case hex")
        String resultHash,

        @JsonPropertyDescription("When it was published (UTC)")
        Instant publishedAt)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.RANDOM_DRAW_PUBLISHED;
    }

    @Override
    public String aggregateId() {
        return String.valueOf(drawId);
    }
}
