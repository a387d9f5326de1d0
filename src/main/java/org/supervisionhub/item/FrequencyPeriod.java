package org.supervisionhub.item;

/** The period of an inspection frequency (每年, 每半年, 每季度, 每月). */
public enum FrequencyPeriod {
    YEAR,
    HALF_YEAR,
    QUARTER,
    MONTH
}
