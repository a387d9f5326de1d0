package org.supervisionhub.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.security.Caller;

/**
 * Claim and completion rates, computed in one SQL statement over the current catalog: only in-use
 * sub-items count, a claim counts only while active and only for the department's own sectors.
 */
@ApplicationScoped
public class ClaimStatsService {

    private static final String PER_DEPARTMENT = """
            with scoped as (
                select d.code, d.name, d.region_code
                from department d
                where ($1::text is null or d.region_code like $1 || '%')
                  and ($2::text is null or d.code = $2)),
            claimable as (
                select ds.department_code, i.code as item_code, i.item_type
                from scoped s
                join department_sector ds on ds.department_code = s.code
                join catalog_item i on i.sector_code = ds.sector_code
                where i.status = 'IN_USE' and i.parent_code is not null),
            -- One row per claimable (department, item): the active-claim and list uniques keep the joins 1:1.
            figures as (
                select c.department_code,
                       count(*) as claimable_items,
                       count(ic.id) as claimed_items,
                       count(ic.id) filter (where c.item_type = 'INSPECTION') as claimed_inspection_items,
                       count(l.id) filter (where c.item_type = 'INSPECTION' and ic.id is not null) as compiled_lists
                from claimable c
                left join item_claim ic on ic.item_code = c.item_code and ic.department_code = c.department_code
                                       and ic.status = 'ACTIVE'
                left join implementation_list l on l.item_code = c.item_code and l.department_code = c.department_code
                group by c.department_code)
            select s.code, s.name, s.region_code, r.name as region_name,
                   coalesce(f.claimable_items, 0) as claimable_items,
                   coalesce(f.claimed_items, 0) as claimed_items,
                   coalesce(f.claimed_inspection_items, 0) as claimed_inspection_items,
                   coalesce(f.compiled_lists, 0) as compiled_lists
            from scoped s
            join region r on r.code = s.region_code
            left join figures f on f.department_code = s.code
            order by s.region_code, s.code""";

    @Inject
    Pool pool;

    public Uni<ClaimStats> claimStats(Caller caller, String region, String department) {
        String effectiveRegion = scopeRegion(caller, region);
        String effectiveDepartment = scopeDepartment(caller, department);
        String prefix = effectiveRegion == null ? null : RegionCodes.scopePrefix(effectiveRegion);
        return StatsQueries.runWithoutNestedLoops(pool, PER_DEPARTMENT, Tuple.of(prefix, effectiveDepartment))
                .map(rows -> {
                    List<ClaimStats.DepartmentFigures> departments = new ArrayList<>();
                    Map<String, long[]> byRegion = new LinkedHashMap<>();
                    Map<String, String> regionNames = new LinkedHashMap<>();
                    long[] total = new long[4];
                    for (Row row : rows) {
                        long[] counts = {
                            row.getLong("claimable_items"),
                            row.getLong("claimed_items"),
                            row.getLong("claimed_inspection_items"),
                            row.getLong("compiled_lists")
                        };
                        String regionCode = row.getString("region_code");
                        departments.add(new ClaimStats.DepartmentFigures(
                                row.getString("code"), row.getString("name"), regionCode, figures(counts)));
                        regionNames.putIfAbsent(regionCode, row.getString("region_name"));
                        add(byRegion.computeIfAbsent(regionCode, key -> new long[4]), counts);
                        add(total, counts);
                    }
                    List<ClaimStats.RegionFigures> regions = byRegion.entrySet().stream()
                            .map(entry -> new ClaimStats.RegionFigures(
                                    entry.getKey(), regionNames.get(entry.getKey()), figures(entry.getValue())))
                            .toList();
                    return new ClaimStats(effectiveRegion, effectiveDepartment, figures(total), regions, departments);
                });
    }

    /** The region filter, narrowed to the caller's scope: a region-admin's own by default, refused outside it. */
    static String scopeRegion(Caller caller, String region) {
        return caller.scope().regionFilter(region).orElse(null);
    }

    /** The department filter, narrowed to the caller's scope: a department's own, refused for another. */
    static String scopeDepartment(Caller caller, String department) {
        return caller.scope().departmentFilter(department).orElse(null);
    }

    private static void add(long[] into, long[] counts) {
        for (int i = 0; i < into.length; i++) {
            into[i] += counts[i];
        }
    }

    private static ClaimStats.Figures figures(long[] counts) {
        return new ClaimStats.Figures(
                counts[0], counts[1], rate(counts[1], counts[0]), counts[2], counts[3], rate(counts[3], counts[2]));
    }

    static BigDecimal rate(long part, long whole) {
        return whole == 0 ? null : BigDecimal.valueOf(part).divide(BigDecimal.valueOf(whole), 4, RoundingMode.HALF_UP);
    }
}
