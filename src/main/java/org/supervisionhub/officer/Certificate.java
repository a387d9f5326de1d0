package org.supervisionhub.officer;

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
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.supervisionhub.common.IdentityEntity;

/**
 * An enforcement certificate (执法证), unique per issuing body and number, held by one officer. Its categories
 * (执法门类) use the catalog's sector codes: it covers an item when the item's sector is among them.
 */
@Entity
@Table(name = "certificate")
public class Certificate extends IdentityEntity {

    /** Random reference that e-credential tokens carry instead of anything personal. */
    public UUID publicId;

    public Long officerId;

    public String issuer;

    public String certNo;

    @Enumerated(EnumType.STRING)
    public CertificateKind kind;

    public LocalDate validFrom;

    public LocalDate validTo;

    /** The status as recorded by the issuing side; {@link CredentialState} adds the validity dates. */
    @Enumerated(EnumType.STRING)
    public CertificateStatus status;

    public String departmentCode;

    public int version;

    public Instant createdAt;

    public Instant updatedAt;

    @ElementCollection(fetch = FetchType.EAGER)
    @CollectionTable(name = "certificate_category", joinColumns = @JoinColumn(name = "certificate_id"))
    @Column(name = "category_code")
    public Set<String> categories = new HashSet<>();

    /** The categories in a stable order, as they leave the hub. */
    public List<String> sortedCategories() {
        return categories.stream().sorted().toList();
    }

    /** The state on a date (in China Standard Time, as the caller computes it). */
    public CredentialState stateOn(LocalDate date) {
        return CredentialState.of(status, validFrom, validTo, date);
    }

    /** How audit entries and outbox events name the certificate. */
    public String key() {
        return key(issuer, certNo);
    }

    static String key(String issuer, String certNo) {
        return issuer + ":" + certNo;
    }
}
