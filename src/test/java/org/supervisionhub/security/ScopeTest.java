package org.supervisionhub.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.supervisionhub.common.HubException;
import org.supervisionhub.security.Scope.Owner;

/** The one authorization model: how tokens become scopes, and what each scope covers. */
class ScopeTest {

    private static Scope scope(String role, String department, String region) {
        return Scope.of(Set.of(role), Optional.ofNullable(department), Optional.ofNullable(region));
    }

    private static String refusal(Runnable call) {
        try {
            call.run();
        } catch (HubException e) {
            return e.status() + " " + e.code();
        } catch (RuntimeException e) {
            return e.getClass().getSimpleName();
        }
        throw new AssertionError("not refused");
    }

    @Test
    void hubAdminAndNationalSeeEverything() {
        assertThat(scope(Roles.HUB_ADMIN, null, null)).isInstanceOf(Scope.All.class);
        assertThat(scope(Roles.NATIONAL, null, null)).isInstanceOf(Scope.All.class);
        assertThat(scope(Roles.HUB_ADMIN, null, null).covers(Owner.department("450200_SAMR", "450200")))
                .isTrue();
    }

    @Test
    void regionAdminCoversItsRegionAndTheRegionsBelow() {
        Scope nanning = scope(Roles.REGION_ADMIN, null, "450100");
        assertThat(nanning.covers(Owner.department("450103_SAMR", "450103"))).isTrue();
        assertThat(nanning.covers(Owner.region("450100"))).isTrue();
        assertThat(nanning.covers(Owner.department("450200_SAMR", "450200"))).isFalse();
        assertThat(nanning.covers(Owner.department("GX_SAMR", "450000"))).isFalse();
    }

    @Test
    void departmentCoversItsOwnRowsAndItsTokenRegionsRegistries() {
        Scope system = scope(Roles.SYSTEM, "450100_SAMR", "450100");
        assertThat(system.covers(Owner.department("450100_SAMR", "450100"))).isTrue();
        assertThat(system.covers(Owner.department("450100_MEM", "450100"))).isFalse();
        assertThat(system.covers(Owner.region("450103"))).isTrue();
        assertThat(system.covers(Owner.region("450203"))).isFalse();
        assertThat(scope(Roles.SYSTEM, "450100_SAMR", null).covers(Owner.region("450103")))
                .isFalse();
    }

    @Test
    void aRegionWideSystemReportsTheRegionsRegistriesButOwnsNoDepartmentsRows() {
        Scope registry = scope(Roles.SYSTEM, null, "450000");
        assertThat(registry.covers(Owner.region("450103"))).isTrue();
        assertThat(registry.covers(Owner.department("450100_SAMR", "450100"))).isFalse();
        assertThat(registry.sqlArguments()).containsExactly(false, null, null);
    }

    @Test
    void aStoredOwnerOutsideTheScopeIsRefusedWhateverTheNewOwner() {
        Scope system = scope(Roles.SYSTEM, "450100_SAMR", "450100");
        assertThat(refusal(() -> system.requireCanWrite(Owner.region("450203"), Owner.region("450103"))))
                .isEqualTo("403 REGION_OUT_OF_SCOPE");
        assertThat(refusal(() -> system.requireCanWrite(Owner.region("450103"), Owner.region("450203"))))
                .isEqualTo("403 REGION_OUT_OF_SCOPE");
        assertThat(refusal(() -> system.requireCanWrite(Owner.department("450200_SAMR", "450200"))))
                .isEqualTo("403 DEPARTMENT_OUT_OF_SCOPE");
    }

    @Test
    void tokensWithoutTheClaimsTheirRoleNeedsAreRefusedWithAStableCodeWhenUsed() {
        assertThat(refusal(() -> scope(Roles.REGION_ADMIN, null, null).covers(Owner.region("450100"))))
                .isEqualTo("403 CALLER_REGION_UNKNOWN");
        assertThat(refusal(() -> scope(Roles.DEPT_ADMIN, null, null).sqlArguments()))
                .isEqualTo("403 CALLER_DEPARTMENT_UNKNOWN");
        assertThat(refusal(() -> scope(Roles.DEPT_ADMIN, null, "450100").ownDepartment()))
                .isEqualTo("403 CALLER_DEPARTMENT_UNKNOWN");
        assertThat(refusal(() -> scope(Roles.OFFICER, null, null).ownDepartment()))
                .isEqualTo("403 CALLER_DEPARTMENT_UNKNOWN");
    }

    @Test
    void aMalformedRegionClaimIsRefusedNotAServerError() {
        assertThat(refusal(() -> scope(Roles.REGION_ADMIN, null, "45x1").covers(Owner.region("450100"))))
                .isEqualTo("403 CALLER_REGION_INVALID");
        assertThat(refusal(
                        () -> scope(Roles.SYSTEM, "450100_SAMR", "not-a-region").ownDepartment()))
                .isEqualTo("403 CALLER_REGION_INVALID");
    }

    @Test
    void filtersDefaultToTheCallersOwnAndRefuseOthers() {
        assertThat(scope(Roles.REGION_ADMIN, null, "450100").regionFilter(null)).contains("450100");
        assertThat(refusal(() -> scope(Roles.REGION_ADMIN, null, "450100").regionFilter("450200")))
                .isEqualTo("403 REGION_OUT_OF_SCOPE");
        assertThat(scope(Roles.DEPT_ADMIN, "450100_SAMR", "450100").departmentFilter(null))
                .contains("450100_SAMR");
        assertThat(refusal(
                        () -> scope(Roles.DEPT_ADMIN, "450100_SAMR", "450100").departmentFilter("450100_MEM")))
                .isEqualTo("403 DEPARTMENT_OUT_OF_SCOPE");
        assertThat(scope(Roles.HUB_ADMIN, null, null).departmentFilter(null)).isEmpty();
    }

    @Test
    void theSqlConditionIsTheSameTextForEveryCaller() {
        assertThat(Scope.sqlCondition("r.department_code", "d.region_code", 1))
                .isEqualTo(
                        "($1::boolean or r.department_code = $2::text or ($3::text is not null and d.region_code like $3::text || '%'))");
        assertThat(scope(Roles.HUB_ADMIN, null, null).sqlArguments()).containsExactly(true, null, null);
        assertThat(scope(Roles.REGION_ADMIN, null, "450100").sqlArguments()).containsExactly(false, null, "4501");
        assertThat(scope(Roles.SYSTEM, "450100_SAMR", "450100").sqlArguments())
                .containsExactly(false, "450100_SAMR", null);
    }
}
