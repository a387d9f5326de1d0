package org.supervisionhub.record;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.supervisionhub.item.ItemStatus;
import org.supervisionhub.item.ItemType;
import org.supervisionhub.officer.CertificateStatus;

/**
 * In-memory snapshots of the reference data an upload is validated against: each department's claimed items
 * and every certificate. One small query per batch compares the versions the database keeps for claims,
 * certificates and departments (bumped by triggers in the writing transaction) and reloads only what changed,
 * so validation never queries per record or per field. Blocking: call from a worker thread.
 */
@ApplicationScoped
public class ReferenceData {

    private static final String VERSIONS = "select name, version from reference_data_version";
    private static final String DEPARTMENT = "select code, region_code from department where code = $1";
    private static final String CLAIMED_ITEMS = """
            select i.code, i.item_type, i.sector_code, i.status
            from item_claim c join catalog_item i on i.code = c.item_code
            where c.department_code = $1 and c.status = 'ACTIVE'""";
    private static final String CERTIFICATES = """
            select c.issuer, c.cert_no, c.officer_id, c.status, c.valid_from, c.valid_to,
                   coalesce(array_agg(cc.category_code) filter (where cc.category_code is not null), '{}') as categories
            from certificate c left join certificate_category cc on cc.certificate_id = c.id
            group by c.id""";
    private static final String EXISTING_ITEMS = "select code from catalog_item where code = any($1)";

    /** A claimed item as validation needs it. */
    public record ClaimedItem(String code, ItemType type, String sectorCode, ItemStatus status) {}

    /** A department with its active claims. */
    public record DepartmentClaims(String code, String regionCode, Map<String, ClaimedItem> items) {}

    /** A certificate as validation needs it. */
    public record CertificateFacts(
            long officerId, CertificateStatus status, LocalDate validFrom, LocalDate validTo, Set<String> categories) {}

    /** What one batch validates against. */
    public record Snapshot(Optional<DepartmentClaims> department, Map<String, CertificateFacts> certificates) {

        public CertificateFacts certificate(String issuer, String certNo) {
            return certificates.get(certificateKey(issuer, certNo));
        }
    }

    private record Versions(long claims, long certificates, long departments) {}

    /** A department's claims with the versions they were loaded under (read before loading). */
    private record CachedDepartment(long claimsVersion, long departmentsVersion, Optional<DepartmentClaims> claims) {}

    @Inject
    Pool pool;

    private final Map<String, CachedDepartment> departments = new ConcurrentHashMap<>();
    private volatile Map<String, CertificateFacts> certificates;
    private long certificatesVersion = -1;

    /** The current snapshot for one department's upload. */
    public Snapshot snapshot(String departmentCode) {
        Versions current = currentVersions();
        Map<String, CertificateFacts> certificateFacts = certificates(current.certificates());
        CachedDepartment cached = departments.get(departmentCode);
        if (cached == null
                || cached.claimsVersion() != current.claims()
                || cached.departmentsVersion() != current.departments()) {
            cached = new CachedDepartment(current.claims(), current.departments(), loadDepartment(departmentCode));
            departments.put(departmentCode, cached);
        }
        return new Snapshot(cached.claims(), certificateFacts);
    }

    /** Which of the given item codes exist in the catalog (to tell an unknown item from an unclaimed one). */
    public Set<String> existingItems(Set<String> codes) {
        if (codes.isEmpty()) {
            return Set.of();
        }
        Set<String> existing = new HashSet<>();
        for (Row row : pool.preparedQuery(EXISTING_ITEMS)
                .execute(Tuple.of(codes.toArray(String[]::new)))
                .await()
                .indefinitely()) {
            existing.add(row.getString("code"));
        }
        return existing;
    }

    static String certificateKey(String issuer, String certNo) {
        return issuer + '\u0000' + certNo;
    }

    /**
     * The certificates as of at least {@code version}. The version is read before loading, so a change committed
     * during the load shows as a newer version on the next batch and is loaded then.
     */
    private synchronized Map<String, CertificateFacts> certificates(long version) {
        if (certificates == null || certificatesVersion < version) {
            certificates = loadCertificates();
            certificatesVersion = version;
        }
        return certificates;
    }

    private Versions currentVersions() {
        Map<String, Long> versions = new HashMap<>();
        for (Row row : pool.query(VERSIONS).execute().await().indefinitely()) {
            versions.put(row.getString("name"), row.getLong("version"));
        }
        return new Versions(
                versions.getOrDefault("claims", 0L),
                versions.getOrDefault("certificates", 0L),
                versions.getOrDefault("departments", 0L));
    }

    private Optional<DepartmentClaims> loadDepartment(String code) {
        var found = pool.preparedQuery(DEPARTMENT)
                .execute(Tuple.of(code))
                .await()
                .indefinitely()
                .iterator();
        if (!found.hasNext()) {
            return Optional.empty();
        }
        String region = found.next().getString("region_code");
        Map<String, ClaimedItem> items = new HashMap<>();
        for (Row row : pool.preparedQuery(CLAIMED_ITEMS)
                .execute(Tuple.of(code))
                .await()
                .indefinitely()) {
            String type = row.getString("item_type");
            items.put(
                    row.getString("code"),
                    new ClaimedItem(
                            row.getString("code"),
                            type == null ? null : ItemType.valueOf(type),
                            row.getString("sector_code"),
                            ItemStatus.valueOf(row.getString("status"))));
        }
        return Optional.of(new DepartmentClaims(code, region, Map.copyOf(items)));
    }

    private Map<String, CertificateFacts> loadCertificates() {
        Map<String, CertificateFacts> loaded = new HashMap<>();
        for (Row row : pool.query(CERTIFICATES).execute().await().indefinitely()) {
            loaded.put(
                    certificateKey(row.getString("issuer"), row.getString("cert_no")),
                    new CertificateFacts(
                            row.getLong("officer_id"),
                            CertificateStatus.valueOf(row.getString("status")),
                            row.getLocalDate("valid_from"),
                            row.getLocalDate("valid_to"),
                            Set.of(row.getArrayOfStrings("categories"))));
        }
        return Map.copyOf(loaded);
    }
}
