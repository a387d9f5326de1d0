package org.supervisionhub.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Changes for a docked system, in its own format, after a cursor. */
@Schema(name = "AdapterChanges")
public record ChangesView(String system, List<Change> items, long nextCursor) {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AdapterChange")
    public record Change(
            long cursor,
            String event,
            String eventType,
            String aggregateId,
            Map<String, Object> data,
            String mappingError) {}
}
