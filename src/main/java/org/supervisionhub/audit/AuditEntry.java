package org.supervisionhub.audit;

import org.jboss.logging.MDC;
import org.supervisionhub.security.Caller;

/**
 * One row of the audit log as the hub writes it: who (the caller's audit name and department), what was done to which
 * entity, the detail as JSON text, and the request it happened in. The chain fields are the database's.
 */
record AuditEntry(
        String actor,
        String department,
        String action,
        String entityType,
        String entityId,
        String detail,
        String requestId) {

    /** The entry for what the caller does now, in the current request. */
    static AuditEntry of(Caller caller, String action, String entityType, String entityId, String detail) {
        Object requestId = MDC.get("requestId");
        return new AuditEntry(
                caller.auditName(),
                caller.departmentCode().orElse(null),
                action,
                entityType,
                entityId,
                detail,
                requestId == null ? null : requestId.toString());
    }
}
