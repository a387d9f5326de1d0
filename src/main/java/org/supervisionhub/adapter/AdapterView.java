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

        @Schema(description = "UP, or DISABLED when its descriptor is broken (hub.adapters.strict=false)")
        String status,

        @Schema(description = "The payload kinds it sends (POST .../inbound/{kind})")
        List<String> inbound,

        @Schema(description = "The hub events that flow back to it (GET .../changes)")
        List<String> outbound,

        @Schema(description = "What is wrong with its descriptor")
        List<AdapterProblem> problems,

        @Schema(description = "Inbound calls since start") long inboundCalls,

        @Schema(description = "Records accepted (new, updated or unchanged) since start")
        long recordsAccepted,

        @Schema(description = "Records rejected since start")
        long recordsRejected,

        OffsetDateTime lastSuccessAt,
        OffsetDateTime lastFailureAt,
        String lastFailure,

        @Schema(description = "Newest change it has pulled (cursor)")
        Long lastPulledCursor,

        @Schema(description = "Changes waiting for it beyond that cursor")
        Long pendingChanges,

        @Schema(description = "Pushes: events waiting (incl. in flight)")
        Long pushPending,

        @Schema(description = "Pushes: dead letters") Long pushDead,

        @Schema(description = "Pushes: age in seconds of the oldest undelivered event")
        Long pushLagSeconds,

        @Schema(description = "Pushes: since when they fail, while they do")
        OffsetDateTime pushFailingSince,

        @Schema(description = "Pushes: the last error") String pushLastError,

        @Schema(description = "Staging-database routes (前置库): per polled table and per 回流 table")
        List<StagingRoute> stagingRoutes) {

    /** One staging-database route: an inbound kind read from a table, or an event written into one (回流). */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(name = "AdapterStagingRoute")
    public record StagingRoute(
            @Schema(description = "in:<kind> (rows read from the table) or out (changes written into the 回流 tables)")
            String route,

            String table,

            @Schema(description = "When the table was last polled or written")
            OffsetDateTime polledAt,

            @Schema(description = "Inbound: cd_time of the newest row taken")
            OffsetDateTime cursorTime,

            @Schema(description = "Inbound: cd_id of the newest row taken")
            String cursorId,

            @Schema(description = "Outbound: the change (pull position) written up to")
            Long cursorPosition,

            @Schema(description = "Inbound: age in seconds of the oldest row still without a receipt when last polled")
            Long lagSeconds,

            @Schema(description = "Rows applied (inbound) or written (outbound) since the route began")
            long rowsApplied,

            @Schema(description = "Rows rejected with a receipt naming their error codes")
            long rowsRejected,

            @Schema(description = "Since when polling fails, while it does")
            OffsetDateTime failingSince,

            @Schema(description = "The last polling error") String lastError) {}
}
