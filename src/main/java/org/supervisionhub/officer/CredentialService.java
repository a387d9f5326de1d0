package org.supervisionhub.officer;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.ReactiveTransactions;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.pii.PersonalData;
import org.supervisionhub.events.CertificateUpserted;
import org.supervisionhub.item.CatalogItem;
import org.supervisionhub.item.ItemUpsertResult.Outcome;
import org.supervisionhub.organization.Department;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;
import org.supervisionhub.sync.Outbox;

/**
 * Enforcement certificates (执法证) and their holders: idempotent upsert from docked systems, lookup, and the
 * check of a team's certificates against a supervision item (两名以上执法人员, 执法门类, validity).
 */
@ApplicationScoped
public class CredentialService {

    @Inject
    ReactiveTransactions transactions;

    /** Advisory-lock namespace (first key of the two-key form) of certificate and officer upserts. */
    private static final int LOCK_NAMESPACE = 0x4f464652; // "OFFR"

    private static final String LOCK =
            "select count(*) from (select pg_advisory_xact_lock(:namespace, hashtext(:key))) as locked";

    @Inject
    PersonalData personalData;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    /** The outcome of an upsert. */
    public record UpsertOutcome(Outcome outcome, CredentialView credential) {}

    /**
     * Creates or updates a certificate and its holder. The ID number is hashed here and goes no further. Upserts
     * of one certificate, and of one person, serialise on transaction-scoped advisory locks (certificate first,
     * then person, always in that order), so concurrent re-sends neither duplicate nor fail.
     */
    public Uni<UpsertOutcome> upsert(Caller caller, String issuer, String certNo, CredentialRequest request) {
        List<String> categories = validate(request);
        HolderRequest holder = request.holder();
        String idHash = personalData.hashIdNumber(holder.idNumber());
        String idMasked = PersonalData.maskIdNumber(holder.idNumber());
        return transactions.inTransaction(() -> departmentToWriteFor(caller, holder.departmentCode())
                .call(() -> lock("certificate:" + Certificate.key(issuer, certNo)))
                .call(() -> lock("officer:" + idHash))
                .chain(department -> Certificate.find("issuer = ?1 and certNo = ?2", issuer, certNo)
                        .<Certificate>firstResult()
                        .chain(existing -> requireWritable(caller, existing)
                                .chain(() ->
                                        Officer.find("idNumberHash", idHash).<Officer>firstResult())
                                .chain(officer -> requireWritable(caller, officer)
                                        .chain(() -> requireAccountFree(holder.account(), officer))
                                        .chain(() -> write(
                                                caller,
                                                issuer,
                                                certNo,
                                                request,
                                                categories,
                                                department,
                                                existing,
                                                officer,
                                                idHash,
                                                idMasked))))));
    }

    /** A certificate by issuer and number, whatever the caller's department: certificates are shown to the public. */
    @WithSession
    public Uni<CredentialView> get(String issuer, String certNo) {
        return Certificate.find("issuer = ?1 and certNo = ?2", issuer, certNo)
                .<Certificate>firstResult()
                .onItem()
                .ifNull()
                .failWith(() -> notFound(issuer, certNo))
                .chain(certificate -> Officer.<Officer>findById(certificate.officerId)
                        .chain(officer -> Department.<Department>findById(certificate.departmentCode)
                                .map(department -> CredentialView.of(certificate, officer, department, today()))));
    }

    /**
     * Whether the team named by its certificates may act on the item on the date: each certificate must be
     * recorded VALID, within its validity on the date and cover the item's sector; the item's type decides how
     * many distinct officers are needed.
     */
    @WithSession
    public Uni<CredentialCheckResult> check(CredentialCheckRequest request) {
        LocalDate date = request.date() != null ? request.date() : today();
        return CatalogItem.<CatalogItem>findById(request.itemCode())
                .onItem()
                .ifNull()
                .failWith(() -> HubException.notFound("ITEM_NOT_FOUND", "no catalog item " + request.itemCode()))
                .chain(item -> {
                    if (item.itemType == null) {
                        throw HubException.unprocessable(
                                "ITEM_NOT_CHECKABLE",
                                item.code + " is a main item (主项); " + "officers act on its typed sub-items (子项)");
                    }
                    Set<String> issuers = request.certificates().stream()
                            .map(CertificateRef::issuer)
                            .collect(Collectors.toSet());
                    Set<String> numbers = request.certificates().stream()
                            .map(CertificateRef::certNo)
                            .collect(Collectors.toSet());
                    return Certificate.<Certificate>list("issuer in ?1 and certNo in ?2", issuers, numbers)
                            .map(found -> evaluate(request, item, date, found));
                });
    }

    static LocalDate today() {
        return LocalDate.now(WireTime.ZONE);
    }

    static HubException notFound(String issuer, String certNo) {
        return HubException.notFound(
                ErrorCode.CERTIFICATE_NOT_FOUND, "no certificate " + certNo + " of issuer " + issuer);
    }

    /** The team rule ({@link EnforcementTeam}) applied to the certificates found, in the order sent. */
    private static CredentialCheckResult evaluate(
            CredentialCheckRequest request, CatalogItem item, LocalDate date, List<Certificate> found) {
        Map<String, Certificate> byKey =
                found.stream().collect(Collectors.toMap(Certificate::key, Function.identity(), (a, b) -> a));
        List<EnforcementTeam.Qualification> team = new ArrayList<>();
        for (CertificateRef ref : request.certificates()) {
            Certificate certificate = byKey.get(Certificate.key(ref.issuer(), ref.certNo()));
            team.add(certificate == null ? null : EnforcementTeam.Qualification.of(certificate));
        }
        EnforcementTeam.Verdict verdict = EnforcementTeam.judge(item.itemType, item.sectorCode, date, team);
        List<CredentialCheckResult.CertificateCheck> results = new ArrayList<>();
        for (int i = 0; i < request.certificates().size(); i++) {
            CertificateRef ref = request.certificates().get(i);
            List<ErrorCode> problems = verdict.members().get(i);
            results.add(new CredentialCheckResult.CertificateCheck(
                    ref.issuer(), ref.certNo(), problems.isEmpty(), problems));
        }
        return new CredentialCheckResult(
                verdict.allowed(),
                item.code,
                item.itemType,
                verdict.requiredOfficers(),
                verdict.validOfficers(),
                date,
                List.copyOf(results),
                verdict.teamProblems());
    }

    /** Field rules Bean Validation cannot express; returns the categories, de-duplicated and sorted. */
    private static List<String> validate(CredentialRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (request.validTo().isBefore(request.validFrom())) {
            errors.add(new FieldError("validTo", "DATE_RANGE_INVALID", "validTo must not be before validFrom"));
        }
        Set<String> categories = new TreeSet<>();
        for (int i = 0; i < request.categories().size(); i++) {
            String category = request.categories().get(i);
            if (category == null || !category.matches(CredentialFormats.CATEGORY)) {
                errors.add(new FieldError(
                        "categories[" + i + "]",
                        "CATEGORY_INVALID",
                        "an enforcement category is a sector code: 2-32 upper-case letters, digits or _"));
            } else {
                categories.add(category);
            }
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
        return List.copyOf(categories);
    }

    /**
     * Certificates are a registry the region's enforcement-supervision systems keep: a caller writes those of the
     * departments whose stored region its scope covers (hub-admin: any; unknown departments: 404 for those who see
     * everything, else the same 403 as foreign ones, so scope never leaks existence).
     */
    private Uni<Department> departmentToWriteFor(Caller caller, String departmentCode) {
        Scope scope = caller.scope();
        scope.requireBound();
        return Department.<Department>findById(departmentCode).map(department -> {
            if (department == null && scope.isAll()) {
                throw HubException.notFound("DEPARTMENT_NOT_FOUND", "no department " + departmentCode);
            }
            if (department == null || !scope.covers(registryOwner(department))) {
                throw DepartmentScope.outOfScope();
            }
            return department;
        });
    }

    /** A stored certificate or officer is changed only by a caller whose scope covers its department's region now. */
    private static Uni<Void> requireWritable(Caller caller, Certificate existing) {
        return existing == null ? Uni.createFrom().voidItem() : requireWritable(caller, existing.departmentCode);
    }

    private static Uni<Void> requireWritable(Caller caller, Officer existing) {
        return existing == null ? Uni.createFrom().voidItem() : requireWritable(caller, existing.departmentCode);
    }

    private static Uni<Void> requireWritable(Caller caller, String storedDepartment) {
        Scope scope = caller.scope();
        if (scope.isAll()) {
            return Uni.createFrom().voidItem();
        }
        return Department.<Department>findById(storedDepartment).map(department -> {
            if (department == null || !scope.covers(registryOwner(department))) {
                throw DepartmentScope.outOfScope();
            }
            return null;
        });
    }

    private static Scope.Owner registryOwner(Department department) {
        return Scope.Owner.region(department.regionCode);
    }

    private static Uni<Void> requireAccountFree(String account, Officer officer) {
        if (account == null) {
            return Uni.createFrom().voidItem();
        }
        return Officer.find("account", account).<Officer>firstResult().map(holder -> {
            if (holder != null && (officer == null || !holder.id.equals(officer.id))) {
                throw HubException.conflict("ACCOUNT_IN_USE", "account " + account + " belongs to another officer");
            }
            return null;
        });
    }

    private Uni<UpsertOutcome> write(
            Caller caller,
            String issuer,
            String certNo,
            CredentialRequest request,
            List<String> categories,
            Department department,
            Certificate existing,
            Officer existingOfficer,
            String idHash,
            String idMasked) {
        boolean otherHolder =
                existing != null && (existingOfficer == null || !existing.officerId.equals(existingOfficer.id));
        if (otherHolder && !caller.scope().isAll()) {
            throw HubException.conflict(
                    "CERTIFICATE_HOLDER_MISMATCH",
                    "certificate " + certNo + " of issuer " + issuer
                            + " is held by another person; only a hub-admin may correct its holder");
        }
        Instant now = Instant.now();
        HolderRequest holder = request.holder();
        Officer officer = existingOfficer != null ? existingOfficer : new Officer();
        boolean officerChanged = existingOfficer == null || !sameHolder(existingOfficer, holder);
        if (existingOfficer == null) {
            officer.idNumberHash = idHash;
            officer.idNumberMasked = idMasked;
            officer.createdAt = now;
        }
        if (officerChanged) {
            officer.name = holder.name().strip();
            officer.departmentCode = department.code;
            // Several issuers may send the same person: an absent account or photo keeps the one on record.
            if (holder.account() != null) {
                officer.account = holder.account();
            }
            if (holder.photoRef() != null) {
                officer.photoRef = holder.photoRef();
            }
            officer.updatedAt = now;
        }
        Uni<Officer> savedOfficer = officerChanged
                ? officer.<Officer>persistAndFlush()
                : Uni.createFrom().item(officer);
        return savedOfficer.chain(saved -> {
            boolean certificateChanged =
                    existing == null || !sameCertificate(existing, saved, request, categories, department);
            if (!officerChanged && !certificateChanged) {
                return Uni.createFrom()
                        .item(new UpsertOutcome(
                                Outcome.UNCHANGED, CredentialView.of(existing, saved, department, today())));
            }
            Long previousOfficerId = existing == null ? null : existing.officerId;
            Certificate certificate = existing != null ? existing : newCertificate(issuer, certNo, now);
            if (existing != null) {
                certificate.version += 1;
            }
            certificate.officerId = saved.id;
            certificate.kind = request.kind();
            certificate.validFrom = request.validFrom();
            certificate.validTo = request.validTo();
            certificate.status = request.status();
            certificate.departmentCode = department.code;
            if (!certificate.categories.equals(Set.copyOf(categories))) {
                certificate.categories.clear();
                certificate.categories.addAll(categories);
            }
            certificate.updatedAt = now;
            Outcome outcome = existing == null ? Outcome.CREATED : Outcome.UPDATED;
            return certificate
                    .<Certificate>persistAndFlush()
                    .call(() -> audit.record(
                            caller,
                            outcome == Outcome.CREATED ? "CREDENTIAL_CREATED" : "CREDENTIAL_UPDATED",
                            "certificate",
                            certificate.key(),
                            auditDetail(certificate, saved, previousOfficerId)))
                    .call(() -> outbox.enqueue(event(certificate, saved, department)))
                    .map(stored ->
                            new UpsertOutcome(outcome, CredentialView.of(certificate, saved, department, today())));
        });
    }

    private static Certificate newCertificate(String issuer, String certNo, Instant now) {
        Certificate certificate = new Certificate();
        certificate.publicId = UUID.randomUUID();
        certificate.issuer = issuer;
        certificate.certNo = certNo;
        certificate.version = 1;
        certificate.createdAt = now;
        return certificate;
    }

    private static boolean sameHolder(Officer officer, HolderRequest holder) {
        return officer.name.equals(holder.name().strip())
                && officer.departmentCode.equals(holder.departmentCode())
                && (holder.account() == null || holder.account().equals(officer.account))
                && (holder.photoRef() == null || holder.photoRef().equals(officer.photoRef));
    }

    private static boolean sameCertificate(
            Certificate certificate,
            Officer officer,
            CredentialRequest request,
            List<String> categories,
            Department department) {
        return certificate.officerId.equals(officer.id)
                && certificate.kind == request.kind()
                && certificate.validFrom.equals(request.validFrom())
                && certificate.validTo.equals(request.validTo())
                && certificate.status == request.status()
                && certificate.departmentCode.equals(department.code)
                && certificate.categories.equals(Set.copyOf(categories));
    }

    private Uni<Long> lock(String key) {
        return Panache.getSession()
                .chain(session -> session.createNativeQuery(LOCK)
                        .setParameter("namespace", LOCK_NAMESPACE)
                        .setParameter("key", key)
                        .getSingleResult()
                        .map(count -> ((Number) count).longValue()));
    }

    private static Map<String, Object> auditDetail(Certificate certificate, Officer officer, Long previousOfficerId) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("officerId", officer.id);
        if (previousOfficerId != null && !previousOfficerId.equals(officer.id)) {
            detail.put("previousOfficerId", previousOfficerId);
        }
        detail.put("departmentCode", certificate.departmentCode);
        detail.put("status", certificate.status.name());
        detail.put("validFrom", certificate.validFrom.toString());
        detail.put("validTo", certificate.validTo.toString());
        detail.put("version", certificate.version);
        return detail;
    }

    /** The national platform's copy: masked ID only (the keyed hash means nothing outside the hub). */
    private static CertificateUpserted event(Certificate certificate, Officer officer, Department department) {
        return new CertificateUpserted(
                certificate.issuer,
                certificate.certNo,
                certificate.kind.name(),
                certificate.status.name(),
                certificate.validFrom,
                certificate.validTo,
                certificate.sortedCategories(),
                officer.name,
                officer.idNumberMasked,
                department.code,
                department.name,
                department.creditCode,
                department.regionCode,
                certificate.version);
    }
}
