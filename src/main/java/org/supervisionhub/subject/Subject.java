package org.supervisionhub.subject;

import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.HashSet;
import java.util.Set;
import org.supervisionhub.common.IdentityEntity;

/** A regulated subject (监管对象): an organisation by credit code, or a natural person by ID-number hash. */
@Entity
@Table(name = "subject")
public class Subject extends IdentityEntity {

    public String creditCode;

    public String idNumberHash;

    public String idNumberMasked;

    @Enumerated(EnumType.STRING)
    public SubjectType subjectType;

    public String name;

    public String regionCode;

    public String registeredAddress;

    public String businessAddress;

    public String industryCode;

    public String legalRepresentative;

    @Enumerated(EnumType.STRING)
    public SubjectStatus status;

    public String creditLevel;

    public boolean abnormalListed;

    public boolean seriousIllegalListed;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "subject_source", joinColumns = @JoinColumn(name = "subject_id"))
    @Column(name = "source")
    public Set<String> sources = new HashSet<>();

    public int version;

    public Instant createdAt;

    public Instant updatedAt;
}
