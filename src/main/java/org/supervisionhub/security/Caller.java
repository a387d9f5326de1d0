package org.supervisionhub.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: subject, roles, and the department and region the token binds them to. Services decide what the
 * caller may see and change through its {@link #scope()}, never from the claims directly.
 */
public record Caller(String subject, Set<String> roles, Optional<String> departmentCode, Optional<String> regionCode) {

    public Caller {
        roles = Set.copyOf(roles);
    }

    /** What the caller may see and change; the one authorization model of every feature. */
    public Scope scope() {
        return Scope.of(roles, departmentCode, regionCode);
    }

    /** How the caller is named in audit entries and claim records. */
    public String auditName() {
        return subject;
    }
}
