package org.supervisionhub.risk;

import io.quarkus.scheduler.Scheduled;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * Runs the models. <b>Incremental</b> (every 30 s): the subjects whose records, library entry, cases or permits
 * changed since the cursor are evaluated by every model, in batches; only changes older than the settle time are read,
 * so none can still belong to an open transaction and be missed. <b>Full</b> (nightly, 02:30 Beijing time): every model over every subject,
 * which also catches what time alone changes (a permit ageing past its window, a case passing its deadline). Both
 * first close the hits whose clues were answered. Replicas may run both at once: raising is idempotent.
 */
@ApplicationScoped
public class RiskPasses {

    private static final Logger LOG = Logger.getLogger(RiskPasses.class);
    /** At most this many changed subjects per incremental pass; the rest wait for the next (the cursor says where). */
    static final int BATCH = 5_000;

    private static final String CURSOR = """
            select changed_to, credit_code, now() - make_interval(secs => $1::double precision) as settled
            from risk_cursor where name = 'incremental'""";
    // The subjects changed after the position ($1, $2) and no later than $3, in (time, code) order, up to $4: each with
    // its latest change in that span. Changes newer than $3 may still belong to open transactions; they are read later.
    private static final String CHANGED = """
            select code, changed from (
                select code, max(changed) as changed from (
                    select subject_credit_code as code, updated_at as changed from behaviour_record
                    where updated_at >= $1 and updated_at <= $3 and subject_credit_code is not null
                    union all
                    select credit_code, updated_at from subject
                    where updated_at >= $1 and updated_at <= $3 and credit_code is not null
                    union all
                    select subject_credit_code, updated_at from national_case
                    where updated_at >= $1 and updated_at <= $3 and subject_credit_code is not null
                    union all
                    select subject_credit_code, received_at from permit where received_at >= $1 and received_at <= $3
                ) changes group by code) latest
            where (changed, code) > ($1, $2)
            order by changed, code limit $4""";
    private static final String ADVANCE = """
            update risk_cursor set changed_to = $1, credit_code = $2
            where name = 'incremental' and (changed_to, credit_code) < ($1, $2)""";

    @Inject
    RiskModels models;

    @Inject
    RiskEvaluator evaluator;

    @Inject
    RiskClues clues;

    @Inject
    RiskConfig config;

    @Inject
    Pool pool;

    /** What a pass did, per outcome. */
    public record Tally(int subjects, Map<RiskClues.Outcome, Integer> outcomes, int closed) {}

    @Scheduled(
            identity = "risk-incremental",
            every = "${hub.risk.incremental-every:30s}",
            delayed = "20s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void incrementalOnSchedule() {
        if (config.enabled()) {
            incremental();
        }
    }

    @Scheduled(
            identity = "risk-full",
            cron = "${hub.risk.full-pass-cron:0 30 2 * * ?}",
            timeZone = "Asia/Shanghai",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    void fullOnSchedule() {
        if (config.enabled()) {
            full();
        }
    }

    /** Evaluates the subjects changed since the cursor and moves the cursor past them. Blocking. */
    public Tally incremental() {
        long started = System.nanoTime();
        int closed = clues.closeAnswered();
        Row cursor = pool.preparedQuery(CURSOR)
                .execute(Tuple.of((double) config.settleTime().toMillis() / 1000))
                .await()
                .indefinitely()
                .iterator()
                .next();
        OffsetDateTime settled = cursor.getOffsetDateTime("settled");
        Changes changes =
                changedSince(cursor.getOffsetDateTime("changed_to"), cursor.getString("credit_code"), settled);
        Map<RiskClues.Outcome, Integer> outcomes =
                changes.subjects().isEmpty() ? new EnumMap<>(RiskClues.Outcome.class) : evaluate(changes.subjects());
        // A full batch stops at the last change read; otherwise everything up to the settled time was read.
        boolean full = changes.subjects().size() == BATCH;
        pool.preparedQuery(ADVANCE)
                .execute(full ? Tuple.of(changes.reached(), changes.subjects().get(BATCH - 1)) : Tuple.of(settled, ""))
                .await()
                .indefinitely();
        Tally tally = new Tally(changes.subjects().size(), outcomes, closed);
        if (!changes.subjects().isEmpty()) {
            // bench/risk/run.sh reads these lines: subjects evaluated per pass and how long the pass took.
            LOG.infof("risk models, incremental pass: %s in %d ms", tally, (System.nanoTime() - started) / 1_000_000);
        }
        return tally;
    }

    /** Every model over every subject. Blocking. */
    public Tally full() {
        long started = System.nanoTime();
        int closed = clues.closeAnswered();
        Tally tally = new Tally(-1, run(null), closed);
        LOG.infof("risk models, full pass: %s in %d ms", tally, (System.nanoTime() - started) / 1_000_000);
        return tally;
    }

    /** Every model over the subjects named. Blocking. */
    public Map<RiskClues.Outcome, Integer> evaluate(List<String> subjects) {
        return run(List.copyOf(subjects));
    }

    /** Subjects changed after the position and no later than {@code to}, at most {@link #BATCH}, and the last change. */
    record Changes(List<String> subjects, OffsetDateTime reached) {}

    Changes changedSince(OffsetDateTime from, String fromCode, OffsetDateTime to) {
        List<String> subjects = new ArrayList<>();
        OffsetDateTime reached = null;
        for (Row row : pool.preparedQuery(CHANGED)
                .execute(Tuple.of(from, fromCode, to, BATCH))
                .await()
                .indefinitely()) {
            subjects.add(row.getString("code"));
            reached = row.getOffsetDateTime("changed");
        }
        return new Changes(subjects, reached);
    }

    private Map<RiskClues.Outcome, Integer> run(List<String> subjects) {
        Map<RiskClues.Outcome, Integer> outcomes = new EnumMap<>(RiskClues.Outcome.class);
        for (RiskModel model : models.all()) {
            Map<String, RiskClues.OpenHit> openHits = clues.openHits(model, subjects);
            for (RiskEvaluator.Finding finding : evaluator.evaluate(model, subjects)) {
                outcomes.merge(clues.apply(model, finding, openHits), 1, Integer::sum);
            }
        }
        return outcomes;
    }
}
