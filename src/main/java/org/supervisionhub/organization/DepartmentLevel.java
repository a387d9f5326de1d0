package org.supervisionhub.organization;

/** 层级 of an enforcement body: the level of government it belongs to. */
public enum DepartmentLevel {
    NATIONAL,
    PROVINCIAL,
    CITY,
    COUNTY,
    TOWNSHIP
}
