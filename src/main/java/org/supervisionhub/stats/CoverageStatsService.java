package org.supervisionhub.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.security.Caller;

/**
 * 监管行为数据覆盖率: the share of a department's claimed, in-use sub-items that have at least one (not deleted)
 * record of that department with an act date in the period; and the department's upload quality, from the daily
 * figures every upload batch adds to.
 */
@ApplicationScoped
public class CoverageStatsService {

    private static final String PER_DEPARTMENT = """
            with scoped as (
                select d.code, d.name, d.region_code from department d
                where ($1::text is null or d.region_code like $1::text || '%') and ($2::text is null or d.code = $2)),
            claimed as (
                select c.department_code, c.item_code
                from scoped s
                join item_claim c on c.department_code = s.code and c.status = 'ACTIVE'
                join catalog_item i on i.code = c.item_code and i.status = 'IN_USE' and i.parent_code is not null),
            coverage as (
                select cl.department_code, count(*) as claimed_items,
                       count(*) filter (where exists (
                           select 1 from behaviour_record r
                           where r.department_code = cl.department_code and r.item_code = cl.item_code
                             and not r.deleted and r.act_date between $3 and $4)) as covered_items
                from claimed cl group by cl.department_code),
            quality as (
                select q.department_code, sum(q.received) as received, sum(q.rejected) as rejected
                from record_quality_daily q join scoped s on s.code = q.department_code
                where q.day between $3 and $4 group by q.department_code)
            select s.code, s.name, s.region_code, coalesce(c.claimed_items, 0) as claimed_items,
                   coalesce(c.covered_items, 0) as covered_items, coalesce(q.received, 0) as received,
                   coalesce(q.rejected, 0) as rejected
            from scoped s left join coverage c on c.department_code = s.code left join quality q on q.department_code = s.code
            order by s.region_code, s.code""";

    private static final String REJECTIONS = """
            select q.department_code, q.error_code, sum(q.records) as records
            from record_rejection_daily q join department d on d.code = q.department_code
            where ($1::text is null or d.region_code like $1::text || '%') and ($2::text is null or d.code = $2)
              and q.day between $3 and $4
            group by q.department_code, q.error_code""";

    @Inject
    Pool pool;

    public Uni<CoverageStats> coverage(Caller caller, String region, String department, LocalDate from, LocalDate to) {
        String effectiveRegion = ClaimStatsService.scopeRegion(caller, region);
        String effectiveDepartment = ClaimStatsService.scopeDepartment(caller, department);
        String prefix = effectiveRegion == null ? null : RegionCodes.scopePrefix(effectiveRegion);
        Tuple parameters = Tuple.of(prefix, effectiveDepartment, from, to);
        Uni<Map<String, Map<String, Long>>> rejections = StatsQueries.run(pool, REJECTIONS, parameters)
                .map(rows -> {
                    Map<String, Map<String, Long>> byDepartment = new HashMap<>();
                    for (Row row : rows) {
                        byDepartment
                                .computeIfAbsent(row.getString("department_code"), key -> new TreeMap<>())
                                .put(row.getString("error_code"), row.getLong("records"));
                    }
                    return byDepartment;
                });
        return Uni.combine()
                .all()
                .unis(StatsQueries.run(pool, PER_DEPARTMENT, parameters), rejections)
                .asTuple()
                .map(both -> {
                    List<CoverageStats.DepartmentFigures> departments = new ArrayList<>();
                    long[] total = new long[4];
                    Map<String, Long> totalCodes = new TreeMap<>();
                    for (Row row : both.getItem1()) {
                        long[] counts = {
                            row.getLong("claimed_items"),
                            row.getLong("covered_items"),
                            row.getLong("received"),
                            row.getLong("rejected")
                        };
                        Map<String, Long> codes = both.getItem2().getOrDefault(row.getString("code"), Map.of());
                        codes.forEach((code, n) -> totalCodes.merge(code, n, Long::sum));
                        for (int i = 0; i < total.length; i++) {
                            total[i] += counts[i];
                        }
                        departments.add(new CoverageStats.DepartmentFigures(
                                row.getString("code"),
                                row.getString("name"),
                                row.getString("region_code"),
                                figures(counts, codes)));
                    }
                    return new CoverageStats(
                            effectiveRegion, effectiveDepartment, from, to, figures(total, totalCodes), departments);
                });
    }

    private static CoverageStats.Figures figures(long[] counts, Map<String, Long> codes) {
        Map<String, Long> ordered = new LinkedHashMap<>();
        codes.entrySet().stream()
                .sorted(Map.Entry.<String, Long>comparingByValue(Comparator.reverseOrder())
                        .thenComparing(Map.Entry.comparingByKey()))
                .forEach(e -> ordered.put(e.getKey(), e.getValue()));
        List<CoverageStats.ErrorCodeFigure> byCode = ordered.entrySet().stream()
                .map(e -> new CoverageStats.ErrorCodeFigure(
                        e.getKey(), e.getValue(), ClaimStatsService.rate(e.getValue(), counts[2])))
                .toList();
        return new CoverageStats.Figures(
                counts[0],
                counts[1],
                ClaimStatsService.rate(counts[1], counts[0]),
                counts[2],
                counts[3],
                ClaimStatsService.rate(counts[3], counts[2]),
                byCode);
    }
}
