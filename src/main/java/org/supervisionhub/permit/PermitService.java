package org.supervisionhub.permit;

import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.code.CreditCodes;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.organization.DepartmentScope;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;

/**
 * 审管联动: stores permits (idempotent by the issuing department's own key: source system and permit number); a permit
 * whose item is bound to supervision items opens a follow-up for every department holding an active claim of such an
 * item in the permit's region that a binding applies to (see {@link #bind}). A permit whose item is bound to nothing
 * is kept and answered with candidate items (by name similarity, in the issuing department's sectors) so the binding
 * can be made instead of the permit being forgotten. Blocking.
 */
@ApplicationScoped
public class PermitService {

    /** What happened to one permit. */
    public record Outcome(boolean created, int followups, List<Candidate> candidates) {}

    /** A supervision item that may be what a permit item should be bound to. */
    public record Candidate(String itemCode, String itemName, BigDecimal similarity) {}

    private static final String STORE = """
            insert into permit (source_system, permit_number, permit_item_code, permit_item_name, subject_credit_code,
                                subject_name, region_code, issuing_department, issued_date)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9)
            on conflict (issuing_department, source_system, permit_number) do nothing returning id""";
    private static final String EXISTING =
            "select id from permit where issuing_department = $1 and source_system = $2 and permit_number = $3";
    /** Whether binding {@code b} applies to claims of department {@code d}: its owner's scope. */
    private static final String APPLIES = """
            (b.department_code = d.code
             or (b.department_code is null
                 and (b.region_code is null or d.region_code like region_scope_prefix(b.region_code) || '%')))""";

    private static final String FOLLOW_UP = """
            insert into permit_followup (permit_id, item_code, department_code)
            select distinct $1::bigint, b.item_code, c.department_code
            from permit_binding b
            join item_claim c on c.item_code = b.item_code and c.status = 'ACTIVE'
            join department d on d.code = c.department_code
            where b.permit_item_code = $2 and $3 like region_scope_prefix(d.region_code) || '%%' and %s
            on conflict do nothing""".formatted(APPLIES);
    private static final String BOUND = "select count(*) from permit_binding where permit_item_code = $1";
    private static final String CANDIDATES = """
            select i.code, i.name, round(similarity(i.name, $1)::numeric, 3) as score
            from catalog_item i join department_sector ds on ds.sector_code = i.sector_code
            where ds.department_code = $2 and i.status = 'IN_USE' and i.parent_code is not null
            order by similarity(i.name, $1) desc, i.code limit 3""";
    private static final String BIND = """
            insert into permit_binding (permit_item_code, item_code, bound_by, department_code, region_code)
            values ($1, $2, $3, $4, $5)
            on conflict (permit_item_code, item_code, coalesce(department_code, ''), coalesce(region_code, ''))
            do nothing""";
    /** The follow-ups of permits received before, for the claiming departments the new binding applies to. */
    private static final String REPLAY = """
            insert into permit_followup (permit_id, item_code, department_code)
            select p.id, c.item_code, c.department_code
            from permit p
            join item_claim c on c.item_code = $2 and c.status = 'ACTIVE'
            join department d on d.code = c.department_code
            where p.permit_item_code = $1 and p.region_code like region_scope_prefix(d.region_code) || '%'
              and ($3::text is null or d.code = $3) and ($4::text is null or d.region_code like $4 || '%')
            on conflict do nothing""";

    private static final String DEPARTMENT_REGION = "select region_code from department where code = $1";

    @Inject
    DepartmentScope departments;

    @Inject
    BlockingTransactions transactions;

    @Inject
    AuditTrail audit;

    /** Stores one permit for the caller's department; validation errors are thrown as a 400 problem. */
    public Outcome receive(Caller caller, String sourceSystem, PermitInput permit) {
        String department = caller.scope().ownDepartment();
        String departmentRegion = registeredRegion(department);
        List<FieldError> errors = new ArrayList<>();
        require(errors, "permitNumber", permit.permitNumber(), 64);
        require(errors, "permitItemCode", permit.permitItemCode(), 64);
        require(errors, "permitItemName", permit.permitItemName(), 300);
        require(errors, "subjectName", permit.subjectName(), 300);
        if (permit.subjectCreditCode() == null || !CreditCodes.isValid(permit.subjectCreditCode())) {
            errors.add(
                    new FieldError("subjectCreditCode", CreditCodes.ERROR_CODE, "a valid unified social credit code"));
        }
        if (permit.regionCode() == null || !RegionCodes.isValid(permit.regionCode())) {
            errors.add(new FieldError("regionCode", RegionCodes.ERROR_CODE, "a GB/T 2260 region code"));
        } else if (!RegionCodes.contains(departmentRegion, permit.regionCode())) {
            // A permit outside the issuing department's region would open follow-ups for another region's departments.
            errors.add(new FieldError(
                    "regionCode",
                    ErrorCode.REGION_OUT_OF_SCOPE,
                    "region " + permit.regionCode() + " is outside the issuing department's region "
                            + departmentRegion));
        }
        if (permit.issuedDate() == null) {
            errors.add(new FieldError("issuedDate", "REQUIRED", "issuedDate is required"));
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
        return transactions.inTransaction(connection -> {
            RowSet<Row> stored = connection
                    .preparedQuery(STORE)
                    .execute(Tuple.from(new Object[] {
                        sourceSystem,
                        permit.permitNumber(),
                        permit.permitItemCode(),
                        permit.permitItemName(),
                        permit.subjectCreditCode(),
                        permit.subjectName(),
                        permit.regionCode(),
                        department,
                        permit.issuedDate()
                    }))
                    .await()
                    .indefinitely();
            boolean created = stored.size() > 0;
            long id = created
                    ? stored.iterator().next().getLong("id")
                    : connection
                            .preparedQuery(EXISTING)
                            .execute(Tuple.of(department, sourceSystem, permit.permitNumber()))
                            .await()
                            .indefinitely()
                            .iterator()
                            .next()
                            .getLong("id");
            int followups = connection
                    .preparedQuery(FOLLOW_UP)
                    .execute(Tuple.of(id, permit.permitItemCode(), permit.regionCode()))
                    .await()
                    .indefinitely()
                    .rowCount();
            boolean bound = connection
                            .preparedQuery(BOUND)
                            .execute(Tuple.of(permit.permitItemCode()))
                            .await()
                            .indefinitely()
                            .iterator()
                            .next()
                            .getLong(0)
                    > 0;
            List<Candidate> candidates =
                    bound ? List.of() : candidates(connection, permit.permitItemName(), department);
            if (created) {
                audit.record(
                        connection,
                        caller,
                        "PERMIT_RECEIVED",
                        "permit",
                        String.valueOf(id),
                        Map.of("followups", followups, "bound", bound));
            }
            return new Outcome(created, followups, candidates);
        });
    }

    /**
     * Binds a permit item to a supervision item for the caller's scope, and opens the follow-ups of the permits
     * already received. The binding's stored owner is the caller's scope: a hub-admin's applies to every
     * department, a region-admin's to the departments of its region and the regions below it, a department admin's
     * to its own (registered) department only, so no department can make a rule for others.
     */
    public int bind(Caller caller, String permitItemCode, String itemCode) {
        Scope scope = caller.scope();
        scope.requireBound();
        String region = scope.region().orElse(null);
        String department = scope.isAll() || region != null ? null : scope.ownDepartment();
        return transactions.inTransaction(connection -> {
            if (department != null
                    && connection
                                    .preparedQuery(DEPARTMENT_REGION)
                                    .execute(Tuple.of(department))
                                    .await()
                                    .indefinitely()
                                    .size()
                            == 0) {
                throw HubException.forbidden(
                        ErrorCode.CALLER_DEPARTMENT_UNKNOWN, "the token's department is not registered in the hub");
            }
            if (connection
                            .preparedQuery("select 1 from catalog_item where code = $1 and parent_code is not null")
                            .execute(Tuple.of(itemCode))
                            .await()
                            .indefinitely()
                            .size()
                    == 0) {
                throw HubException.notFound("ITEM_NOT_FOUND", "no supervision sub-item " + itemCode);
            }
            connection
                    .preparedQuery(BIND)
                    .execute(Tuple.of(permitItemCode, itemCode, caller.auditName(), department, region))
                    .await()
                    .indefinitely();
            int opened = connection
                    .preparedQuery(REPLAY)
                    .execute(Tuple.of(
                            permitItemCode,
                            itemCode,
                            department,
                            region == null ? null : RegionCodes.scopePrefix(region)))
                    .await()
                    .indefinitely()
                    .rowCount();
            Map<String, Object> detail = new java.util.LinkedHashMap<>();
            detail.put("followupsOpened", opened);
            detail.put("appliesTo", department != null ? department : region != null ? region : "ALL");
            audit.record(
                    connection,
                    caller,
                    "PERMIT_ITEM_BOUND",
                    "permit-binding",
                    permitItemCode + "->" + itemCode,
                    detail);
            return opened;
        });
    }

    /** The stored region of the caller's department; an unregistered department is refused, as for uploads. */
    private String registeredRegion(String department) {
        return departments
                .storedRegion(department)
                .orElseThrow(() -> HubException.forbidden(
                        ErrorCode.CALLER_DEPARTMENT_UNKNOWN, "the token's department is not registered in the hub"));
    }

    private static List<Candidate> candidates(SqlConnection connection, String name, String department) {
        List<Candidate> candidates = new ArrayList<>();
        for (Row row : connection
                .preparedQuery(CANDIDATES)
                .execute(Tuple.of(name, department))
                .await()
                .indefinitely()) {
            candidates.add(new Candidate(row.getString("code"), row.getString("name"), row.getBigDecimal("score")));
        }
        return candidates;
    }

    private static void require(List<FieldError> errors, String field, String value, int max) {
        if (value == null || value.isBlank()) {
            errors.add(new FieldError(field, "REQUIRED", field + " is required"));
        } else if (value.length() > max) {
            errors.add(new FieldError(field, "LENGTH_OUT_OF_RANGE", "at most " + max + " characters"));
        }
    }
}
