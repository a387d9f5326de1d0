package org.supervisionhub.randominspection;

import java.time.OffsetDateTime;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A draw as its department and the admins above it see it: seed, inputs, result. */
@Schema(name = "RandomDraw")
public record RandomDrawView(
        long id,
        long planId,
        String departmentCode,
        @Schema(enumeration = {"ANNOUNCED", "EXECUTED"}) String status,

        String seed,
        String inputsHash,
        DrawInputs inputs,
        String resultHash,

        @Schema(description = "Null until executed") DrawResult result,
        boolean published,
        String announcedBy,
        OffsetDateTime announcedAt,
        OffsetDateTime executedAt,
        OffsetDateTime publishedAt) {}
