package org.supervisionhub.randominspection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A draw recomputed from its stored seed and inputs, compared with what was stored. */
@Schema(name = "RandomDrawVerification")
public record DrawVerification(
        long drawId,

        @Schema(description = "The stored inputs still hash to the published inputsHash")
        boolean inputsIntact,

        String resultHash,
        String recomputedResultHash,

        @Schema(description = "Inputs intact and the recomputed result equal to the stored one")
        boolean matches) {}
