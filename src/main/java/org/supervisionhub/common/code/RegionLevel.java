package org.supervisionhub.common.code;

/** Administrative level of a GB/T 2260 region code. */
public enum RegionLevel {
    /** 省级: {@code xx0000}. */
    PROVINCE,
    /** 地级: {@code xxyy00}. */
    PREFECTURE,
    /** 县级: any other valid code. */
    COUNTY
}
