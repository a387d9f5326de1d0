package org.supervisionhub.item;

import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import org.supervisionhub.common.IdentityEntity;

/** A department's claim (认领) of a sub-item. Released claims remain as history. */
@Entity
@Table(name = "item_claim")
public class ItemClaim extends IdentityEntity {

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
