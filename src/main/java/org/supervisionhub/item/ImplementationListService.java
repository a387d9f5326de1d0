package org.supervisionhub.item;

import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import java.math.BigDecimal;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.ReactiveTransactions;
import org.supervisionhub.common.code.ImplementationListCodes;
import org.supervisionhub.events.ImplementationListUpserted;
import org.supervisionhub.organization.Department;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.security.Caller;
import org.supervisionhub.sync.Outbox;

/** Check implementation lists (检查实施清单): one per department per claimed inspection sub-item. */
@ApplicationScoped
public class ImplementationListService {

    private final DepartmentScope scope;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ReactiveTransactions transactions;

    @Inject
    ImplementationListService(
            DepartmentScope scope, AuditTrail audit, Outbox outbox, ReactiveTransactions transactions) {
        this.scope = scope;
        this.audit = audit;
        this.outbox = outbox;
        this.transactions = transactions;
    }

    /** The outcome of a list write. */
    public record ListOutcome(ImplementationListView list, ItemUpsertResult.Outcome outcome) {}

    /** Creates or replaces the department's list for the item; an identical re-send changes nothing. */
    public Uni<ListOutcome> upsert(
            Caller caller, String itemCode, String departmentCode, ImplementationListRequest request) {
        validateFields(request);
        return transactions.inTransaction(() -> scope.departmentToActFor(caller, departmentCode)
                .invoke(department -> requireOwnImplementingBody(department, request))
                .chain(department -> CatalogItem.<CatalogItem>findById(itemCode)
                        .onItem()
                        .ifNull()
                        .failWith(() -> HubException.notFound("ITEM_NOT_FOUND", "no catalog item " + itemCode))
                        .chain(item -> {
                            if (item.itemType != ItemType.INSPECTION) {
                                throw HubException.unprocessable(
                                        "ITEM_NOT_INSPECTION",
                                        "check implementation lists exist only for inspection (行政检查) sub-items");
                            }
                            return ClaimService.activeClaim(itemCode, department.code);
                        })
                        .chain(claim -> {
                            if (claim == null) {
                                throw HubException.conflict(
                                        "CLAIM_REQUIRED",
                                        "the department must claim item " + itemCode + " before compiling its list");
                            }
                            return ImplementationList.<ImplementationList>find(
                                            "itemCode = ?1 and departmentCode = ?2", itemCode, department.code)
                                    .withLock(LockModeType.PESSIMISTIC_WRITE)
                                    .<ImplementationList>firstResult();
                        })
                        .chain(existing -> write(caller, itemCode, department, existing, request))));
    }

    private Uni<ListOutcome> write(
            Caller caller,
            String itemCode,
            Department department,
            ImplementationList existing,
            ImplementationListRequest request) {
        String listCode = request.listCode() != null
                ? request.listCode()
                : request.implementingBodyCreditCode() + request.exerciseLevel() + itemCode;
        if (existing != null && sameContent(existing, listCode, request)) {
            return Uni.createFrom()
                    .item(new ListOutcome(ImplementationListView.of(existing), ItemUpsertResult.Outcome.UNCHANGED));
        }
        ImplementationList list = existing != null ? existing : new ImplementationList();
        boolean created = existing == null;
        if (created) {
            list.itemCode = itemCode;
            list.departmentCode = department.code;
            list.version = 1;
            list.createdAt = Instant.now();
        } else {
            list.version += 1;
        }
        apply(list, listCode, request);
        list.updatedAt = Instant.now();
        list.updatedBy = caller.auditName();
        String action = created ? "IMPLEMENTATION_LIST_CREATED" : "IMPLEMENTATION_LIST_UPDATED";
        return list.<ImplementationList>persistAndFlush()
                .call(() -> audit.record(
                        caller,
                        action,
                        "implementation_list",
                        list.listCode,
                        Map.of("itemCode", itemCode, "departmentCode", department.code, "version", list.version)))
                .call(() -> outbox.enqueue(event(list, department)))
                .map(saved -> new ListOutcome(
                        ImplementationListView.of(list),
                        created ? ItemUpsertResult.Outcome.CREATED : ItemUpsertResult.Outcome.UPDATED));
    }

    @WithSession
    public Uni<ImplementationListView> get(Caller caller, String itemCode, String departmentCode) {
        return scope.requireReadable(caller, departmentCode)
                .chain(() -> ImplementationList.<ImplementationList>find(
                                "itemCode = ?1 and departmentCode = ?2", itemCode, departmentCode)
                        .<ImplementationList>firstResult())
                .onItem()
                .ifNull()
                .failWith(() -> HubException.notFound(
                        "IMPLEMENTATION_LIST_NOT_FOUND",
                        "department " + departmentCode + " has no implementation list for item " + itemCode))
                .map(ImplementationListView::of);
    }

    /**
     * A department publishes lists it implements itself: the implementing body is the department's stored credit
     * code, whatever the body claims (a list naming another body would speak for it, and take its list codes).
     */
    private static void requireOwnImplementingBody(Department department, ImplementationListRequest request) {
        if (!department.creditCode.equals(request.implementingBodyCreditCode())) {
            throw HubException.forbidden(
                    ErrorCode.IMPLEMENTING_BODY_NOT_OWN,
                    "department " + department.code + " publishes only lists it implements itself",
                    new FieldError(
                            "implementingBodyCreditCode",
                            ErrorCode.IMPLEMENTING_BODY_NOT_OWN,
                            "the implementing body is the department's own credit code"));
        }
    }

    private static void validateFields(ImplementationListRequest request) {
        List<FieldError> errors = new ArrayList<>();
        if (Boolean.TRUE.equals(request.randomInspection()) && request.samplingProportion() == null) {
            errors.add(new FieldError(
                    "samplingProportion", "REQUIRED", "an item in 双随机 sampling needs its sampling proportion"));
        }
        if ((request.frequencyTimes() == null) != (request.frequencyPeriod() == null)) {
            errors.add(new FieldError(
                    request.frequencyTimes() == null ? "frequencyTimes" : "frequencyPeriod",
                    "REQUIRED",
                    "frequency needs both its times and its period"));
        }
        if (request.listCode() != null && ImplementationListCodes.isValid(request.listCode())) {
            if (!ImplementationListCodes.implementingBody(request.listCode())
                    .equals(request.implementingBodyCreditCode())) {
                errors.add(new FieldError(
                        "listCode",
                        "LIST_CODE_MISMATCH",
                        "the list code must begin with the implementing body's credit code"));
            }
            if (request.exerciseLevel() != null
                    && ImplementationListCodes.exerciseLevel(request.listCode()) != request.exerciseLevel()) {
                errors.add(new FieldError(
                        "listCode",
                        "LIST_CODE_MISMATCH",
                        "the 19th character of the list code must be the exercise level"));
            }
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
    }

    private static boolean sameContent(ImplementationList list, String listCode, ImplementationListRequest request) {
        return list.listCode.equals(listCode)
                && list.implementingBodyName.equals(
                        request.implementingBodyName().strip())
                && list.implementingBodyCreditCode.equals(request.implementingBodyCreditCode())
                && list.exerciseLevel == request.exerciseLevel()
                && Objects.equals(list.delegatedDepartment, request.delegatedDepartment())
                && list.supervisedObject.equals(request.supervisedObject())
                && list.checkForm == request.checkForm()
                && list.randomInspection == request.randomInspection()
                && sameAmount(list.samplingProportion, request.samplingProportion())
                && Objects.equals(list.frequencyTimes, request.frequencyTimes())
                && list.frequencyPeriod == request.frequencyPeriod()
                && list.checkContent.equals(request.checkContent());
    }

    private static boolean sameAmount(BigDecimal stored, BigDecimal requested) {
        return stored == null ? requested == null : requested != null && stored.compareTo(requested) == 0;
    }

    private static void apply(ImplementationList list, String listCode, ImplementationListRequest request) {
        list.listCode = listCode;
        list.implementingBodyName = request.implementingBodyName().strip();
        list.implementingBodyCreditCode = request.implementingBodyCreditCode();
        list.exerciseLevel = request.exerciseLevel().shortValue();
        list.delegatedDepartment = request.delegatedDepartment();
        list.supervisedObject = request.supervisedObject();
        list.checkForm = request.checkForm();
        list.randomInspection = request.randomInspection();
        list.samplingProportion = request.samplingProportion();
        list.frequencyTimes = request.frequencyTimes();
        list.frequencyPeriod = request.frequencyPeriod();
        list.checkContent = request.checkContent();
    }

    private static ImplementationListUpserted event(ImplementationList list, Department department) {
        return new ImplementationListUpserted(
                list.listCode,
                list.itemCode,
                department.code,
                department.regionCode,
                list.implementingBodyName,
                list.implementingBodyCreditCode,
                list.exerciseLevel,
                list.delegatedDepartment,
                list.supervisedObject,
                list.checkForm.name(),
                list.randomInspection,
                list.samplingProportion,
                list.frequencyTimes,
                list.frequencyPeriod == null ? null : list.frequencyPeriod.name(),
                list.checkContent,
                list.version);
    }
}
