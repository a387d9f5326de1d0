package org.supervisionhub.item;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Column;
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

    @Column(name = "parent_code")
    public String parentCode;

    @Enumerated(EnumType.STRING)
    @Column(name = "item_type")
    public ItemType itemType;

    @Column(name = "sector_code")
    public String sectorCode;

    @Column(name = "legal_basis")
    public String legalBasis;

    @Column(name = "supervised_object")
    public String supervisedObject;

    public String method;

    @Enumerated(EnumType.STRING)
    @Column(name = "catalog_level")
    public CatalogLevel catalogLevel;

    @Enumerated(EnumType.STRING)
    public ItemStatus status;

    @Column(name = "effective_date")
    public LocalDate effectiveDate;

    @Column(name = "cancel_date")
    public LocalDate cancelDate;

    @Column(name = "catalog_version")
    public String catalogVersion;

    public int version;

    @Column(name = "content_hash")
    public String contentHash;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;

    /** Sub-items are what departments claim; main items group them. */
    public boolean isSubItem() {
        return parentCode != null;
    }
}
