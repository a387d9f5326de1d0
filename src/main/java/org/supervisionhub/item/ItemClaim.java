package org.supervisionhub.item;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/** A department's claim (认领) of a sub-item. Released claims remain as history. */
@Entity
@Table(name = "item_claim")
public class ItemClaim extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    public String itemCode;

    public String departmentCode;

    @Enumerated(EnumType.STRING)
    public ClaimStatus status;

    public Instant claimedAt;

    public String claimedBy;

    public Instant releasedAt;

    public String releasedBy;

    public String releaseReason;
}
