package org.supervisionhub.nationalcase;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.OffsetDateTime;
import java.util.Map;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.PagedQuery;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.events.CaseFeedbackSent;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;
import org.supervisionhub.sync.Outbox;

/**
 * Departments list the cases routed to them, accept them and send their disposition: the feedback goes up through
 * the outbox in the same transaction, and the case closes when the relay has delivered it. Blocking: worker threads.
 */
@ApplicationScoped
public class CaseService {

    // $1 everything, $2 department, $3 region prefix: the caller's scope.
    private static final String SCOPE = Scope.sqlCondition("c.department_code", "c.region_code", 1);
    private static final String LIST = """
            select c.* from national_case c
            where c.kind = $4 and %s and ($5::text is null or c.status = $5)
              and (not $6 or (c.deadline < now() and c.status in ('RECEIVED', 'ASSIGNED', 'ACCEPTED')))
            order by c.deadline, c.id limit $7 offset $8""".formatted(SCOPE);
    private static final String COUNT = """
            select count(*) from national_case c
            where c.kind = $4 and %s and ($5::text is null or c.status = $5)
              and (not $6 or (c.deadline < now() and c.status in ('RECEIVED', 'ASSIGNED', 'ACCEPTED')))""".formatted(SCOPE);
    private static final String ONE = "select c.* from national_case c where c.id = $1 and c.kind = $2 for update";
    private static final String ACCEPT = """
            update national_case set status = 'ACCEPTED', accepted_by = $2, accepted_at = now(), updated_at = now()
            where id = $1 returning *""";
    private static final String FEEDBACK = """
            update national_case set status = 'FEEDBACK_SENT', handled_by = $2, handled_at = now(), result = $3,
                                     risk_confirmed = $5,
                                     accepted_by = coalesce(accepted_by, $4), accepted_at = coalesce(accepted_at, now()),
                                     updated_at = now()
            where id = $1 returning *""";

    private final Pool pool;
    private final BlockingTransactions transactions;
    private final ObjectMapper mapper;
    private final AuditTrail audit;
    private final Outbox outbox;

    @Inject
    CaseService(Pool pool, BlockingTransactions transactions, ObjectMapper mapper, AuditTrail audit, Outbox outbox) {
        this.pool = pool;
        this.transactions = transactions;
        this.mapper = mapper;
        this.audit = audit;
        this.outbox = outbox;
    }

    public Page<CaseView> list(Caller caller, CaseKind kind, String status, boolean overdue, PageRequest paging) {
        Object[] where = scope(caller, kind, status, overdue);
        return PagedQuery.fetch(pool, LIST, COUNT, where, paging, this::view)
                .await()
                .indefinitely();
    }

    public CaseView get(Caller caller, CaseKind kind, long id) {
        RowSet<Row> rows = pool.preparedQuery("select c.* from national_case c where c.id = $1 and c.kind = $2")
                .execute(Tuple.of(id, kind.name()))
                .await()
                .indefinitely();
        if (rows.size() == 0 || !mayRead(caller, rows.iterator().next())) {
            throw notFound(kind, id);
        }
        return view(rows.iterator().next());
    }

    /** The assigned department takes the case on. Accepting twice is harmless. */
    public CaseView accept(Caller caller, CaseKind kind, long id) {
        return transactions.inTransaction(connection -> {
            Row current = actionable(connection, caller, kind, id);
            if (!current.getString("status").equals("ASSIGNED")) {
                return view(current);
            }
            Row row = connection
                    .preparedQuery(ACCEPT)
                    .execute(Tuple.of(id, caller.auditName()))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next();
            audit.record(
                    connection,
                    caller,
                    "CASE_ACCEPTED",
                    "national-case",
                    String.valueOf(id),
                    Map.of("nationalId", row.getString("national_id")));
            return view(row);
        });
    }

    /** Records the disposition and queues the feedback to the national platform in the same transaction. */
    public CaseView feedback(Caller caller, CaseKind kind, long id, FeedbackRequest request) {
        return transactions.inTransaction(connection -> {
            Row current = actionable(connection, caller, kind, id);
            String status = current.getString("status");
            if (status.equals("FEEDBACK_SENT") || status.equals("CLOSED")) {
                throw HubException.conflict(
                        "FEEDBACK_ALREADY_SENT", "the feedback of case " + id + " was already sent");
            }
            String handledBy = request.handledBy() != null ? request.handledBy().strip() : caller.auditName();
            Row row = connection
                    .preparedQuery(FEEDBACK)
                    .execute(Tuple.of(
                            id,
                            handledBy,
                            request.result().strip(),
                            caller.auditName(),
                            kind == CaseKind.RISK_CLUE ? request.riskConfirmed() : null))
                    .await()
                    .indefinitely()
                    .iterator()
                    .next();
            outbox.enqueue(
                    connection,
                    new CaseFeedbackSent(
                            row.getString("national_id"),
                            kind.name(),
                            row.getString("department_code"),
                            handledBy,
                            WireTime.of(row.getOffsetDateTime("handled_at")),
                            row.getString("result")));
            audit.record(
                    connection,
                    caller,
                    "CASE_FEEDBACK",
                    "national-case",
                    String.valueOf(id),
                    Map.of("nationalId", row.getString("national_id")));
            return view(row);
        });
    }

    private Row actionable(SqlConnection connection, Caller caller, CaseKind kind, long id) {
        RowSet<Row> rows = connection
                .preparedQuery(ONE)
                .execute(Tuple.of(id, kind.name()))
                .await()
                .indefinitely();
        if (rows.size() == 0) {
            throw notFound(kind, id);
        }
        Row row = rows.iterator().next();
        String department = row.getString("department_code");
        // Only the assigned department handles a case; it is also the only department caller that sees it, so any
        // other caller reads the case as unknown, as in GET.
        if (department == null
                || !caller.scope().department().map(department::equals).orElse(false)) {
            throw notFound(kind, id);
        }
        return row;
    }

    /**
     * A case belongs to the department it is assigned to, in the case's region; unassigned ones to the region, which a
     * region-admin sees and a department does not (as in the list, whose scope condition reads only the assigned
     * department for department callers): reading by id never shows more than listing.
     */
    private static boolean mayRead(Caller caller, Row row) {
        Scope scope = caller.scope();
        if (row.getString("department_code") == null && scope instanceof Scope.Department) {
            return false;
        }
        return scope.covers(owner(row));
    }

    private static Scope.Owner owner(Row row) {
        return new Scope.Owner(row.getString("department_code"), row.getString("region_code"));
    }

    private static Object[] scope(Caller caller, CaseKind kind, String status, boolean overdue) {
        Object[] scope = caller.scope().sqlArguments();
        return new Object[] {scope[0], scope[1], scope[2], kind.name(), status, overdue};
    }

    private CaseView view(Row row) {
        OffsetDateTime deadline = WireTime.of(row.getOffsetDateTime("deadline"));
        String status = row.getString("status");
        boolean open = status.equals("RECEIVED") || status.equals("ASSIGNED") || status.equals("ACCEPTED");
        return new CaseView(
                row.getLong("id"),
                CaseKind.valueOf(row.getString("kind")),
                row.getString("national_id"),
                row.getInteger("revision"),
                row.getString("title"),
                row.getString("risk_level"),
                row.getString("subject_credit_code"),
                row.getString("subject_name"),
                row.getString("region_code"),
                row.getString("item_code"),
                row.getString("department_code"),
                status,
                deadline,
                open && deadline.isBefore(OffsetDateTime.now()),
                row.getString("accepted_by"),
                WireTime.of(row.getOffsetDateTime("accepted_at")),
                row.getString("handled_by"),
                WireTime.of(row.getOffsetDateTime("handled_at")),
                row.getString("result"),
                row.getBoolean("risk_confirmed"),
                WireTime.of(row.getOffsetDateTime("closed_at")),
                WireTime.of(row.getOffsetDateTime("received_at")),
                message(row));
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> message(Row row) {
        try {
            return mapper.readValue(row.getJsonObject("payload").encode(), Map.class);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HubException notFound(CaseKind kind, long id) {
        return HubException.notFound("CASE_NOT_FOUND", "no " + kind.collection() + " entry " + id);
    }
}
