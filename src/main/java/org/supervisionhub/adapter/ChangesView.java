package org.supervisionhub.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes for a docked system, in its own format, after a cursor. */
@Schema(name = "AdapterChanges")
public record ChangesView(
        String system,
        List<Change> items,

        @Schema(
                description = "Pass as since= to get the next changes. When the page holds fewer than limit "
                        + "events, it is the last position handed out so far (past events of other departments).")
        long nextCursor) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AdapterChange")
    public record Change(
            @Schema(description = "The event's pull position; since= this value resumes after it")
            long cursor,

            String event,
            String eventType,
            String aggregateId,

            @Schema(description = "The change mapped to the system's format")
            Map<String, Object> data,

            @Schema(description = "Why the change could not be mapped")
            String mappingError) {}
}
