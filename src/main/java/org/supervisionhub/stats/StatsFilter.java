package org.supervisionhub.stats;

import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.QueryParam;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.supervisionhub.common.code.RegionCode;

/**
 * Which part of the caller's scope a statistic is asked for ({@code ?region=&department=}); both optional, both
 * narrowed further by the caller's scope, never widened. Taken as a {@code @BeanParam}.
 */
public class StatsFilter {

    @QueryParam("region")
    @RegionCode
    @Parameter(description = "Region code (GB/T 2260); includes the regions below it")
    public String region;

    @QueryParam("department")
    @Pattern(regexp = "^[A-Za-z0-9_-]{2,32}$")
    @Parameter(description = "Department code")
    public String department;
}
