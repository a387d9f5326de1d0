package org.supervisionhub.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One sync target's state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SyncStatus")
public record SyncStatusView(
        String target,

        @Schema(description = "Whether this replica relays to the target")
        boolean relaying,

        @Schema(description = "Events waiting (incl. in flight)")
        long pending,

        @Schema(description = "Events being delivered now") long inFlight,
        @Schema(description = "Dead letters") long dead,

        @Schema(description = "Age in seconds of the oldest undelivered event; 0 when none")
        long lagSeconds,

        OffsetDateTime lastSuccessAt,

        @Schema(description = "Since when deliveries fail, while they do")
        OffsetDateTime failingSince,

        int consecutiveFailures,
        String lastError,

        @Schema(description = "This replica's circuit breaker: CLOSED, OPEN or HALF_OPEN")
        String breaker) {}
