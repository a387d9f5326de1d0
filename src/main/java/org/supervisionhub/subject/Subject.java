package org.supervisionhub.subject;

import io.quarkus.hibernate.reactive.panache.PanacheEntityBase;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;

/** A regulated subject (监管对象): an organisation by credit code, or a natural person by ID-number hash. */
@Entity
@Table(name = "subject")
public class Subject extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @Column(name = "credit_code")
    public String creditCode;

    @Column(name = "id_number_hash")
    public String idNumberHash;

    @Column(name = "id_number_masked")
    public String idNumberMasked;

    @Enumerated(EnumType.STRING)
    @Column(name = "subject_type")
    public SubjectType subjectType;

    public String name;

    @Column(name = "region_code")
    public String regionCode;

    @Column(name = "registered_address")
    public String registeredAddress;

    @Column(name = "business_address")
    public String businessAddress;

    @Column(name = "industry_code")
    public String industryCode;

    @Column(name = "legal_representative")
    public String legalRepresentative;

    @Enumerated(EnumType.STRING)
    public SubjectStatus status;

    @Column(name = "credit_level")
    public String creditLevel;

    @Column(name = "abnormal_listed")
    public boolean abnormalListed;

    @Column(name = "serious_illegal_listed")
    public boolean seriousIllegalListed;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "subject_source", joinColumns = @JoinColumn(name = "subject_id"))
    @Column(name = "source")
    public Set<String> sources = new HashSet<>();

    public int version;

    @Column(name = "created_at")
    public Instant createdAt;

    @Column(name = "updated_at")
    public Instant updatedAt;
}
