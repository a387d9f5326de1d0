package org.supervisionhub.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many dead letters were queued again. */
@Schema(name = "ReplayResult")
public record ReplayResult(
        @Schema(description = "Events set back to PENDING with fresh attempts")
        long replayed) {}
