package org.supervisionhub.security;

import java.util.Optional;
import java.util.Set;

/**
 * Who is calling: subject, roles, the department and region the token binds them to, and the OIDC client that
 * obtained the token (a docked system's identity). Services decide what the caller may see and change through its
 * {@link #scope()}, never from the claims directly.
 */
public record Caller(
        String subject,
        Set<String> roles,
        Optional<String> departmentCode,
        Optional<String> regionCode,
        Optional<String> clientId) {

    public Caller {
        roles = Set.copyOf(roles);
        clientId = clientId == null ? Optional.empty() : clientId;
    }

    /** A caller not acting through an OIDC client (background work, public readers). */
    public Caller(String subject, Set<String> roles, Optional<String> departmentCode, Optional<String> regionCode) {
        this(subject, roles, departmentCode, regionCode, Optional.empty());
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
