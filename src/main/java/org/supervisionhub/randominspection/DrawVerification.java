package org.supervisionhub.randominspection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A draw recomputed from its stored seed and inputs, compared with what was stored. */
@Schema(name = "RandomDrawVerification")
public record DrawVerification(
        long drawId, boolean inputsIntact, String resultHash, String recomputedResultHash, boolean matches) {}
