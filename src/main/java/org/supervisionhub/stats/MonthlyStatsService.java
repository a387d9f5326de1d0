package org.supervisionhub.stats;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.security.Caller;

/**
 * Upload figures per month, from the daily figures every upload batch adds to (record_quality_daily), scoped like
 * the other statistics. PostgreSQL generates the months, so a month without uploads is a zero, not a gap.
 */
@ApplicationScoped
public class MonthlyStatsService {

    private static final String PER_MONTH = """
            with months as (
                select generate_series(date_trunc('month', $3::date), date_trunc('month', $4::date), interval '1 month')::date
                       as month),
            figures as (
                select date_trunc('month', q.day)::date as month, sum(q.received) as received, sum(q.rejected) as rejected
                from record_quality_daily q join department d on d.code = q.department_code
                where ($1::text is null or d.region_code like $1::text || '%') and ($2::text is null or d.code = $2)
                  and q.day between $3 and $4
                group by 1)
            select to_char(m.month, 'YYYY-MM') as month, coalesce(f.received, 0) as received,
                   coalesce(f.rejected, 0) as rejected
            from months m left join figures f on f.month = m.month
            order by m.month""";

    @Inject
    Pool pool;

    public Uni<MonthlyStats> monthly(Caller caller, String region, String department, LocalDate from, LocalDate to) {
        String effectiveRegion = ClaimStatsService.scopeRegion(caller, region);
        String effectiveDepartment = ClaimStatsService.scopeDepartment(caller, department);
        String prefix = effectiveRegion == null ? null : RegionCodes.scopePrefix(effectiveRegion);
        return StatsQueries.run(pool, PER_MONTH, Tuple.of(prefix, effectiveDepartment, from, to))
                .map(rows -> {
                    List<MonthlyStats.Month> months = new ArrayList<>();
                    for (Row row : rows) {
                        long received = row.getLong("received");
                        long rejected = row.getLong("rejected");
                        months.add(new MonthlyStats.Month(
                                row.getString("month"),
                                received,
                                rejected,
                                ClaimStatsService.rate(rejected, received)));
                    }
                    return new MonthlyStats(effectiveRegion, effectiveDepartment, months);
                });
    }
}
