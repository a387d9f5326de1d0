package org.supervisionhub.adapter;

import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.vertx.VertxContextSupport;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Json;
import org.supervisionhub.common.ProblemMapper;
import org.supervisionhub.common.code.CreditCodes;
import org.supervisionhub.item.ItemUpsertResult;
import org.supervisionhub.officer.CredentialRequest;
import org.supervisionhub.officer.CredentialService;
import org.supervisionhub.record.RecordOutcome;
import org.supervisionhub.record.UploadResult;
import org.supervisionhub.security.Caller;
import org.supervisionhub.subject.SubjectRequest;
import org.supervisionhub.subject.SubjectService;

/**
 * Inbound data that is not a behaviour record: enforcement certificates (as PUT /api/v1/credentials/{issuer}/{certNo})
 * and subject reports (as PUT /api/v1/subjects/{creditCode}), each through that endpoint's own service, validation,
 * scoping and idempotency, one item at a time. Blocking.
 */
@ApplicationScoped
public class InboundTargets {

    /** The canonical shape of a certificate: its key and the credential endpoint's body. */
    public record CertificateInput(String issuer, String certNo, CredentialRequest credential) {}

    /** The canonical shape of a subject report: its credit code and the subject endpoint's body. */
    public record SubjectInput(String creditCode, SubjectRequest subject) {}

    /** The canonical shape of a directory's department: its code and the department endpoint's body. */
    public record DepartmentInput(String code, org.supervisionhub.organization.DepartmentRequest department) {}

    @Inject
    ObjectMapper mapper;

    @Inject
    Validator validator;

    @Inject
    CredentialService credentials;

    @Inject
    SubjectService subjects;

    @Inject
    org.supervisionhub.permit.PermitService permits;

    @Inject
    org.supervisionhub.randominspection.RandomPlans plans;

    @Inject
    org.supervisionhub.organization.DepartmentRegistry departments;

    /** Writes each mapped item; failures of one item are reported with it and do not stop the others. */
    UploadResult write(
            Caller caller,
            String system,
            AdapterDescriptor.Target target,
            List<JsonNode> items,
            List<FieldError> failures) {
        int[] outcomes = new int[RecordOutcome.values().length];
        Map<String, Integer> errorCounts = new TreeMap<>();
        List<UploadResult.RecordIssue> issues = new ArrayList<>();
        List<UploadResult.RecordResult> results = new ArrayList<>();
        int warned = 0;
        for (int i = 0; i < items.size(); i++) {
            List<FieldError> errors = new ArrayList<>();
            List<FieldError> warnings = new ArrayList<>();
            RecordOutcome outcome = RecordOutcome.REJECTED;
            String key = null;
            if (failures.get(i) != null) {
                errors.add(failures.get(i));
            } else {
                try {
                    if (target == AdapterDescriptor.Target.RANDOM_PLAN) {
                        org.supervisionhub.randominspection.RandomPlanInput input = mapper.convertValue(
                                items.get(i), org.supervisionhub.randominspection.RandomPlanInput.class);
                        key = input.planId();
                        outcome = writePlan(caller, system, input, errors);
                    } else if (target == AdapterDescriptor.Target.PERMIT) {
                        org.supervisionhub.permit.PermitInput input =
                                mapper.convertValue(items.get(i), org.supervisionhub.permit.PermitInput.class);
                        key = input.permitNumber();
                        outcome = writePermit(caller, system, input, errors, warnings);
                    } else if (target == AdapterDescriptor.Target.DEPARTMENT) {
                        DepartmentInput input = mapper.convertValue(items.get(i), DepartmentInput.class);
                        key = input.code();
                        outcome = writeDepartment(caller, input, errors);
                    } else if (target == AdapterDescriptor.Target.CERTIFICATE) {
                        CertificateInput input = mapper.convertValue(items.get(i), CertificateInput.class);
                        key = input.certNo();
                        outcome = writeCertificate(caller, input, errors);
                    } else {
                        SubjectInput input = mapper.convertValue(items.get(i), SubjectInput.class);
                        key = input.creditCode();
                        outcome = writeSubject(caller, input, errors);
                    }
                } catch (IllegalArgumentException e) {
                    errors.add(unboundItem(e));
                }
            }
            outcomes[outcome.ordinal()]++;
            if (!errors.isEmpty()) {
                errors.forEach(error -> errorCounts.merge(error.code(), 1, Integer::sum));
                issues.add(
                        new UploadResult.RecordIssue(i, null, key, RecordOutcome.REJECTED, List.copyOf(errors), null));
            } else if (!warnings.isEmpty()) {
                warned++;
                issues.add(new UploadResult.RecordIssue(i, null, key, outcome, null, List.copyOf(warnings)));
            }
            results.add(new UploadResult.RecordResult(i, key, outcome, null, null));
        }
        return new UploadResult(
                items.size(),
                outcomes[RecordOutcome.CREATED.ordinal()],
                outcomes[RecordOutcome.UPDATED.ordinal()],
                outcomes[RecordOutcome.UNCHANGED.ordinal()],
                0,
                outcomes[RecordOutcome.REJECTED.ordinal()],
                warned,
                errorCounts,
                issues,
                false,
                results);
    }

    private RecordOutcome writePlan(
            Caller caller,
            String system,
            org.supervisionhub.randominspection.RandomPlanInput input,
            List<FieldError> errors) {
        try {
            return switch (plans.receive(caller, system, input)) {
                case CREATED -> RecordOutcome.CREATED;
                case UPDATED -> RecordOutcome.UPDATED;
                case UNCHANGED -> RecordOutcome.UNCHANGED;
            };
        } catch (HubException e) {
            return rejected(e, errors);
        }
    }

    /** A permit; one whose item is bound to no supervision item is stored with a warning naming candidate items. */
    private RecordOutcome writePermit(
            Caller caller,
            String system,
            org.supervisionhub.permit.PermitInput input,
            List<FieldError> errors,
            List<FieldError> warnings) {
        try {
            org.supervisionhub.permit.PermitService.Outcome outcome = permits.receive(caller, system, input);
            if (!outcome.candidates().isEmpty()) {
                warnings.add(new FieldError(
                        "permitItemCode",
                        "PERMIT_ITEM_UNBOUND",
                        "permit item " + input.permitItemCode()
                                + " is bound to no supervision item; candidates: "
                                + outcome.candidates().stream()
                                        .map(c -> c.itemCode() + " " + c.itemName() + " (" + c.similarity() + ")")
                                        .collect(java.util.stream.Collectors.joining("; "))));
            }
            return outcome.created() ? RecordOutcome.CREATED : RecordOutcome.UNCHANGED;
        } catch (HubException e) {
            return rejected(e, errors);
        }
    }

    /** A department of a provincial directory, written for the region the directory's token carries. */
    private RecordOutcome writeDepartment(Caller caller, DepartmentInput input, List<FieldError> errors) {
        if (input.code() == null || !input.code().matches(org.supervisionhub.organization.Departments.CODE)) {
            errors.add(
                    new FieldError("code", ErrorCode.FORMAT_INVALID, "a department code of 2-32 letters, digits, _ -"));
            return RecordOutcome.REJECTED;
        }
        if (input.department() == null) {
            errors.add(new FieldError("department", "REQUIRED", "the department is required"));
            return RecordOutcome.REJECTED;
        }
        if (!valid(input.department(), "department.", errors)) {
            return RecordOutcome.REJECTED;
        }
        try {
            return switch (departments
                    .upsertFromDirectory(caller, input.code(), input.department())
                    .outcome()) {
                case CREATED -> RecordOutcome.CREATED;
                case UPDATED -> RecordOutcome.UPDATED;
                case UNCHANGED -> RecordOutcome.UNCHANGED;
            };
        } catch (HubException e) {
            return rejected(e, errors);
        }
    }

    private RecordOutcome writeCertificate(Caller caller, CertificateInput input, List<FieldError> errors) {
        if (input.issuer() == null || input.certNo() == null || input.credential() == null) {
            errors.add(new FieldError(
                    input.issuer() == null ? "issuer" : input.certNo() == null ? "certNo" : "credential",
                    "REQUIRED",
                    "issuer, certNo and the credential are required"));
            return RecordOutcome.REJECTED;
        }
        if (!valid(input.credential(), "credential.", errors)) {
            return RecordOutcome.REJECTED;
        }
        return call(
                () -> credentials
                        .upsert(caller, input.issuer(), input.certNo(), input.credential())
                        .map(result -> outcome(result.outcome())),
                errors);
    }

    private RecordOutcome writeSubject(Caller caller, SubjectInput input, List<FieldError> errors) {
        if (input.creditCode() == null || !CreditCodes.isValid(input.creditCode())) {
            errors.add(new FieldError(
                    "creditCode", CreditCodes.ERROR_CODE, "a valid unified social credit code is required"));
            return RecordOutcome.REJECTED;
        }
        if (input.subject() == null || !valid(input.subject(), "subject.", errors)) {
            if (input.subject() == null) {
                errors.add(new FieldError("subject", "REQUIRED", "the subject report is required"));
            }
            return RecordOutcome.REJECTED;
        }
        return call(
                () -> subjects.upsertOrganisation(caller, input.creditCode(), input.subject())
                        .map(result -> switch (result.outcome()) {
                            case CREATED -> RecordOutcome.CREATED;
                            case UPDATED -> RecordOutcome.UPDATED;
                            case UNCHANGED -> RecordOutcome.UNCHANGED;
                        }),
                errors);
    }

    private <T> boolean valid(T request, String prefix, List<FieldError> errors) {
        for (ConstraintViolation<T> violation : validator.validate(request)) {
            FieldError error = ProblemMapper.fieldError(violation);
            errors.add(new FieldError(prefix + violation.getPropertyPath(), error.code(), error.message()));
        }
        return errors.isEmpty();
    }

    private RecordOutcome call(
            java.util.function.Supplier<io.smallrye.mutiny.Uni<RecordOutcome>> write, List<FieldError> errors) {
        try {
            return VertxContextSupport.subscribeAndAwait(write);
        } catch (HubException e) {
            return rejected(e, errors);
        } catch (Throwable e) {
            throw e instanceof RuntimeException runtime ? runtime : new IllegalStateException(e);
        }
    }

    /** A write the hub refused: its field errors (or its code as one error) go to the row's errors. */
    private static RecordOutcome rejected(HubException e, List<FieldError> errors) {
        if (e.errors().isEmpty()) {
            errors.add(new FieldError("", e.code(), e.getMessage()));
        } else {
            errors.addAll(e.errors());
        }
        return RecordOutcome.REJECTED;
    }

    private static RecordOutcome outcome(ItemUpsertResult.Outcome outcome) {
        return switch (outcome) {
            case CREATED -> RecordOutcome.CREATED;
            case UPDATED -> RecordOutcome.UPDATED;
            case UNCHANGED -> RecordOutcome.UNCHANGED;
        };
    }

    /**
     * A mapped item Jackson could not bind to the target's input. Jackson's own text names Java types and parser
     * internals, so the docking team gets the field and a plain reason instead.
     */
    static FieldError unboundItem(IllegalArgumentException e) {
        if (e.getCause() instanceof JsonMappingException mapping) {
            return new FieldError(
                    Json.pathOf(mapping), ErrorCode.INVALID_VALUE.name(), "the value cannot be held by this field");
        }
        return new FieldError(
                "", ErrorCode.INVALID_VALUE.name(), "the mapped item does not have the expected structure");
    }
}
