package org.supervisionhub.organization;

/** Whether an enforcement body acts (ACTIVE) or has been deactivated, its history kept (INACTIVE). */
public enum DepartmentStatus {
    ACTIVE,
    INACTIVE
}
