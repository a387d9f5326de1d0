package org.supervisionhub.adapter;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A docked system as configured, and how its docking is doing. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Adapter")
public record AdapterView(
        String system,
        String name,
        String ownerDepartment,
        String status,
        List<String> inbound,
        List<String> outbound,
        List<AdapterProblem> problems,
        long inboundCalls,
        long recordsAccepted,
        long recordsRejected,
        OffsetDateTime lastSuccessAt,
        OffsetDateTime lastFailureAt,
        String lastFailure,
        Long lastPulledCursor,
        Long pendingChanges,
        Long pushPending,
        Long pushDead,
        Long pushLagSeconds,

        @Schema(description = "Pushes: since when they fail, while they do")
        OffsetDateTime pushFailingSince,

        String pushLastError,
        List<StagingRoute> stagingRoutes) {

    /** One staging-database route: an inbound kind read from a table, or an event written into one (回流). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AdapterStagingRoute")
    public record StagingRoute(
            String route,
            String table,

            @Schema(description = "When the table was last polled or written")
            OffsetDateTime polledAt,

            @Schema(description = "Inbound: cd_time of the newest row taken")
            OffsetDateTime cursorTime,

            String cursorId,
            Long cursorPosition,
            Long lagSeconds,
            long rowsApplied,
            long rowsRejected,

            @Schema(description = "Since when polling fails, while it does")
            OffsetDateTime failingSince,

            String lastError) {}
}
