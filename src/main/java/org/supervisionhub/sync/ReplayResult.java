package org.supervisionhub.sync;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** How many dead letters were queued again. */
@Schema(name = "ReplayResult")
public record ReplayResult(long replayed) {}
