package org.supervisionhub.organization;

/** Whether a GB/T 2260 code is in force or kept as history (撤销), with its successor. */
public enum RegionStatus {
    ACTIVE,
    ABOLISHED
}
