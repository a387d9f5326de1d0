package org.supervisionhub.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.BiConsumer;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.security.Caller;

/**
 * The 监管效能 indicators of {@link EffectivenessStats}, each computed in one SQL statement with grouping sets
 * (department, region, total), so that every figure, the lag percentiles included, is PostgreSQL's own. The scope is
 * the claim rates' ({@link ClaimStatsService#scopeRegion}, {@link ClaimStatsService#scopeDepartment}): the departments
 * whose stored region lies in the region filter, or the one department. Cases not yet routed to a department and
 * subject events (which carry a region, not a department) count for their region and the total, never for a
 * department, and only when no department is asked for.
 */
@ApplicationScoped
public class EffectivenessStatsService {

    /** $1 region prefix, $2 department: the departments in scope. */
    private static final String SCOPED = """
            scoped as (
                select d.code, d.region_code, d.credit_code, d.level from department d
                where ($1::text is null or d.region_code like $1::text || '%') and ($2::text is null or d.code = $2))""";

    /** 0 for a department's row, 1 for a region's, 3 for the total. */
    private static final String LEVEL = "grouping(g.region_code, g.department_code) as level";

    private static final String GROUPS =
            "group by grouping sets ((g.region_code, g.department_code), (g.region_code), ())";

    private static final String DEPARTMENTS = """
            with %s
            select s.code, d.name, s.region_code, r.name as region_name
            from scoped s join department d on d.code = s.code join region r on r.code = s.region_code
            order by s.region_code, s.code""".formatted(SCOPED);

    private static final String LISTS = """
            with %s,
            g as (
                select s.region_code, s.code as department_code, l.id as list_id,
                       btrim(l.implementing_body_name) <> '' and btrim(l.supervised_object) <> ''
                           and btrim(l.check_content) <> '' and l.frequency_times is not null
                           and l.frequency_period is not null
                           and (not l.random_inspection or l.sampling_proportion is not null) as complete,
                       l.implementing_body_code_valid and l.implementing_body_credit_code = s.credit_code
                           and length(l.list_code) > 19 and left(l.list_code, 18) = l.implementing_body_credit_code
                           and substr(l.list_code, 19, 1) = l.exercise_level::text
                           and coalesce(l.exercise_level = case s.level when 'NATIONAL' then 1 when 'PROVINCIAL' then 2
                                            when 'CITY' then 3 when 'COUNTY' then 4 when 'TOWNSHIP' then 5 end, true)
                           as accurate
                from scoped s
                join item_claim c on c.department_code = s.code and c.status = 'ACTIVE'
                join catalog_item i on i.code = c.item_code and i.status = 'IN_USE' and i.parent_code is not null
                                   and i.item_type = 'INSPECTION'
                left join implementation_list l on l.item_code = c.item_code and l.department_code = c.department_code)
            select %s, g.region_code, g.department_code,
                   count(*) as claimed, count(g.list_id) as compiled,
                   count(*) filter (where g.complete) as complete,
                   count(*) filter (where g.accurate) as accurate
            from g %s""".formatted(SCOPED, LEVEL, GROUPS);

    /** $3: the day on which a certificate must be valid. */
    private static final String OFFICERS = """
            with %s,
            g as (
                select s.region_code, s.code as department_code, count(o.id) as registered,
                       count(o.id) filter (where exists (
                           select 1 from certificate c where c.officer_id = o.id and c.status = 'VALID'
                             and $3::date between c.valid_from and c.valid_to)) as certified
                from scoped s left join officer o on o.department_code = s.code
                group by s.region_code, s.code)
            select %s, g.region_code, g.department_code, sum(g.registered) as registered,
                   sum(g.certified) as certified, count(*) as departments,
                   count(*) filter (where g.certified >= 2) as staffed
            from g %s""".formatted(SCOPED, LEVEL, GROUPS);

    private static final String CASES = """
            with %s,
            g as (
                select coalesce(s.region_code, c.region_code) as region_code, s.code as department_code, c.deadline
                from national_case c left join scoped s on s.code = c.department_code
                where c.status in ('RECEIVED', 'ASSIGNED', 'ACCEPTED')
                  and (s.code is not null
                       or (c.department_code is null and $2::text is null and c.region_code is not null
                           and ($1::text is null or c.region_code like $1::text || '%%'))))
            select %s, g.region_code, g.department_code, count(*) as open,
                   count(*) filter (where g.deadline < now()) as overdue,
                   min(g.deadline) filter (where g.deadline < now()) as oldest_overdue
            from g %s""".formatted(SCOPED, LEVEL, GROUPS);

    /** $3, $4: the period's first and last day (Asia/Shanghai) for the delivered events. */
    private static final String PUSH = """
            with %s,
            g as (
                select coalesce(s.region_code, o.payload ->> 'regionCode') as region_code, s.code as department_code,
                       o.status, o.created_at,
                       extract(epoch from o.delivered_at - o.created_at) as lag
                from outbox o left join scoped s on s.code = o.payload ->> 'departmentCode'
                where (o.status in ('PENDING', 'IN_FLIGHT', 'DEAD')
                       or (o.status = 'DELIVERED'
                           and o.delivered_at >= $3::date::timestamp at time zone 'Asia/Shanghai'
                           and o.delivered_at < ($4::date + 1)::timestamp at time zone 'Asia/Shanghai'))
                  and (s.code is not null
                       or (o.payload ->> 'departmentCode' is null and $2::text is null
                           and o.payload ->> 'regionCode' ~ '^[0-9]{6}$'
                           and ($1::text is null or o.payload ->> 'regionCode' like $1::text || '%%'))))
            select %s, g.region_code, g.department_code,
                   count(*) filter (where g.status in ('PENDING', 'IN_FLIGHT')) as pending,
                   count(*) filter (where g.status = 'DEAD') as dead,
                   floor(extract(epoch from now() - min(g.created_at) filter (where g.status in ('PENDING', 'IN_FLIGHT'))))::bigint
                       as oldest_pending,
                   count(*) filter (where g.status = 'DELIVERED') as delivered,
                   round(avg(g.lag) filter (where g.status = 'DELIVERED'), 1) as average_lag,
                   round((percentile_cont(0.95) within group (order by g.lag::float8)
                          filter (where g.status = 'DELIVERED'))::numeric, 1) as p95_lag,
                   round(max(g.lag) filter (where g.status = 'DELIVERED'), 1) as max_lag
            from g %s""".formatted(SCOPED, LEVEL, GROUPS);

    private static final String REGION_NAMES = "select code, name from region where code = any($1::text[])";

    @Inject
    Pool pool;

    public Uni<EffectivenessStats> effectiveness(
            Caller caller, String region, String department, LocalDate from, LocalDate to) {
        String effectiveRegion = ClaimStatsService.scopeRegion(caller, region);
        String effectiveDepartment = ClaimStatsService.scopeDepartment(caller, department);
        String prefix = effectiveRegion == null ? null : RegionCodes.scopePrefix(effectiveRegion);
        OffsetDateTime asOf = OffsetDateTime.now(WireTime.ZONE).withNano(0);
        Tuple scope = Tuple.of(prefix, effectiveDepartment);
        return Uni.combine()
                .all()
                .unis(
                        StatsQueries.run(pool, DEPARTMENTS, scope),
                        StatsQueries.run(pool, LISTS, scope),
                        StatsQueries.run(pool, OFFICERS, Tuple.of(prefix, effectiveDepartment, to)),
                        StatsQueries.run(pool, CASES, scope),
                        StatsQueries.run(pool, PUSH, Tuple.of(prefix, effectiveDepartment, from, to)))
                .asTuple()
                .chain(all -> {
                    Assembly assembly = new Assembly();
                    for (Row row : all.getItem1()) {
                        assembly.department(
                                row.getString("code"),
                                row.getString("name"),
                                row.getString("region_code"),
                                row.getString("region_name"));
                    }
                    assembly.fill(all.getItem2(), (into, row) -> into.lists = Assembly.lists(row));
                    assembly.fill(all.getItem3(), (into, row) -> into.officers = Assembly.officers(row));
                    assembly.fill(all.getItem4(), (into, row) -> into.cases = Assembly.cases(row));
                    assembly.fill(all.getItem5(), (into, row) -> into.push = Assembly.push(row));
                    List<String> unnamed = assembly.unnamedRegions();
                    Uni<Map<String, String>> names = unnamed.isEmpty()
                            ? Uni.createFrom().item(Map.of())
                            : StatsQueries.run(pool, REGION_NAMES, Tuple.of(unnamed.toArray(String[]::new)))
                                    .map(rows -> {
                                        Map<String, String> found = new HashMap<>();
                                        rows.forEach(row -> found.put(row.getString("code"), row.getString("name")));
                                        return found;
                                    });
                    return names.map(
                            found -> assembly.build(effectiveRegion, effectiveDepartment, from, to, asOf, found));
                });
    }

    /** The figures of one department, region or the total, filled group by group from the grouping-set rows. */
    private static final class Builder {
        EffectivenessStats.ListFigures lists = new EffectivenessStats.ListFigures(0, 0, 0, null, 0, null);
        EffectivenessStats.OfficerFigures officers = new EffectivenessStats.OfficerFigures(0, 0, null, 0, 0);
        EffectivenessStats.CaseFigures cases = new EffectivenessStats.CaseFigures(0, 0, null, null);
        EffectivenessStats.PushFigures push = new EffectivenessStats.PushFigures(0, 0, null, 0, null, null, null);

        EffectivenessStats.Figures figures() {
            return new EffectivenessStats.Figures(lists, officers, cases, push);
        }
    }

    private static final class Assembly {
        final Map<String, Builder> departments = new LinkedHashMap<>();
        final Map<String, String[]> departmentNames = new HashMap<>();
        final Map<String, Builder> regions = new TreeMap<>();
        final Map<String, String> regionNames = new HashMap<>();
        final Builder total = new Builder();

        void department(String code, String name, String regionCode, String regionName) {
            departments.put(code, new Builder());
            departmentNames.put(code, new String[] {name, regionCode});
            regions.computeIfAbsent(regionCode, key -> new Builder());
            regionNames.put(regionCode, regionName);
        }

        /** The builder a grouping-set row fills, or null for a row that belongs to no listed department. */
        Builder target(Row row) {
            int level = row.getInteger("level");
            if (level == 3) {
                return total;
            }
            String regionCode = row.getString("region_code");
            if (level == 1) {
                return regions.computeIfAbsent(regionCode, key -> new Builder());
            }
            String departmentCode = row.getString("department_code");
            return departmentCode == null ? null : departments.get(departmentCode);
        }

        /** Gives the builder of each grouping-set row (a listed department, its region or the total) its figures. */
        void fill(RowSet<Row> rows, BiConsumer<Builder, Row> figures) {
            for (Row row : rows) {
                Builder into = target(row);
                if (into != null) {
                    figures.accept(into, row);
                }
            }
        }

        static EffectivenessStats.ListFigures lists(Row row) {
            long claimed = row.getLong("claimed");
            long compiled = row.getLong("compiled");
            long complete = row.getLong("complete");
            long accurate = row.getLong("accurate");
            return new EffectivenessStats.ListFigures(
                    claimed,
                    compiled,
                    complete,
                    ClaimStatsService.rate(complete, claimed),
                    accurate,
                    ClaimStatsService.rate(accurate, compiled));
        }

        static EffectivenessStats.OfficerFigures officers(Row row) {
            long registered = count(row, "registered");
            long certified = count(row, "certified");
            return new EffectivenessStats.OfficerFigures(
                    registered,
                    certified,
                    ClaimStatsService.rate(certified, registered),
                    row.getLong("departments"),
                    row.getLong("staffed"));
        }

        static EffectivenessStats.CaseFigures cases(Row row) {
            long open = row.getLong("open");
            long overdue = row.getLong("overdue");
            OffsetDateTime oldest = row.getOffsetDateTime("oldest_overdue");
            return new EffectivenessStats.CaseFigures(
                    open, overdue, ClaimStatsService.rate(overdue, open), oldest == null ? null : WireTime.of(oldest));
        }

        static EffectivenessStats.PushFigures push(Row row) {
            return new EffectivenessStats.PushFigures(
                    row.getLong("pending"),
                    row.getLong("dead"),
                    row.getLong("oldest_pending"),
                    row.getLong("delivered"),
                    row.getBigDecimal("average_lag"),
                    row.getBigDecimal("p95_lag"),
                    row.getBigDecimal("max_lag"));
        }

        List<String> unnamedRegions() {
            return regions.keySet().stream()
                    .filter(code -> !regionNames.containsKey(code))
                    .toList();
        }

        EffectivenessStats build(
                String region,
                String department,
                LocalDate from,
                LocalDate to,
                OffsetDateTime asOf,
                Map<String, String> moreNames) {
            List<EffectivenessStats.RegionFigures> regionFigures = new ArrayList<>();
            regions.forEach((code, builder) -> regionFigures.add(new EffectivenessStats.RegionFigures(
                    code, regionNames.getOrDefault(code, moreNames.get(code)), builder.figures())));
            List<EffectivenessStats.DepartmentFigures> departmentFigures = new ArrayList<>();
            departments.forEach((code, builder) -> {
                String[] names = departmentNames.get(code);
                departmentFigures.add(
                        new EffectivenessStats.DepartmentFigures(code, names[0], names[1], builder.figures()));
            });
            return new EffectivenessStats(
                    region, department, from, to, asOf, total.figures(), regionFigures, departmentFigures);
        }

        private static long count(Row row, String column) {
            BigDecimal value = row.getBigDecimal(column);
            return value == null ? 0 : value.longValueExact();
        }
    }
}
