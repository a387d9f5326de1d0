package org.supervisionhub.sync;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** One sync target's state. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "SyncStatus")
public record SyncStatusView(
        String target,
        boolean relaying,
        long pending,
        long inFlight,
        long dead,
        long lagSeconds,
        OffsetDateTime lastSuccessAt,

        @Schema(description = "Since when deliveries fail, while they do")
        OffsetDateTime failingSince,

        int consecutiveFailures,
        String lastError,
        String breaker) {}
