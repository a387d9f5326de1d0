package org.supervisionhub.officer;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;

/**
 * An enforcement officer (执法人员). The ID number is kept only as a keyed hash (to find the person again) and a
 * masked form (to show); never in clear.
 */
@Entity
@Table(name = "officer")
public class Officer extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

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
