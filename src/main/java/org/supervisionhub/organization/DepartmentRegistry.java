package org.supervisionhub.organization;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlClient;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.PagedQuery;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.events.DepartmentDeactivated;
import org.supervisionhub.events.DepartmentUpserted;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;
import org.supervisionhub.sync.Outbox;

/**
 * The departments of the organisation registry (执法主体库): enforcement bodies with their region, level, parent,
 * sectors (执法门类), entrusted organisations (受委托组织), status, validity and version, and their appointed
 * administrators. Every read is scoped; every write is decided by the department's <em>stored</em> region and, when a
 * write moves it, by the new one too ({@link Scope#requireCanWrite(Scope.Owner, Scope.Owner)}), then commits the
 * change, its audit entry and its typed event in one transaction. A deactivated department keeps its rows and history;
 * what it still holds (active claims, implementation lists, open cases) is listed for reassignment. Blocking.
 */
@ApplicationScoped
public class DepartmentRegistry {

    /** What an upsert did. */
    public enum Outcome {
        CREATED,
        UPDATED,
        UNCHANGED
    }

    /** What an upsert did, and the department as it is now. */
    public record Written(Outcome outcome, DepartmentView department) {}

    private static final String VIEW = """
            select d.code, d.name, d.credit_code, d.region_code, d.level, d.parent_code, d.status, d.valid_from,
                   d.valid_to, d.version, d.updated_at,
                   coalesce((select array_agg(s.sector_code order by s.sector_code) from department_sector s
                             where s.department_code = d.code), '{}') as sectors,
                   coalesce((select array_agg(e.name order by e.position) from department_entrusted e
                             where e.department_code = d.code), '{}') as entrusted_names,
                   coalesce((select array_agg(e.credit_code::text order by e.position) from department_entrusted e
                             where e.department_code = d.code), '{}') as entrusted_codes
            from department d""";
    private static final String FILTER = " where " + Scope.sqlCondition("d.code", "d.region_code", 1) + """
             and ($4::text is null or d.region_code like $4 || '%') and ($5::text is null or d.status = $5)
             and ($6::text is null or exists (select 1 from department_sector f
                                              where f.department_code = d.code and f.sector_code = $6))
             and ($7::text is null or d.parent_code = $7)""";
    private static final String LIST = VIEW + FILTER + " order by d.code limit $8 offset $9";
    private static final String COUNT = "select count(*) from department d" + FILTER;
    private static final String ONE = VIEW + " where d.code = $1";
    private static final String LOCK = "select code from department where code = $1 for update";
    private static final String REGION_STATUS = "select status from region where code = $1";
    /** Whether {@code $2} is {@code $1} or one of its ancestors: naming it as parent would make a cycle. */
    private static final String ANCESTORS = """
            with recursive up(code, parent_code) as (
                select code, parent_code from department where code = $1
                union
                select d.code, d.parent_code from department d join up on d.code = up.parent_code)
            select exists (select 1 from up where code = $2) as cycle, exists (select 1 from up) as known""";

    private static final String UPSERT = """
            insert into department (code, name, credit_code, region_code, level, parent_code, status, valid_from,
                                    valid_to, version, updated_at, updated_by)
            values ($1, $2, $3, $4, $5, $6, 'ACTIVE', $7, $8, 1, now(), $9)
            on conflict (code) do update set name = excluded.name, credit_code = excluded.credit_code,
                region_code = excluded.region_code, level = excluded.level, parent_code = excluded.parent_code,
                status = 'ACTIVE', valid_from = excluded.valid_from, valid_to = excluded.valid_to,
                version = department.version + 1, updated_at = now(), updated_by = excluded.updated_by""";
    private static final String CLEAR_SECTORS = "delete from department_sector where department_code = $1";
    private static final String SECTORS = """
            insert into department_sector (department_code, sector_code)
            select $1, unnest($2::text[]) on conflict do nothing""";
    private static final String CLEAR_ENTRUSTED = "delete from department_entrusted where department_code = $1";
    private static final String ENTRUSTED = """
            insert into department_entrusted (department_code, position, name, credit_code)
            select $1, t.position, t.name, t.credit_code
            from unnest($2::text[], $3::text[]) with ordinality as t(name, credit_code, position)""";
    private static final String DEACTIVATE = """
            update department set status = 'INACTIVE', version = version + 1, updated_at = now(), updated_by = $2
            where code = $1""";
    private static final String CLAIMS = """
            select c.item_code, i.name, c.claimed_at from item_claim c join catalog_item i on i.code = c.item_code
            where c.department_code = $1 and c.status = 'ACTIVE' order by c.item_code""";
    private static final String LISTS =
            "select item_code, list_code from implementation_list where department_code = $1 order by item_code";
    private static final String CASES = """
            select id, kind, national_id, title, status, deadline from national_case
            where department_code = $1 and status in ('RECEIVED', 'ASSIGNED', 'ACCEPTED') order by deadline, id""";
    private static final String ADMINISTRATORS = """
            select subject, appointed_by, appointed_at from department_administrator
            where department_code = $1 order by subject""";
    private static final String REMOVE_ADMINISTRATORS =
            "delete from department_administrator where department_code = $1 and subject = any($2::text[])";
    private static final String ADD_ADMINISTRATORS = """
            insert into department_administrator (department_code, subject, appointed_by)
            select $1, unnest($2::text[]), $3 on conflict do nothing""";

    @Inject
    Pool pool;

    @Inject
    BlockingTransactions transactions;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    // ---- reads -----------------------------------------------------------------------------------

    /** The departments the caller may see, by code; a region filter is bounded by a region-admin's region. */
    public Page<DepartmentView> list(
            Caller caller, String region, DepartmentStatus status, String sector, String parent, PageRequest paging) {
        Scope scope = caller.scope();
        Object[] arguments = scope.sqlArguments();
        String regionPrefix =
                scope.regionFilter(region).map(RegionCodes::scopePrefix).orElse(null);
        Object[] filter = Arrays.copyOf(arguments, 7);
        filter[3] = regionPrefix;
        filter[4] = status == null ? null : status.name();
        filter[5] = sector;
        filter[6] = parent;
        return PagedQuery.fetch(pool, LIST, COUNT, filter, paging, DepartmentRegistry::view)
                .await()
                .indefinitely();
    }

    /** One department; outside the caller's scope it reads as unknown (404), so existence never leaks. */
    public DepartmentView get(Caller caller, String code) {
        Scope scope = caller.scope();
        scope.requireBound();
        return load(pool, code)
                .filter(department -> scope.covers(owner(department)))
                .orElseThrow(() -> notFound(code));
    }

    /** What the department still holds that another must take over (read like the department itself). */
    public ReassignmentsView reassignments(Caller caller, String code) {
        DepartmentView department = get(caller, code);
        return reassignments(pool, department.code(), department.status());
    }

    /** The department's appointed administrators (read like the department itself). */
    public AdministratorsView administrators(Caller caller, String code) {
        DepartmentView department = get(caller, code);
        return administrators(pool, department.code());
    }

    // ---- writes ----------------------------------------------------------------------------------

    /**
     * Creates or replaces a department, as a hub-admin or a region-admin: the department is owned by its region, so
     * a region-admin writes only departments stored in its region and only into its region.
     */
    public Written upsert(Caller caller, String code, DepartmentRequest request, String ifMatch) {
        return upsert(caller, code, request, ifMatch, false);
    }

    /**
     * The same write from a provincial department directory docked through an adapter (target DEPARTMENT): the
     * directory's token carries the region it keeps the registry of, and it writes the departments of that region
     * (as a docked registry writes the subjects of its region), never outside it.
     */
    public Written upsertFromDirectory(Caller caller, String code, DepartmentRequest request) {
        return upsert(caller, code, request, null, true);
    }

    private Written upsert(Caller caller, String code, DepartmentRequest request, String ifMatch, boolean directory) {
        Scope scope = caller.scope();
        scope.requireBound();
        List<FieldError> errors = new ArrayList<>();
        if (request.validFrom() != null
                && request.validTo() != null
                && request.validTo().isBefore(request.validFrom())) {
            errors.add(new FieldError("validTo", ErrorCode.DATE_RANGE_INVALID, "validTo precedes validFrom"));
        }
        List<EntrustedOrganisation> entrusted = request.entrusted() == null ? List.of() : request.entrusted();
        Set<String> entrustedCodes = new LinkedHashSet<>();
        for (int i = 0; i < entrusted.size(); i++) {
            if (!entrustedCodes.add(entrusted.get(i).creditCode())) {
                errors.add(new FieldError(
                        "entrusted[" + i + "].creditCode", ErrorCode.INVALID, "an organisation is entrusted once"));
            }
        }
        if (code.equals(request.parentCode())) {
            errors.add(new FieldError(
                    "parentCode", ErrorCode.DEPARTMENT_PARENT_INVALID, "a department is not its own parent"));
        }
        if (!errors.isEmpty()) {
            throw HubException.validation(errors);
        }
        List<String> sectors = List.copyOf(new TreeSet<>(request.sectorCodes()));
        return transactions.inTransaction(connection -> {
            Optional<DepartmentView> stored = lock(connection, code);
            Scope.Owner next = directory
                    ? Scope.Owner.region(request.regionCode())
                    : Scope.Owner.department(code, request.regionCode());
            if (stored.isPresent()) {
                scope.requireCanWrite(
                        directory ? Scope.Owner.region(stored.get().regionCode()) : owner(stored.get()), next);
            } else {
                scope.requireCanWrite(next);
            }
            Versions.requireMatch(ifMatch, stored.map(DepartmentView::version).orElse(null));
            if (stored.isEmpty() || !stored.get().regionCode().equals(request.regionCode())) {
                requireActiveRegion(connection, request.regionCode());
            }
            if (request.parentCode() != null
                    && (stored.isEmpty()
                            || !request.parentCode().equals(stored.get().parentCode()))) {
                requireParent(connection, code, request.parentCode());
            }
            if (stored.isPresent() && same(stored.get(), request, sectors, entrusted)) {
                return new Written(Outcome.UNCHANGED, stored.get());
            }
            connection
                    .preparedQuery(UPSERT)
                    .execute(Tuple.from(new Object[] {
                        code,
                        request.name(),
                        request.creditCode(),
                        request.regionCode(),
                        request.level().name(),
                        request.parentCode(),
                        request.validFrom(),
                        request.validTo(),
                        caller.auditName()
                    }))
                    .await()
                    .indefinitely();
            if (stored.isEmpty() || !stored.get().sectorCodes().equals(sectors)) {
                connection
                        .preparedQuery(CLEAR_SECTORS)
                        .execute(Tuple.of(code))
                        .await()
                        .indefinitely();
                connection
                        .preparedQuery(SECTORS)
                        .execute(Tuple.of(code, sectors.toArray(String[]::new)))
                        .await()
                        .indefinitely();
            }
            connection
                    .preparedQuery(CLEAR_ENTRUSTED)
                    .execute(Tuple.of(code))
                    .await()
                    .indefinitely();
            if (!entrusted.isEmpty()) {
                connection
                        .preparedQuery(ENTRUSTED)
                        .execute(Tuple.of(
                                code,
                                entrusted.stream()
                                        .map(EntrustedOrganisation::name)
                                        .toArray(String[]::new),
                                entrusted.stream()
                                        .map(EntrustedOrganisation::creditCode)
                                        .toArray(String[]::new)))
                        .await()
                        .indefinitely();
            }
            DepartmentView department = load(connection, code).orElseThrow();
            outbox.enqueue(
                    connection,
                    new DepartmentUpserted(
                            department.code(),
                            department.name(),
                            department.creditCode(),
                            department.regionCode(),
                            department.level().name(),
                            department.parentCode(),
                            department.sectorCodes(),
                            department.entrusted().stream()
                                    .map(EntrustedOrganisation::creditCode)
                                    .toList(),
                            department.status().name(),
                            department.validFrom(),
                            department.validTo(),
                            department.version()));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("version", department.version());
            detail.put("regionCode", department.regionCode());
            stored.ifPresent(before -> {
                if (!before.regionCode().equals(department.regionCode())) {
                    detail.put("movedFrom", before.regionCode());
                }
                if (before.status() != department.status()) {
                    detail.put("reactivated", true);
                }
            });
            detail.put("sectorCodes", department.sectorCodes());
            if (directory) {
                detail.put("via", "directory");
            }
            audit.record(
                    connection,
                    caller,
                    stored.isEmpty() ? "DEPARTMENT_CREATED" : "DEPARTMENT_UPDATED",
                    "department",
                    code,
                    detail);
            return new Written(stored.isEmpty() ? Outcome.CREATED : Outcome.UPDATED, department);
        });
    }

    /**
     * Deactivates a department (DELETE): its rows and history stay, it is marked INACTIVE with a new version, and
     * what it still holds is answered for reassignment. Deactivating an inactive department changes nothing.
     */
    public ReassignmentsView deactivate(Caller caller, String code, String ifMatch) {
        Scope scope = caller.scope();
        scope.requireBound();
        return transactions.inTransaction(connection -> {
            DepartmentView stored = lockedForWrite(connection, scope, code);
            Versions.requireMatch(ifMatch, stored.version());
            if (stored.status() == DepartmentStatus.INACTIVE) {
                return reassignments(connection, code, DepartmentStatus.INACTIVE);
            }
            connection
                    .preparedQuery(DEACTIVATE)
                    .execute(Tuple.of(code, caller.auditName()))
                    .await()
                    .indefinitely();
            ReassignmentsView left = reassignments(connection, code, DepartmentStatus.INACTIVE);
            outbox.enqueue(
                    connection,
                    new DepartmentDeactivated(
                            code,
                            stored.creditCode(),
                            stored.regionCode(),
                            DepartmentStatus.INACTIVE.name(),
                            left.activeClaims().size(),
                            left.openCases().size(),
                            Instant.now(),
                            stored.version() + 1));
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("version", stored.version() + 1);
            detail.put("activeClaims", left.activeClaims().size());
            detail.put("implementationLists", left.implementationLists().size());
            detail.put("openCases", left.openCases().size());
            audit.record(connection, caller, "DEPARTMENT_DEACTIVATED", "department", code, detail);
            return left;
        });
    }

    /** Replaces the list of a department's appointed administrators; audited when it changes. */
    public AdministratorsView putAdministrators(Caller caller, String code, AdministratorsRequest request) {
        Scope scope = caller.scope();
        scope.requireBound();
        Set<String> wanted = new TreeSet<>(request.administrators());
        return transactions.inTransaction(connection -> {
            lockedForWrite(connection, scope, code);
            Set<String> current = new TreeSet<>();
            administrators(connection, code).administrators().forEach(a -> current.add(a.subject()));
            List<String> removed =
                    current.stream().filter(s -> !wanted.contains(s)).toList();
            List<String> added =
                    wanted.stream().filter(s -> !current.contains(s)).toList();
            if (removed.isEmpty() && added.isEmpty()) {
                return administrators(connection, code);
            }
            connection
                    .preparedQuery(REMOVE_ADMINISTRATORS)
                    .execute(Tuple.of(code, removed.toArray(String[]::new)))
                    .await()
                    .indefinitely();
            connection
                    .preparedQuery(ADD_ADMINISTRATORS)
                    .execute(Tuple.of(code, added.toArray(String[]::new), caller.auditName()))
                    .await()
                    .indefinitely();
            AdministratorsView view = administrators(connection, code);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("added", added);
            detail.put("removed", removed);
            audit.record(connection, caller, "DEPARTMENT_ADMINISTRATORS_CHANGED", "department", code, detail);
            return view;
        });
    }

    // ---- helpers ---------------------------------------------------------------------------------

    /** Locks a department's row (for update) and reads it; empty when there is no such department. */
    private static Optional<DepartmentView> lock(SqlConnection connection, String code) {
        boolean exists = connection
                        .preparedQuery(LOCK)
                        .execute(Tuple.of(code))
                        .await()
                        .indefinitely()
                        .size()
                > 0;
        return exists ? load(connection, code) : Optional.empty();
    }

    /**
     * Locks a department for a change by the caller: an unknown one is 404 for those who see everything and the
     * one out-of-scope answer (403) for everyone else, so a write never tells a foreign department from none.
     */
    private static DepartmentView lockedForWrite(SqlConnection connection, Scope scope, String code) {
        Optional<DepartmentView> stored = lock(connection, code);
        if (stored.isEmpty()) {
            if (scope.isAll()) {
                throw notFound(code);
            }
            throw DepartmentScope.outOfScope();
        }
        scope.requireCanWrite(owner(stored.get()));
        return stored.get();
    }

    private static void requireActiveRegion(SqlConnection connection, String region) {
        RowSet<Row> rows = connection
                .preparedQuery(REGION_STATUS)
                .execute(Tuple.of(region))
                .await()
                .indefinitely();
        if (rows.size() == 0) {
            throw HubException.unprocessable(
                    ErrorCode.REGION_NOT_FOUND,
                    "region " + region + " is not in the table",
                    new FieldError("regionCode", ErrorCode.REGION_NOT_FOUND, "a region of the national table"));
        }
        if (!RegionStatus.ACTIVE.name().equals(rows.iterator().next().getString("status"))) {
            throw HubException.unprocessable(
                    ErrorCode.REGION_ABOLISHED,
                    "region " + region + " is abolished",
                    new FieldError("regionCode", ErrorCode.REGION_ABOLISHED, "use the region's successor"));
        }
    }

    private static void requireParent(SqlConnection connection, String code, String parent) {
        Row row = connection
                .preparedQuery(ANCESTORS)
                .execute(Tuple.of(parent, code))
                .await()
                .indefinitely()
                .iterator()
                .next();
        if (!row.getBoolean("known") || row.getBoolean("cycle")) {
            String reason = row.getBoolean("known")
                    ? "department " + code + " is above " + parent + ": the parent would make a cycle"
                    : "no department " + parent;
            throw HubException.unprocessable(
                    ErrorCode.DEPARTMENT_PARENT_INVALID,
                    reason,
                    new FieldError("parentCode", ErrorCode.DEPARTMENT_PARENT_INVALID, reason));
        }
    }

    private static boolean same(
            DepartmentView stored,
            DepartmentRequest request,
            List<String> sectors,
            List<EntrustedOrganisation> entrusted) {
        return stored.status() == DepartmentStatus.ACTIVE
                && stored.name().equals(request.name())
                && stored.creditCode().equals(request.creditCode())
                && stored.regionCode().equals(request.regionCode())
                && stored.level() == request.level()
                && Objects.equals(stored.parentCode(), request.parentCode())
                && stored.sectorCodes().equals(sectors)
                && stored.entrusted().equals(entrusted)
                && Objects.equals(stored.validFrom(), request.validFrom())
                && Objects.equals(stored.validTo(), request.validTo());
    }

    private static Optional<DepartmentView> load(SqlClient client, String code) {
        RowSet<Row> rows =
                client.preparedQuery(ONE).execute(Tuple.of(code)).await().indefinitely();
        return rows.size() == 0
                ? Optional.empty()
                : Optional.of(view(rows.iterator().next()));
    }

    private static ReassignmentsView reassignments(SqlClient client, String code, DepartmentStatus status) {
        List<ReassignmentsView.Claim> claims = new ArrayList<>();
        for (Row row :
                client.preparedQuery(CLAIMS).execute(Tuple.of(code)).await().indefinitely()) {
            claims.add(new ReassignmentsView.Claim(
                    row.getString("item_code"),
                    row.getString("name"),
                    WireTime.of(row.getOffsetDateTime("claimed_at"))));
        }
        List<ReassignmentsView.ImplementationList> lists = new ArrayList<>();
        for (Row row :
                client.preparedQuery(LISTS).execute(Tuple.of(code)).await().indefinitely()) {
            lists.add(new ReassignmentsView.ImplementationList(row.getString("item_code"), row.getString("list_code")));
        }
        List<ReassignmentsView.OpenCase> cases = new ArrayList<>();
        for (Row row :
                client.preparedQuery(CASES).execute(Tuple.of(code)).await().indefinitely()) {
            cases.add(new ReassignmentsView.OpenCase(
                    row.getLong("id"),
                    row.getString("kind"),
                    row.getString("national_id"),
                    row.getString("title"),
                    row.getString("status"),
                    WireTime.of(row.getOffsetDateTime("deadline"))));
        }
        return new ReassignmentsView(code, status, claims, lists, cases);
    }

    private static AdministratorsView administrators(SqlClient client, String code) {
        List<AdministratorsView.Administrator> administrators = new ArrayList<>();
        for (Row row : client.preparedQuery(ADMINISTRATORS)
                .execute(Tuple.of(code))
                .await()
                .indefinitely()) {
            administrators.add(new AdministratorsView.Administrator(
                    row.getString("subject"),
                    row.getString("appointed_by"),
                    WireTime.of(row.getOffsetDateTime("appointed_at"))));
        }
        return new AdministratorsView(code, administrators);
    }

    private static Scope.Owner owner(DepartmentView department) {
        return Scope.Owner.department(department.code(), department.regionCode());
    }

    private static HubException notFound(String code) {
        return HubException.notFound(ErrorCode.DEPARTMENT_NOT_FOUND, "no department " + code);
    }

    static DepartmentView view(Row row) {
        String[] names = row.getArrayOfStrings("entrusted_names");
        String[] codes = row.getArrayOfStrings("entrusted_codes");
        List<EntrustedOrganisation> entrusted = new ArrayList<>();
        for (int i = 0; i < names.length; i++) {
            entrusted.add(new EntrustedOrganisation(names[i], codes[i]));
        }
        String level = row.getString("level");
        return new DepartmentView(
                row.getString("code"),
                row.getString("name"),
                row.getString("credit_code"),
                row.getString("region_code"),
                level == null ? null : DepartmentLevel.valueOf(level),
                row.getString("parent_code"),
                List.of(row.getArrayOfStrings("sectors")),
                List.copyOf(entrusted),
                DepartmentStatus.valueOf(row.getString("status")),
                row.getLocalDate("valid_from"),
                row.getLocalDate("valid_to"),
                row.getInteger("version"),
                WireTime.of(row.getOffsetDateTime("updated_at")));
    }
}
