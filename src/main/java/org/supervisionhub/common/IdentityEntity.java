package org.supervisionhub.common;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.MappedSuperclass;

/**
 * A Panache entity whose id PostgreSQL assigns ({@code bigint generated always as identity}): the tables are also
 * written by set-based SQL, so ids cannot come from a Hibernate sequence.
 */
@MappedSuperclass
public abstract class IdentityEntity extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;
}
