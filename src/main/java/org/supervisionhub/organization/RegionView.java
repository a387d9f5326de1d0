package org.supervisionhub.organization;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region of the national table (行政区划, GB/T 2260). */
@Schema(name = "Region")
public record RegionView(
        String code,
        String name,
        String parentCode,
        String level,
        RegionStatus status,
        String successorCode,

        @Schema(description = "The day the code was abolished")
        LocalDate abolishedOn,

        String source,
        int version) {}
