package org.supervisionhub.events;

import com.fasterxml.jackson.annotation.JsonPropertyDescription;
import java.time.Instant;

/**
 * {@code department.deactivated}: an enforcement body was deactivated (撤销/停用); its history stays and its claims,
 * lists and open cases wait for reassignment. Aggregate: the department's code.
 */
public record DepartmentDeactivated(
        @JsonPropertyDescription("The department's code") String departmentCode,

        @JsonPropertyDescription("The department's unified social credit code")
        String creditCode,

        @JsonPropertyDescription("The department's region (GB/T 2260)")
        String regionCode,

        @JsonPropertyDescription("INACTIVE") String status,

        @JsonPropertyDescription("Active claims left to reassign")
        int activeClaims,

        @JsonPropertyDescription("Open cases left to reassign")
        int openCases,

        @JsonPropertyDescription("When it was deactivated (UTC)")
        Instant deactivatedAt,

        @JsonPropertyDescription("The department's version, 1 and up")
        int version)
        implements HubEvent {

    @Override
    public EventType type() {
        return EventType.DEPARTMENT_DEACTIVATED;
    }

    @Override
    public String aggregateId() {
        return departmentCode;
    }
}
