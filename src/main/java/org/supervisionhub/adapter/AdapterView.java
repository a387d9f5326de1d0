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

        @Schema(description = "Pushes: the last error") String pushLastError) {}
