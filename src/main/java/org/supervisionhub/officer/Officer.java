package org.supervisionhub.officer;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import org.supervisionhub.common.IdentityEntity;

/**
 * An enforcement officer (执法人员). The ID number is kept only as a keyed hash (to find the person again) and a
 * masked form (to show); never in clear.
 */
@Entity
@Table(name = "officer")
public class Officer extends IdentityEntity {

    public String name;

    public String idNumberHash;

    public String idNumberMasked;

    public String departmentCode;

    /** The officer's SSO user name, i.e. the principal name of their tokens; null when they have none. */
    public String account;

    public String photoRef;

    public Instant createdAt;

    public Instant updatedAt;
}
