package org.supervisionhub.randominspection;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A draw as its department and the admins above it see it: seed, inputs, result. */
@Schema(name = "RandomDraw")
public record RandomDrawView(
        long id,

        @Schema(description = "The hub's id of the sampling plan")
        long planId,

        String departmentCode,
        @Schema(enumeration = {"ANNOUNCED", "EXECUTED"}) String status,

        @Schema(description = "The seed, published at announcement: 256 bits, lower-case hex")
        String seed,

        @Schema(description = "SHA-256 of the inputs' JSON text (GET .../inputs answers that text)")
        String inputsHash,

        DrawInputs inputs,

        @Schema(description = "SHA-256 of the result's JSON text; null until executed")
        String resultHash,

        @Schema(description = "Null until executed") DrawResult result,
        boolean published,
        String announcedBy,
        OffsetDateTime announcedAt,
        OffsetDateTime executedAt,
        OffsetDateTime publishedAt) {}
