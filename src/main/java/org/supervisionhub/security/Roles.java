package org.supervisionhub.security;

/** The hub's roles, as they appear in tokens (realm_access.roles or groups). */
public final class Roles {

    /** Operates the hub: catalog maintenance, audit, any department and region. */
    public static final String HUB_ADMIN = "hub-admin";
    /** Administers the departments of one region (its own and those below it). */
    public static final String REGION_ADMIN = "region-admin";
    /** Administers one department: its claims and implementation lists. */
    public static final String DEPT_ADMIN = "dept-admin";
    /** An enforcement officer of one department. */
    public static final String OFFICER = "officer";
    /** A docked departmental system's service account, scoped to its department. */
    public static final String SYSTEM = "system";
    /** The national platform. */
    public static final String NATIONAL = "national";

    private Roles() {}
}
