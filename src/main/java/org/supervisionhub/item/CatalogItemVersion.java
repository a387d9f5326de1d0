package org.supervisionhub.item;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Embeddable;
import jakarta.persistence.EmbeddedId;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.io.Serializable;
import java.time.Instant;
import java.util.Objects;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** One version of a catalog item as it was when that version was current. */
@Entity
@Table(name = "catalog_item_version")
public class CatalogItemVersion extends PanacheEntityBase {

    @EmbeddedId
    public Key key;

    @JdbcTypeCode(SqlTypes.JSON)
    public String snapshot;

    public String changeReason;

    public String changedBy;

    public Instant changedAt;

    /** Item code and version number. */
    @Embeddable
    public static class Key implements Serializable {

        public String itemCode;

        public int version;

        public Key() {}

        public Key(String itemCode, int version) {
            this.itemCode = itemCode;
            this.version = version;
        }

        @Override
        public boolean equals(Object other) {
            return other instanceof Key key && version == key.version && Objects.equals(itemCode, key.itemCode);
        }

        @Override
        public int hashCode() {
            return Objects.hash(itemCode, version);
        }
    }
}
