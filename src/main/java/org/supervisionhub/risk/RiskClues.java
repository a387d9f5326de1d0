package org.supervisionhub.risk;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.events.RiskClueRaised;
import org.supervisionhub.nationalcase.CaseKind;
import org.supervisionhub.nationalcase.NationalCases;
import org.supervisionhub.security.Caller;
import org.supervisionhub.sync.Outbox;

/**
 * Turns a model's finding into a risk clue, once: while the model's hit on the subject is open, a new finding only
 * updates its score and evidence; after its clue was answered, the subject is not raised again by that model for the
 * cooldown. A new clue is a {@code national_case} of kind RISK_CLUE routed by {@link NationalCases} exactly as the
 * national platform's clues are, carrying the national clue fields ({@code fxyjId}, {@code ruleId}, {@code level},
 * {@code props}); the hit, the clue, its audit entry and its {@code risk-clue.raised} event commit together. Blocking.
 */
@ApplicationScoped
public class RiskClues {

    /** Who raises clues in the audit log. */
    static final Caller ENGINE = new Caller("risk-engine", Set.of(), Optional.empty(), Optional.empty());

    private static final String OPEN_HIT = """
            select id, score, evidence from risk_hit where model_id = $1 and subject_credit_code = $2 and status = 'OPEN'
            for update""";
    // The open hits of a model, of the subjects named ($2) or of all ($2 null): read once per pass.
    private static final String OPEN_HITS = """
            select subject_credit_code, score, evidence from risk_hit
            where model_id = $1 and status = 'OPEN' and ($2::bpchar[] is null or subject_credit_code = any($2::bpchar[]))""";
    private static final String UPDATE_HIT = """
            update risk_hit set score = $2, evidence = $3, updated_at = now() where id = $1""";
    private static final String RECENTLY_CLOSED = """
            select 1 from risk_hit where model_id = $1 and subject_credit_code = $2 and status = 'CLOSED'
              and closed_at > now() - make_interval(secs => $3::double precision) limit 1""";
    private static final String INSERT_HIT = """
            insert into risk_hit (model_id, subject_credit_code, score, level, evidence, status)
            values ($1, $2, $3, $4, $5, 'OPEN')
            on conflict (model_id, subject_credit_code) where status = 'OPEN' do nothing
            returning id, raised_at""";
    // The subject as the library has it, else as its latest record names it.
    private static final String SUBJECT = """
            select coalesce(s.name, r.body -> 'subject' ->> 'name') as name, coalesce(s.region_code, r.region_code) as region
            from (select $1::bpchar as code) q
            left join subject s on s.credit_code = q.code
            left join lateral (select body, region_code from behaviour_record
                               where subject_credit_code = q.code order by act_date desc, id desc limit 1) r on true""";
    private static final String CLUE = "select id, department_code from national_case where national_id = $1";
    private static final String LINK = "update risk_hit set case_id = $2 where id = $1";
    // A hit closes when its clue's feedback was sent; the department's verdict says whether the risk was real.
    private static final String CLOSE_ANSWERED = """
            update risk_hit h set status = 'CLOSED', closed_at = coalesce(c.handled_at, now()), confirmed = c.risk_confirmed,
                                  updated_at = now()
            from national_case c
            where c.id = h.case_id and h.status = 'OPEN' and c.status in ('FEEDBACK_SENT', 'CLOSED')""";

    @Inject
    Pool pool;

    @Inject
    BlockingTransactions transactions;

    @Inject
    NationalCases cases;

    @Inject
    AuditTrail audit;

    @Inject
    Outbox outbox;

    @Inject
    ObjectMapper mapper;

    @Inject
    RiskConfig config;

    /** What became of a finding. */
    public enum Outcome {
        RAISED,
        UPDATED,
        UNCHANGED,
        COOLING_DOWN
    }

    /** A model's open hit as a pass read it before its findings: its score and evidence. */
    public record OpenHit(BigDecimal score, JsonObject evidence) {

        /** Whether the finding says what the hit says already (then it needs no transaction). */
        boolean matches(RiskEvaluator.Finding finding) {
            return score.compareTo(finding.score()) == 0 && sameEvidence(evidence, finding);
        }
    }

    /**
     * The model's open hits of the subjects (all when null), by credit code. A pass reads them once, so a finding its
     * open hit already says costs no transaction: at a province's scale nearly every finding of a nightly pass.
     */
    public Map<String, OpenHit> openHits(RiskModel model, List<String> subjects) {
        Map<String, OpenHit> hits = new HashMap<>();
        for (Row row : pool.preparedQuery(OPEN_HITS)
                .execute(Tuple.of(model.id(), subjects == null ? null : subjects.toArray(String[]::new)))
                .await()
                .indefinitely()) {
            hits.put(
                    row.getString("subject_credit_code"),
                    new OpenHit(row.getBigDecimal("score"), row.getJsonObject("evidence")));
        }
        return hits;
    }

    /**
     * The finding against what the pass read: unchanged when its open hit says the same (no transaction), else
     * raised or updated by {@link #raise}, which decides again under the hit's lock.
     */
    public Outcome apply(RiskModel model, RiskEvaluator.Finding finding, Map<String, OpenHit> openHits) {
        OpenHit open = openHits.get(finding.creditCode());
        return open != null && open.matches(finding) ? Outcome.UNCHANGED : raise(model, finding);
    }

    /** Raises the finding as a clue, or updates the open hit; one short transaction. */
    public Outcome raise(RiskModel model, RiskEvaluator.Finding finding) {
        Map<String, Object> props = RiskEvaluator.props(finding.evidence());
        JsonObject evidence = new JsonObject(props);
        return transactions.inTransaction(connection -> {
            RowSet<Row> open = connection
                    .preparedQuery(OPEN_HIT)
                    .execute(Tuple.of(model.id(), finding.creditCode()))
                    .await()
                    .indefinitely();
            if (open.size() > 0) {
                Row hit = open.iterator().next();
                if (hit.getBigDecimal("score").compareTo(finding.score()) == 0
                        && sameEvidence(hit.getJsonObject("evidence"), finding)) {
                    return Outcome.UNCHANGED;
                }
                connection
                        .preparedQuery(UPDATE_HIT)
                        .execute(Tuple.of(hit.getLong("id"), finding.score(), evidence))
                        .await()
                        .indefinitely();
                return Outcome.UPDATED;
            }
            if (connection
                            .preparedQuery(RECENTLY_CLOSED)
                            .execute(Tuple.of(model.id(), finding.creditCode(), (double)
                                    config.cooldown().toSeconds()))
                            .await()
                            .indefinitely()
                            .size()
                    > 0) {
                return Outcome.COOLING_DOWN;
            }
            RowSet<Row> inserted = connection
                    .preparedQuery(INSERT_HIT)
                    .execute(Tuple.of(model.id(), finding.creditCode(), finding.score(), model.level(), evidence))
                    .await()
                    .indefinitely();
            if (inserted.size() == 0) {
                return Outcome.UNCHANGED; // raised meanwhile by another replica
            }
            Row hit = inserted.iterator().next();
            long hitId = hit.getLong("id");
            String clueId = config.cluePrefix() + hitId;
            cases.receive(connection, CaseKind.RISK_CLUE, clueId, 1, message(connection, model, finding, hitId, props));
            Row clue = connection
                    .preparedQuery(CLUE)
                    .execute(Tuple.of(clueId))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next();
            connection
                    .preparedQuery(LINK)
                    .execute(Tuple.of(hitId, clue.getLong("id")))
                    .await()
                    .indefinitely();
            OffsetDateTime raisedAt = hit.getOffsetDateTime("raised_at");
            outbox.enqueue(
                    connection,
                    new RiskClueRaised(
                            hitId,
                            clueId,
                            model.id(),
                            model.level(),
                            finding.creditCode(),
                            finding.score(),
                            props,
                            clue.getString("department_code"),
                            raisedAt.toInstant()));
            audit.record(
                    connection,
                    ENGINE,
                    "RISK_CLUE_RAISED",
                    "risk-hit",
                    String.valueOf(hitId),
                    Map.of("model", model.id(), "subject", finding.creditCode(), "clue", clueId));
            return Outcome.RAISED;
        });
    }

    /** Closes the hits whose clues were answered; answers how many. */
    public int closeAnswered() {
        return transactions.inTransaction(connection -> connection
                .preparedQuery(CLOSE_ANSWERED)
                .execute()
                .await()
                .indefinitely()
                .rowCount());
    }

    /** The clue as the national platform would send it (风险预警: fxyjId, ruleId, level, props), for the router. */
    private ObjectNode message(
            SqlConnection connection,
            RiskModel model,
            RiskEvaluator.Finding finding,
            long hitId,
            Map<String, Object> props) {
        Row subject = connection
                .preparedQuery(SUBJECT)
                .execute(Tuple.of(finding.creditCode()))
                .await()
                .indefinitely()
                .iterator()
                .next();
        String name = subject.getString("name") != null ? subject.getString("name") : finding.creditCode();
        ObjectNode message = mapper.createObjectNode();
        message.put("title", model.name() + "：" + name);
        message.put("level", model.level());
        message.put("fxyjId", String.valueOf(hitId));
        message.put("ruleId", model.id());
        if (model.domain() != null) {
            message.put("domain", model.domain());
        }
        message.put("source", "hub");
        message.put("score", finding.score());
        message.putObject("subject").put("creditCode", finding.creditCode()).put("name", name);
        if (subject.getString("region") != null) {
            message.put("regionCode", subject.getString("region"));
        }
        message.set("props", mapper.valueToTree(props));
        return message;
    }

    /** Whether the stored evidence names the same signals with the same values. */
    private static boolean sameEvidence(JsonObject stored, RiskEvaluator.Finding finding) {
        if (stored.size() != finding.evidence().size()) {
            return false;
        }
        for (RiskEvaluator.Evidence item : finding.evidence()) {
            JsonObject signal = stored.getJsonObject(item.signal().name());
            if (signal == null || signal.getInteger("value") == null || signal.getInteger("value") != item.value()) {
                return false;
            }
        }
        return true;
    }
}
