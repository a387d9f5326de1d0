package org.supervisionhub.item;

/** How an inspection is carried out (现场, 非现场). */
public enum CheckForm {
    ON_SITE,
    OFF_SITE,
    BOTH
}
