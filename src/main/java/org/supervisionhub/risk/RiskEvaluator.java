package org.supervisionhub.risk;

import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.supervisionhub.risk.RiskModel.Signal;

/**
 * Evaluates models in SQL: each signal is one set-based statement over every subject (the nightly pass) or over the
 * subjects named (the incremental pass), answering the subjects whose value reaches the signal's {@code atLeast};
 * a subject's score is the sum of the weights of its fired signals. Reads only, outside any transaction. Blocking.
 */
@ApplicationScoped
public class RiskEvaluator {

    // Every statement takes $1 the window in days (or the levels of CREDIT_LEVEL), $2 the subjects and $3 atLeast, and
    // answers credit_code and value. Two variants of each: over the subjects named (credit codes compared as the
    // columns' char(18), so the subject indexes serve: a text[] would cast every row and scan the table), and over
    // every subject ($2 null). Separate statements, so a cached generic plan never has to serve both.
    private static final String SOME = "%s = any($2::bpchar[])";
    private static final String ALL = "$2::bpchar[] is null";
    private static final Map<Signal.Type, String> FOR_SUBJECTS = statements(SOME);
    private static final Map<Signal.Type, String> FOR_ALL = statements(ALL);

    private static Map<Signal.Type, String> statements(String subjects) {
        Map<Signal.Type, String> statements = new EnumMap<>(Signal.Type.class);
        String records = """
                select r.subject_credit_code as credit_code, count(*)::int as value from behaviour_record r
                where r.kind = '%s' and not r.deleted and r.subject_credit_code is not null
                  and r.act_date > current_date - $1::int and %s
                group by r.subject_credit_code having count(*) >= $3""";
        statements.put(Signal.Type.COMPLAINTS, """
                select credit_code, count(*)::int as value from (
                    select r.subject_credit_code as credit_code from behaviour_record r
                    where r.kind = 'COMPLAINT' and not r.deleted and r.subject_credit_code is not null
                      and r.act_date > current_date - $1::int and %s
                    union all
                    select c.subject_credit_code from national_case c
                    where c.kind = 'COMPLAINT' and c.subject_credit_code is not null
                      and c.received_at > now() - make_interval(days => $1::int) and %s) complaints
                group by credit_code having count(*) >= $3""".formatted(
                        subjects.formatted("r.subject_credit_code"), subjects.formatted("c.subject_credit_code")));
        statements.put(
                Signal.Type.PENALTIES, records.formatted("PENALTY", subjects.formatted("r.subject_credit_code")));
        statements.put(
                Signal.Type.ENFORCEMENTS,
                records.formatted("ENFORCEMENT", subjects.formatted("r.subject_credit_code")));
        statements.put(Signal.Type.CREDIT_LISTED, """
                select * from (
                    select s.credit_code, (s.abnormal_listed::int + s.serious_illegal_listed::int) as value
                    from subject s
                    where s.credit_code is not null and (s.abnormal_listed or s.serious_illegal_listed)
                      and $1::int is not null and %s) listed
                where value >= $3""".formatted(subjects.formatted("s.credit_code")));
        statements.put(Signal.Type.CREDIT_LEVEL, """
                select s.credit_code, 1 as value from subject s
                where s.credit_code is not null and s.credit_level = any($1::text[]) and %s and 1 >= $3""".formatted(subjects.formatted("s.credit_code")));
        statements.put(
                Signal.Type.PERMIT_WITHOUT_INSPECTION, """
                select p.subject_credit_code as credit_code, count(*)::int as value from permit p
                where p.issued_date <= current_date - $1::int and %s
                  and not exists (select 1 from behaviour_record r
                                  where r.subject_credit_code = p.subject_credit_code and r.kind = 'INSPECTION'
                                    and not r.deleted and r.act_date >= p.issued_date)
                group by p.subject_credit_code having count(*) >= $3""".formatted(subjects.formatted("p.subject_credit_code")));
        statements.put(Signal.Type.OVERDUE_CASES, """
                select c.subject_credit_code as credit_code, count(*)::int as value from national_case c
                where c.subject_credit_code is not null and c.status in ('RECEIVED', 'ASSIGNED', 'ACCEPTED')
                  and c.deadline < now() and $1::int is not null and %s
                group by c.subject_credit_code having count(*) >= $3""".formatted(subjects.formatted("c.subject_credit_code")));
        statements.put(Signal.Type.REPEATED_INSPECTIONS, """
                select r.subject_credit_code as credit_code, count(distinct r.department_code)::int as value
                from behaviour_record r
                where r.kind = 'INSPECTION' and not r.deleted and r.subject_credit_code is not null
                  and r.act_date > current_date - $1::int and %s
                group by r.subject_credit_code having count(distinct r.department_code) >= $3""".formatted(subjects.formatted("r.subject_credit_code")));
        return statements;
    }

    @Inject
    Pool pool;

    /** One fired signal of a subject: the model's evidence (the clue's {@code props}). */
    public record Evidence(Signal.Type signal, int value, int atLeast, int windowDays, BigDecimal weight) {}

    /** A subject the model finds at risk: its score and the signals that fired. */
    public record Finding(String creditCode, BigDecimal score, List<Evidence> evidence) {}

    /** The subjects the model finds at risk, by credit code; {@code subjects} null means every subject. */
    public List<Finding> evaluate(RiskModel model, List<String> subjects) {
        Map<String, List<Evidence>> fired = new TreeMap<>();
        for (Signal signal : model.signals()) {
            Object first = signal.signal() == Signal.Type.CREDIT_LEVEL
                    ? signal.levels().toArray(String[]::new)
                    : (Object) signal.window();
            Tuple arguments =
                    Tuple.of(first, subjects == null ? null : subjects.toArray(String[]::new), signal.atLeast());
            String statement = (subjects == null ? FOR_ALL : FOR_SUBJECTS).get(signal.signal());
            for (Row row :
                    pool.preparedQuery(statement).execute(arguments).await().indefinitely()) {
                fired.computeIfAbsent(row.getString("credit_code"), code -> new ArrayList<>())
                        .add(new Evidence(
                                signal.signal(),
                                row.getInteger("value"),
                                signal.atLeast(),
                                signal.window(),
                                signal.weight()));
            }
        }
        List<Finding> findings = new ArrayList<>();
        fired.forEach((creditCode, evidence) -> {
            BigDecimal score = evidence.stream().map(Evidence::weight).reduce(BigDecimal.ZERO, BigDecimal::add);
            if (score.compareTo(model.threshold()) >= 0) {
                findings.add(new Finding(creditCode, score, List.copyOf(evidence)));
            }
        });
        return findings;
    }

    /** The evidence as the clue's {@code props}: signal → value, threshold, window, weight. */
    static Map<String, Object> props(List<Evidence> evidence) {
        Map<String, Object> props = new LinkedHashMap<>();
        for (Evidence item : evidence) {
            props.put(
                    item.signal().name(),
                    Map.of(
                            "value", item.value(),
                            "atLeast", item.atLeast(),
                            "windowDays", item.windowDays(),
                            "weight", item.weight()));
        }
        return props;
    }
}
