package org.supervisionhub.organization;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.Optional;
import org.supervisionhub.common.HubException;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;

/**
 * The caller's {@link Scope} applied to departments, by their <em>stored</em> region: which department a caller
 * may act for, and whose data it may read. A department outside the scope is refused with the same answer whether
 * or not it exists, so scope never leaks existence; only callers who see everything learn that one is unknown.
 */
@ApplicationScoped
public class DepartmentScope {

    private static final String STORED_REGION = "select region_code from department where code = $1";

    @Inject
    Pool pool;

    /**
     * The department's stored region, the region every scope decision about its rows is made by; empty for a
     * department the hub does not know. Blocking: for worker threads (the reactive client, no Hibernate session).
     */
    public Optional<String> storedRegion(String departmentCode) {
        RowSet<Row> rows = pool.preparedQuery(STORED_REGION)
                .execute(Tuple.of(departmentCode))
                .await()
                .indefinitely();
        return rows.size() == 0
                ? Optional.empty()
                : Optional.ofNullable(rows.iterator().next().getString("region_code"));
    }

    /**
     * Resolves the department a write is for. {@code requested} may be null for callers bound to one department;
     * admins must name it. Must run inside a Hibernate Reactive session.
     */
    public Uni<Department> departmentToActFor(Caller caller, String requested) {
        Scope scope = caller.scope();
        scope.requireBound();
        String code =
                requested != null ? requested : scope.department().orElseThrow(DepartmentScope::departmentRequired);
        return Department.<Department>findById(code).map(department -> requireActable(scope, code, department));
    }

    /** Checks that the caller may read a department's data. Must run inside a Hibernate Reactive session. */
    public Uni<Void> requireReadable(Caller caller, String departmentCode) {
        Scope scope = caller.scope();
        scope.requireBound();
        return Department.<Department>findById(departmentCode)
                .map(department -> {
                    if (department == null
                            ? !scope.isAll()
                            : !scope.covers(Scope.Owner.department(department.code, department.regionCode))) {
                        throw outOfScope();
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    /** {@link #requireReadable} on the reactive client, for reads that run without a Hibernate session. */
    public Uni<Void> requireReadableOnPool(Caller caller, String departmentCode) {
        Scope scope = caller.scope();
        scope.requireBound();
        return pool.preparedQuery(STORED_REGION)
                .execute(Tuple.of(departmentCode))
                .map(rows -> {
                    if (rows.size() == 0
                            ? !scope.isAll()
                            : !scope.covers(Scope.Owner.department(
                                    departmentCode, rows.iterator().next().getString("region_code")))) {
                        throw outOfScope();
                    }
                    return null;
                })
                .replaceWithVoid();
    }

    /** Whether the caller may read the given department's data. */
    public boolean mayRead(Caller caller, Department department) {
        return caller.scope().covers(Scope.Owner.department(department.code, department.regionCode));
    }

    /** {@link #requireReadable} for code on worker threads (the reactive client, no Hibernate session). */
    public void requireReadableNow(Caller caller, String departmentCode) {
        Scope scope = caller.scope();
        if (scope.isAll()) {
            return;
        }
        Optional<String> region = storedRegion(departmentCode);
        if (region.isEmpty() || !scope.covers(Scope.Owner.department(departmentCode, region.get()))) {
            throw outOfScope();
        }
    }

    /** The department a read is about: the one named, else the caller's own (admins must name one). */
    public static String departmentToRead(Caller caller, String requested) {
        caller.scope().requireBound();
        return requested != null
                ? requested
                : caller.scope().department().orElseThrow(DepartmentScope::departmentRequired);
    }

    private static Department requireActable(Scope scope, String code, Department department) {
        if (department == null) {
            if (scope.isAll()) {
                throw HubException.notFound("DEPARTMENT_NOT_FOUND", "no department " + code);
            }
            if (scope.department().map(code::equals).orElse(false)) {
                throw HubException.forbidden(
                        "CALLER_DEPARTMENT_UNKNOWN", "the token's department is not registered in the hub");
            }
            throw outOfScope();
        }
        scope.requireCanWrite(Scope.Owner.department(department.code, department.regionCode));
        return department;
    }

    private static HubException departmentRequired() {
        return HubException.badRequest("DEPARTMENT_REQUIRED", "name the department to act for (departmentCode)");
    }

    /** The one answer for a department outside the caller's scope. */
    public static HubException outOfScope() {
        return HubException.forbidden("DEPARTMENT_OUT_OF_SCOPE", "the caller may not act for this department");
    }
}
