package org.supervisionhub.organization;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.util.HashSet;
import java.util.Set;

/** A supervising department (监管部门) of one region, covering one or more sectors (lines). */
@Entity
@Table(name = "department")
public class Department extends PanacheEntityBase {

    @Id
    public String code;

    public String name;

    public String creditCode;

    public String regionCode;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "department_sector", joinColumns = @JoinColumn(name = "department_code"))
    @Column(name = "sector_code")
    public Set<String> sectorCodes = new HashSet<>();
}
