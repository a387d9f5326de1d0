package org.supervisionhub.security;

import java.util.Optional;
import java.util.Set;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.code.RegionCodes;

/**
 * What a caller may see and change: everything, a region and the regions below it, or one department. Computed
 * from the verified token alone, and the only place where roles, department and region claims become an
 * authorization decision. Every read filters through {@link #sql}; every write to an existing row asks
 * {@link #requireCanWrite} about the row's <em>stored</em> {@link Owner}, never about what a request body claims.
 *
 * <p>A token whose claims do not make a scope (a department role without a department, a region-admin without a
 * region, a malformed region code) gets an {@link Unbound} scope: harmless until used, then a 403 with a stable
 * code, never a 500.
 */
public sealed interface Scope {

    /** hub-admin and the national platform: every department and region. */
    record All() implements Scope {}

    /** A region-admin: departments and subjects of the region and of the regions below it. */
    record Region(String code) implements Scope {
        public String prefix() {
            return RegionCodes.scopePrefix(code);
        }
    }

    /**
     * A department's admins, officers and docked systems: the department's own rows. {@code tokenRegion} is the
     * token's region, which bounds the region-owned registries a docked system reports to (subjects, persons,
     * officers' certificates of the departments it serves); it is not a region scope, so {@link Scope#region()} stays
     * empty for a department. A region-wide system (a provincial registry) carries a region and
     * no department: it owns no department's rows.
     */
    record Department(Optional<String> code, Optional<String> tokenRegion) implements Scope {}

    /** The token's claims make no scope; every use answers {@code code} (403). */
    record Unbound(ErrorCode code, String detail) implements Scope {
        HubException refusal() {
            return HubException.forbidden(code, detail);
        }
    }

    /** Scopes a token by its roles and claims; the broadest role wins. */
    static Scope of(Set<String> roles, Optional<String> department, Optional<String> region) {
        if (roles.contains(Roles.HUB_ADMIN) || roles.contains(Roles.NATIONAL)) {
            return new All();
        }
        if (region.isPresent() && !RegionCodes.isValid(region.get())) {
            return new Unbound(
                    ErrorCode.CALLER_REGION_INVALID, "the token's region claim is not a GB/T 2260 region code");
        }
        if (roles.contains(Roles.REGION_ADMIN)) {
            return region.<Scope>map(Region::new)
                    .orElseGet(() -> new Unbound(ErrorCode.CALLER_REGION_UNKNOWN, "the token carries no region"));
        }
        if (department.isPresent() && department.get().length() > 64) {
            return new Unbound(
                    ErrorCode.CALLER_DEPARTMENT_INVALID, "the token's department claim is not a department code");
        }
        if (department.isEmpty() && region.isEmpty()) {
            return new Unbound(ErrorCode.CALLER_DEPARTMENT_UNKNOWN, "the token carries no department");
        }
        return new Department(department, region);
    }

    /** Whether the caller may see (and, for the same owner, change) a row with this stored owner. */
    default boolean covers(Owner owner) {
        if (this instanceof Region region) {
            return owner.region() != null && RegionCodes.contains(region.code(), owner.region());
        }
        if (this instanceof Department department) {
            return owner.department() != null
                    ? department.code().map(owner.department()::equals).orElse(false)
                    : owner.region() != null
                            && department
                                    .tokenRegion()
                                    .map(own -> RegionCodes.contains(own, owner.region()))
                                    .orElse(false);
        }
        return requireBound();
    }

    /** Refuses a row outside the scope: 403 with the code of the owner's kind. */
    default void requireCanRead(Owner owner) {
        if (!covers(owner)) {
            throw outOfScope(owner);
        }
    }

    /** A change of a row stored with {@code stored}: the stored owner decides, whatever the request says. */
    default void requireCanWrite(Owner stored) {
        requireCanRead(stored);
    }

    /** A change that moves a row from one owner to another must be allowed on both sides. */
    default void requireCanWrite(Owner stored, Owner next) {
        requireCanRead(stored);
        if (next != null && !next.equals(stored)) {
            requireCanRead(next);
        }
    }

    /** The caller's own department, for writes that are always a department's own (uploads, permits, plans). */
    default String ownDepartment() {
        requireBound();
        return department()
                .orElseThrow(() ->
                        HubException.forbidden(ErrorCode.CALLER_DEPARTMENT_UNKNOWN, "the token carries no department"));
    }

    /** The caller's department when it is bound to one, else empty (admins name the department they act for; an
     * unbound token has none either). */
    default Optional<String> department() {
        return this instanceof Department department ? department.code() : Optional.empty();
    }

    /** The region a filter defaults to and is bounded by: the region-admin's own; empty for everyone else. */
    default Optional<String> region() {
        return this instanceof Region region ? Optional.of(region.code()) : Optional.empty();
    }

    /** Refuses an {@link Unbound} scope with its code; true for every other. */
    default boolean requireBound() {
        if (this instanceof Unbound unbound) {
            throw unbound.refusal();
        }
        return true;
    }

    /** Whether the caller sees everything. */
    default boolean isAll() {
        return this instanceof All;
    }

    /**
     * The scope as a SQL condition over a department column and a region column (either may be null when the
     * table has no such owner). It reads the three {@link #sqlArguments()} at {@code $first}, {@code $first+1},
     * {@code $first+2}: sees everything, the department, the region prefix. The text does not depend on the caller,
     * so statements built with it are constants and stay prepared.
     */
    static String sqlCondition(String departmentColumn, String regionColumn, int first) {
        StringBuilder condition = new StringBuilder("($").append(first).append("::boolean");
        if (departmentColumn != null) {
            condition
                    .append(" or ")
                    .append(departmentColumn)
                    .append(" = $")
                    .append(first + 1)
                    .append("::text");
        }
        if (regionColumn != null) {
            condition
                    .append(" or ($")
                    .append(first + 2)
                    .append("::text is not null and ")
                    .append(regionColumn)
                    .append(" like $")
                    .append(first + 2)
                    .append("::text || '%')");
        }
        return condition.append(')').toString();
    }

    /** The arguments of {@link #sqlCondition}: sees everything, the department, the region prefix. */
    default Object[] sqlArguments() {
        requireBound();
        if (this instanceof Region region) {
            return new Object[] {false, null, region.prefix()};
        }
        if (this instanceof Department department) {
            return new Object[] {false, department.code().orElse(null), null};
        }
        return new Object[] {true, null, null};
    }

    private static HubException outOfScope(Owner owner) {
        return owner.department() != null ? departmentOutOfScope() : regionOutOfScope();
    }

    /** The one answer for a department outside the caller's scope, whether or not it exists. */
    static HubException departmentOutOfScope() {
        return HubException.forbidden(ErrorCode.DEPARTMENT_OUT_OF_SCOPE, "the caller may not act for this department");
    }

    /** The one answer for a region outside the caller's scope. */
    static HubException regionOutOfScope() {
        return HubException.forbidden(ErrorCode.REGION_OUT_OF_SCOPE, "the caller may not act in this region");
    }

    /** Narrows an optional region filter to the scope: a region-admin's default, refused outside it. */
    default Optional<String> regionFilter(String requested) {
        requireBound();
        if (requested != null && !RegionCodes.isValid(requested)) {
            throw HubException.badRequest(
                    RegionCodes.ERROR_CODE,
                    "region " + requested + " is not a GB/T 2260 code",
                    new org.supervisionhub.common.FieldError(
                            "region", RegionCodes.ERROR_CODE, "a GB/T 2260 region code"));
        }
        if (this instanceof Region region) {
            if (requested == null) {
                return Optional.of(region.code());
            }
            if (!RegionCodes.contains(region.code(), requested)) {
                throw regionOutOfScope();
            }
        }
        return Optional.ofNullable(requested);
    }

    /** Narrows an optional department filter to the scope: a department's own by default, refused otherwise. */
    default Optional<String> departmentFilter(String requested) {
        requireBound();
        if (this instanceof Department department) {
            if (requested != null && !department.code().map(requested::equals).orElse(false)) {
                throw departmentOutOfScope();
            }
            return department.code().or(() -> {
                throw HubException.forbidden(ErrorCode.CALLER_DEPARTMENT_UNKNOWN, "the token carries no department");
            });
        }
        return Optional.ofNullable(requested);
    }

    /** Who owns a stored row: a department (with its stored region) or, for region registries, a region. */
    record Owner(String department, String region) {
        public static Owner department(String code, String region) {
            return new Owner(code, region);
        }

        public static Owner region(String code) {
            return new Owner(null, code);
        }
    }
}
