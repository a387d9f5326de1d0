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
        String creditCode,
        String regionCode,

        @Schema(description = "层级; null for departments registered before the registry had levels")
        DepartmentLevel level,

        String parentCode,
        List<String> sectorCodes,
        List<EntrustedOrganisation> entrusted,
        DepartmentStatus status,
        LocalDate validFrom,
        LocalDate validTo,
        int version,
        OffsetDateTime updatedAt) {}
