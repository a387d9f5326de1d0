package org.supervisionhub.security;

import java.util.Optional;
import java.util.Set;
import org.supervisionhub.common.code.RegionCodes;

/**
 * Who is calling: subject, roles, and the department and region the token binds them to.
 * Services take a Caller and scope every read and write by it.
 */
public record Caller(String subject, Set<String> roles, Optional<String> departmentCode, Optional<String> regionCode) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    public boolean has(String role) {
        return roles.contains(role);
    }

    public boolean isHubAdmin() {
        return has(Roles.HUB_ADMIN);
    }

    /** Whether the caller's token region contains the given region (false for callers without a region). */
    public boolean regionCovers(String regionCode) {
        return regionCode != null && regionCode().map(region -> RegionCodes.contains(region, regionCode)).orElse(false);
    }

    /** How the caller is named in audit entries and claim records. */
    public String auditName() {
        return subject;
    }
}
