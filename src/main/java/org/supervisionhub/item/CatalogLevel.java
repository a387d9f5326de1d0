package org.supervisionhub.item;

/** Which catalog issued the item (国家, 省, 市, 县). */
public enum CatalogLevel {
    NATIONAL,
    PROVINCIAL,
    CITY,
    COUNTY
}
