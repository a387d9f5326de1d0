package org.supervisionhub.organization;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;
import jakarta.enterprise.context.ApplicationScoped;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Roles;

/**
 * Decides which department a caller may act for. A dept-admin acts only for its own department, a
 * region-admin for departments of its region, a hub-admin for any. A department outside the caller's
 * scope is refused with the same answer whether or not it exists, so scope never leaks existence.
 */
@ApplicationScoped
public class DepartmentScope {

    @Inject
    Pool pool;

    /**
     * Resolves the department a write is for. {@code requested} may be null for callers bound to one
     * department. Must run inside a Hibernate Reactive session.
     */
    public Uni<Department> departmentToActFor(Caller caller, String requested) {
        if (caller.isHubAdmin()) {
            if (requested == null) {
                return Uni.createFrom().failure(HubException.badRequest("DEPARTMENT_REQUIRED",
                        "name the department to act for (departmentCode)"));
            }
            return Department.<Department>findById(requested).onItem().ifNull()
                    .failWith(() -> HubException.notFound("DEPARTMENT_NOT_FOUND", "no department " + requested));
        }
        if (caller.has(Roles.REGION_ADMIN)) {
            if (requested == null) {
                return Uni.createFrom().failure(HubException.badRequest("DEPARTMENT_REQUIRED",
                        "name the department to act for (departmentCode)"));
            }
            String region = caller.regionCode().orElseThrow(() -> outOfScope());
            return Department.<Department>findById(requested).map(department -> {
                if (department == null || !RegionCodes.contains(region, department.regionCode)) {
                    throw outOfScope();
                }
                return department;
            });
        }
        String own = caller.departmentCode().orElseThrow(() -> HubException.forbidden("CALLER_DEPARTMENT_UNKNOWN",
                "the token carries no department"));
        if (requested != null && !requested.equals(own)) {
            return Uni.createFrom().failure(outOfScope());
        }
        return Department.<Department>findById(own).onItem().ifNull()
                .failWith(() -> HubException.forbidden("CALLER_DEPARTMENT_UNKNOWN",
                        "the token's department is not registered in the hub"));
    }

    /**
     * Checks that the caller may read a department's data; unknown departments are out of scope too,
     * except for hub admins, who may ask about anything (and simply find nothing).
     */
    public Uni<Void> requireReadable(Caller caller, String departmentCode) {
        return Department.<Department>findById(departmentCode).map(department -> {
            if (department == null ? !caller.isHubAdmin() : !mayRead(caller, department)) {
                throw outOfScope();
            }
            return null;
        }).replaceWithVoid();
    }

    /** Whether the caller may read the given department's data. */
    public boolean mayRead(Caller caller, Department department) {
        return mayRead(caller, department.code, department.regionCode);
    }

    /** Whether the caller may read the data of the department with this code and region. */
    public static boolean mayRead(Caller caller, String departmentCode, String departmentRegion) {
        if (caller.isHubAdmin()) {
            return true;
        }
        if (caller.has(Roles.REGION_ADMIN)) {
            return caller.regionCovers(departmentRegion);
        }
        return caller.departmentCode().map(departmentCode::equals).orElse(false);
    }

    /**
     * {@link #requireReadable} for code on worker threads (the reactive client, no Hibernate session): unknown
     * departments are out of scope for everyone but hub admins.
     */
    public void requireReadableNow(Caller caller, String departmentCode) {
        if (caller.isHubAdmin()) {
            return;
        }
        RowSet<Row> rows = pool.preparedQuery("select region_code from department where code = $1")
                .execute(Tuple.of(departmentCode)).await().indefinitely();
        if (rows.size() == 0 || !mayRead(caller, departmentCode, rows.iterator().next().getString("region_code"))) {
            throw outOfScope();
        }
    }

    public static HubException outOfScope() {
        return HubException.forbidden("DEPARTMENT_OUT_OF_SCOPE",
                "the caller may not act for this department");
    }
}
