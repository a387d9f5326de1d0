package org.supervisionhub.organization;

import java.time.LocalDate;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A region of the national table (行政区划, GB/T 2260). */
@Schema(name = "Region")
public record RegionView(
        @Schema(description = "行政区划代码 (6 digits)") String code,
        @Schema(description = "名称") String name,

        @Schema(description = "The enclosing region; null for a province")
        String parentCode,

        @Schema(description = "PROVINCE, PREFECTURE or COUNTY")
        String level,

        RegionStatus status,

        @Schema(description = "The code that replaced an abolished one")
        String successorCode,

        @Schema(description = "The day the code was abolished")
        LocalDate abolishedOn,

        @Schema(description = "Where the row came from: the data package (npm:<name>@<version>) or api")
        String source,

        @Schema(description = "Version, 1 and up; also the ETag")
        int version) {}
