package org.supervisionhub.item;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;

/** A supervision item (监管事项) of the catalog: a main item (主项) or one of its sub-items (子项). */
@Entity
@Table(name = "catalog_item")
public class CatalogItem extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String parentCode;

    @Enumerated(EnumType.STRING)
    public ItemType itemType;

    public String sectorCode;

    public String legalBasis;

    public String supervisedObject;

    public String method;

    @Enumerated(EnumType.STRING)
    public CatalogLevel catalogLevel;

    @Enumerated(EnumType.STRING)
    public ItemStatus status;

    public LocalDate effectiveDate;

    public LocalDate cancelDate;

    public String catalogVersion;

    public int version;

    public String contentHash;

    public Instant createdAt;

    public Instant updatedAt;

    /** Sub-items are what departments claim; main items group them. */
    public boolean isSubItem() {
        return parentCode != null;
    }
}
