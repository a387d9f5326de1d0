package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.LocalDate;
import java.util.List;

/**
 * {@code department.upserted}: an enforcement body (执法主体) of the organisation registry was created or changed (the
 * whole department). Aggregate: the department's code.
 */
public record DepartmentUpserted(
        @JsonPropertyDescription("The department's code") String departmentCode,
        @JsonPropertyDescription("The department's name") String name,

        @JsonPropertyDescription("The department's unified social credit code")
        String creditCode,

        @JsonPropertyDescription("The department's region (GB/T 2260)")
        String regionCode,

        @JsonPropertyDescription("层级: NATIONAL, PROVINCIAL, CITY, COUNTY or TOWNSHIP")
        String level,

        @JsonPropertyDescription("The parent department's code") @Nullable
        String parentCode,

        @JsonPropertyDescription("执法门类: the sector codes the department covers, sorted")
        List<String> sectorCodes,

        @JsonPropertyDescription("受委托组织: the credit codes of the organisations it entrusts, in order")
        List<String> entrustedCreditCodes,

        @JsonPropertyDescription("ACTIVE or INACTIVE") String status,

        @JsonPropertyDescription("First day the body may act") @Nullable
        LocalDate validFrom,

        @JsonPropertyDescription("Last day the body may act") @Nullable
        LocalDate validTo,

        @JsonPropertyDescription("The department's version, 1 and up")
        int version)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.DEPARTMENT_UPSERTED;
    }

    @Override
    public String aggregateId() {
        return departmentCode;
    }
}
