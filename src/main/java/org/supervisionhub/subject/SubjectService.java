package org.supervisionhub.subject;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.PostConstruct;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Consumer;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.audit.ReadAuditTrail;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.ReactiveTransactions;
import org.supervisionhub.common.limit.Limit;
import org.supervisionhub.common.limit.RateLimiter;
import org.supervisionhub.common.pii.PersonalData;
import org.supervisionhub.events.SubjectUpserted;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;
import org.supervisionhub.sync.Outbox;

/**
 * Writes to the unified subject library. A subject reported by several systems stays one row: reports
 * merge by credit code (or ID-number hash), present fields replace, absent fields keep, sources add up.
 */
@ApplicationScoped
public class SubjectService {

    /** The person-lookup limit's name in Redis keys and metrics. */
    static final String PERSON_LOOKUP_LIMIT = "person-lookup";

    @Inject
    ReactiveTransactions transactions;

    @Inject
    AuditTrail audit;

    @Inject
    ReadAuditTrail readAudit;

    @Inject
    Outbox outbox;

    @Inject
    PersonalData personalData;

    @Inject
    RateLimiter limiter;

    @Inject
    SubjectsConfig config;

    private Limit personLookupLimit;

    @PostConstruct
    void init() {
        personLookupLimit = new Limit(
                PERSON_LOOKUP_LIMIT,
                config.personLookupLimit().requests(),
                config.personLookupLimit().period(),
                Limit.WhenStoreDown.REFUSE,
                0,
                "person lookups by this caller");
    }

    /** The effect of a subject write. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** What a write did, and the subject's version afterwards. */
    @org.eclipse.microprofile.openapi.annotations.media.Schema(name = "SubjectWriteResult")
    public record WriteResult(Outcome outcome, int version) {}

    public Uni<WriteResult> upsertOrganisation(Caller caller, String creditCode, SubjectRequest request) {
        if (request.subjectType() == SubjectType.NATURAL_PERSON) {
            throw HubException.validation(List.of(new FieldError(
                    "subjectType",
                    "SUBJECT_TYPE_INVALID",
                    "natural persons are reported through /api/v1/subjects/persons")));
        }
        return transactions.inTransaction(() -> Subject.<Subject>find("creditCode", creditCode)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(existing -> {
                    requireWritable(caller, existing, request.regionCode());
                    requireDesignatedSource(caller, request);
                    Subject subject = existing != null ? existing : newOrganisation(creditCode, request);
                    boolean changed = merge(subject, request) | subject.sources.add(request.source());
                    return save(caller, subject, existing == null, changed, request.source());
                }));
    }

    public Uni<WriteResult> upsertPerson(Caller caller, PersonSubjectRequest request) {
        caller.scope().requireCanWrite(Scope.Owner.region(request.regionCode()));
        String hash = personalData.hashIdNumber(request.idNumber());
        return transactions.inTransaction(() -> Subject.<Subject>find("idNumberHash", hash)
                .withLock(LockModeType.PESSIMISTIC_WRITE)
                .firstResult()
                .chain(existing -> {
                    requireWritable(caller, existing, request.regionCode());
                    Subject subject = existing != null ? existing : newPerson(hash, request.idNumber());
                    // Non-short-circuit: every field is applied, whichever changed.
                    boolean changed = replace(subject.name, request.name(), value -> subject.name = value)
                            | replace(subject.regionCode, request.regionCode(), value -> subject.regionCode = value)
                            | replace(
                                    subject.registeredAddress,
                                    request.address(),
                                    value -> subject.registeredAddress = value)
                            | subject.sources.add(request.source());
                    return save(caller, subject, existing == null, changed, request.source());
                }));
    }

    /**
     * Counts one person lookup of the caller (by its token subject) across all replicas. Past the limit it fails with
     * 429 RATE_LIMITED; while Redis cannot be reached it fails closed with 503 RATE_LIMIT_UNAVAILABLE, so personal
     * data is never read unthrottled.
     */
    public Uni<Void> admitPersonLookup(Caller caller) {
        return limiter.admit(personLookupLimit, caller.subject());
    }

    /** The Redis key counting the lookups of a caller (token subject). */
    String personLookupKey(String subject) {
        return limiter.key(personLookupLimit, subject);
    }

    public String hashOf(String idNumber) {
        return personalData.hashIdNumber(idNumber);
    }

    /**
     * Reads of a natural person's data leave an audit entry (who looked whom up, and why it matters: PIPL), committed
     * with the other reads of the moment before the person is shown.
     */
    public Uni<Void> recordPersonalDataRead(Caller caller, SubjectView person) {
        return readAudit.record(
                caller,
                "PERSONAL_DATA_READ",
                "subject",
                person.idNumberMasked(),
                Map.of("subjectType", person.subjectType().name()));
    }

    private Uni<WriteResult> save(Caller caller, Subject subject, boolean created, boolean changed, String source) {
        if (!created && !changed) {
            return Uni.createFrom().item(new WriteResult(Outcome.UNCHANGED, subject.version));
        }
        Instant now = Instant.now();
        if (created) {
            subject.version = 1;
            subject.createdAt = now;
        } else {
            subject.version += 1;
        }
        subject.updatedAt = now;
        String key = subject.creditCode != null ? subject.creditCode : "person:" + subject.idNumberHash;
        return subject.<Subject>persistAndFlush()
                .call(() -> audit.record(
                        caller,
                        created ? "SUBJECT_CREATED" : "SUBJECT_UPDATED",
                        "subject",
                        String.valueOf(subject.id),
                        Map.of("source", source, "version", subject.version)))
                .call(() -> outbox.enqueue(event(key, subject)))
                .map(saved -> new WriteResult(created ? Outcome.CREATED : Outcome.UPDATED, subject.version));
    }

    private static Subject newPerson(String hash, String idNumber) {
        Subject subject = new Subject();
        subject.subjectType = SubjectType.NATURAL_PERSON;
        subject.idNumberHash = hash;
        subject.idNumberMasked = PersonalData.maskIdNumber(idNumber.strip().toUpperCase(java.util.Locale.ROOT));
        subject.status = SubjectStatus.ACTIVE;
        return subject;
    }

    private static Subject newOrganisation(String creditCode, SubjectRequest request) {
        List<FieldError> missing = new ArrayList<>();
        if (request.name() == null) {
            missing.add(new FieldError("name", "REQUIRED", "a new subject needs its name"));
        }
        if (request.subjectType() == null) {
            missing.add(new FieldError("subjectType", "REQUIRED", "a new subject needs its type"));
        }
        if (request.regionCode() == null) {
            missing.add(new FieldError("regionCode", "REQUIRED", "a new subject needs its region"));
        }
        if (!missing.isEmpty()) {
            throw HubException.validation(missing);
        }
        Subject subject = new Subject();
        subject.creditCode = creditCode;
        subject.status = SubjectStatus.ACTIVE;
        return subject;
    }

    /** Applies the present fields; true when anything changed. */
    private static boolean merge(Subject subject, SubjectRequest request) {
        boolean changed = false;
        changed |= replace(subject.name, request.name(), value -> subject.name = value);
        changed |= replace(subject.subjectType, request.subjectType(), value -> subject.subjectType = value);
        changed |= replace(subject.regionCode, request.regionCode(), value -> subject.regionCode = value);
        changed |= replace(
                subject.registeredAddress, request.registeredAddress(), value -> subject.registeredAddress = value);
        changed |=
                replace(subject.businessAddress, request.businessAddress(), value -> subject.businessAddress = value);
        changed |= replace(subject.industryCode, request.industryCode(), value -> subject.industryCode = value);
        changed |= replace(
                subject.legalRepresentative,
                request.legalRepresentative(),
                value -> subject.legalRepresentative = value);
        changed |= replace(subject.status, request.status(), value -> subject.status = value);
        changed |= replace(subject.creditLevel, request.creditLevel(), value -> subject.creditLevel = value);
        changed |= replace(subject.abnormalListed, request.abnormalListed(), value -> subject.abnormalListed = value);
        changed |= replace(
                subject.seriousIllegalListed,
                request.seriousIllegalListed(),
                value -> subject.seriousIllegalListed = value);
        return changed;
    }

    private static <T> boolean replace(T current, T reported, Consumer<T> setter) {
        if (reported == null || Objects.equals(current, reported)) {
            return false;
        }
        setter.accept(reported);
        return true;
    }

    /**
     * Subjects are a registry owned by region: a caller changes a stored subject only when its scope covers the
     * region the subject is registered in now, and moves it only into a region its scope covers too. A new subject
     * is owned by the region it is reported in. The request body never decides on its own.
     */
    private static void requireWritable(Caller caller, Subject existing, String reportedRegion) {
        Scope scope = caller.scope();
        if (existing == null) {
            if (reportedRegion != null) {
                scope.requireCanWrite(Scope.Owner.region(reportedRegion));
            } else {
                scope.requireBound();
            }
            return;
        }
        scope.requireCanWrite(
                Scope.Owner.region(existing.regionCode),
                reportedRegion == null ? null : Scope.Owner.region(reportedRegion));
    }

    /**
     * Credit level and credit listings are set only by the systems designated for them (the credit platform), by
     * the calling OIDC client, never by what the body's {@code source} says. Any other caller's value is refused
     * (not silently dropped), naming each field.
     */
    private void requireDesignatedSource(Caller caller, SubjectRequest request) {
        SubjectsConfig.CreditSources sources = config.creditSources();
        String client = caller.clientId().orElse(null);
        List<FieldError> refused = new ArrayList<>();
        refuseUnlessDesignated(refused, "creditLevel", request.creditLevel(), sources.creditLevel(), client);
        refuseUnlessDesignated(
                refused,
                "seriousIllegalListed",
                request.seriousIllegalListed(),
                sources.seriousIllegalListed(),
                client);
        refuseUnlessDesignated(refused, "abnormalListed", request.abnormalListed(), sources.abnormalListed(), client);
        if (!refused.isEmpty()) {
            throw HubException.forbidden(
                    ErrorCode.FIELD_SOURCE_NOT_DESIGNATED,
                    "only the systems designated for them may set a subject's credit fields",
                    refused.toArray(FieldError[]::new));
        }
    }

    private static void refuseUnlessDesignated(
            List<FieldError> refused, String field, Object value, java.util.Set<String> designated, String client) {
        if (value != null && (client == null || !designated.contains(client))) {
            refused.add(new FieldError(
                    field,
                    ErrorCode.FIELD_SOURCE_NOT_DESIGNATED,
                    field + " is set only by the systems designated for it"));
        }
    }

    private static SubjectUpserted event(String key, Subject subject) {
        return new SubjectUpserted(
                key,
                subject.subjectType.name(),
                subject.creditCode,
                subject.idNumberMasked,
                subject.name,
                subject.regionCode,
                subject.industryCode,
                subject.status.name(),
                subject.creditLevel,
                subject.abnormalListed,
                subject.seriousIllegalListed,
                subject.version);
    }
}
