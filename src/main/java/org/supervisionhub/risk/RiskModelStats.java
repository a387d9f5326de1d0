package org.supervisionhub.risk;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;

/** Per model, over the clues the caller may see: hits, answers, the confirmed rate and the mean time to close. */
@ApplicationScoped
public class RiskModelStats {

    // $1 sees everything, $2 department, $3 region prefix: the caller's scope over the clue (as for case lists).
    private static final String FIGURES = """
            select h.model_id, count(*) as hits,
                   count(*) filter (where h.status = 'OPEN') as open,
                   count(*) filter (where h.status = 'CLOSED') as closed,
                   count(*) filter (where h.confirmed) as confirmed,
                   count(*) filter (where h.confirmed is not null) as judged,
                   avg(extract(epoch from h.closed_at - h.raised_at) / 3600) filter (where h.status = 'CLOSED') as hours
            from risk_hit h join national_case c on c.id = h.case_id
            where %s
            group by h.model_id""".formatted(Scope.sqlCondition("c.department_code", "c.region_code", 1));

    @Inject
    Pool pool;

    public List<RiskModelView> of(Caller caller, List<RiskModel> models) {
        Map<String, Row> figures = new HashMap<>();
        for (Row row : pool.preparedQuery(FIGURES)
                .execute(Tuple.from(caller.scope().sqlArguments()))
                .await()
                .indefinitely()) {
            figures.put(row.getString("model_id"), row);
        }
        return models.stream()
                .map(model -> {
                    Row row = figures.get(model.id());
                    if (row == null) {
                        return new RiskModelView(model, 0, 0, 0, 0, null, null);
                    }
                    long judged = row.getLong("judged");
                    BigDecimal hours = row.getBigDecimal("hours");
                    return new RiskModelView(
                            model,
                            row.getLong("hits"),
                            row.getLong("open"),
                            row.getLong("closed"),
                            row.getLong("confirmed"),
                            judged == 0
                                    ? null
                                    : BigDecimal.valueOf(row.getLong("confirmed"))
                                            .divide(BigDecimal.valueOf(judged), 4, RoundingMode.HALF_UP),
                            hours == null ? null : hours.setScale(1, RoundingMode.HALF_UP));
                })
                .toList();
    }
}
