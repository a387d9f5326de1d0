package org.supervisionhub.organization;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** A department of the organisation registry (执法主体). */
@Schema(name = "Department")
public record DepartmentView(
        String code,
        String name,
        @Schema(description = "统一社会信用代码") String creditCode,
        @Schema(description = "行政区划代码") String regionCode,

        @Schema(description = "层级; null for departments registered before the registry had levels")
        DepartmentLevel level,

        @Schema(description = "上级部门") String parentCode,
        @Schema(description = "执法门类 (sector codes), sorted") List<String> sectorCodes,
        @Schema(description = "受委托组织") List<EntrustedOrganisation> entrusted,
        DepartmentStatus status,
        LocalDate validFrom,
        LocalDate validTo,

        @Schema(description = "Version, 1 and up; also the ETag")
        int version,

        OffsetDateTime updatedAt) {}
