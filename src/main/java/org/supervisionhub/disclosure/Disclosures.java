package org.supervisionhub.disclosure;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.supervisionhub.audit.AuditTrail;
import org.supervisionhub.common.BlockingTransactions;
import org.supervisionhub.common.ErrorCode;
import org.supervisionhub.common.FieldError;
import org.supervisionhub.common.HubException;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.PagedQuery;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.common.pii.PersonalData;
import org.supervisionhub.events.DisclosurePublished;
import org.supervisionhub.events.DisclosureWithdrawn;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;
import org.supervisionhub.sync.Outbox;

/**
 * 双公示: a department publishes its penalties on organisations and its 双随机 inspection results for a disclosure
 * period, and withdraws them. What the public reads is a desensitised snapshot taken at publication: the subject
 * organisation, the implementing body, the decision or the result, no officer and no person's name or ID number. A
 * disclosure belongs to its record's <em>stored</em> department; each write locks the record, decides on what is stored
 * then, and commits the change with its audit entry and typed event. Blocking.
 */
@ApplicationScoped
public class Disclosures {

    // The record's key, locked against a concurrent publication or withdrawal (uploads of the same record wait
    // briefly: they take the same key before they change the record or move it to another month, V25). A statement
    // of its own, so the record is then read with a snapshot taken after the lock: locked within the same statement,
    // a record an upload had just moved would be looked for in its old month.
    private static final String LOCK_KEY = "select id from behaviour_record_key where id = $1 for no key update";
    private static final String RECORD = """
            select r.id, r.kind, r.department_code, d.region_code as department_region, r.region_code,
                   r.subject_credit_code, r.disclosable, r.deleted, r.act_date, r.body
            from behaviour_record_key k join behaviour_record r on r.id = k.id and r.act_date = k.act_date
            join department d on d.code = r.department_code
            where k.id = $1""";
    private static final String RECORD_OWNER = """
            select r.department_code, d.region_code from behaviour_record_key k
            join behaviour_record r on r.id = k.id and r.act_date = k.act_date
            join department d on d.code = r.department_code
            where k.id = $1""";
    private static final String PUBLISHED_OF_RECORD =
            "select * from disclosure where record_id = $1 and status = 'PUBLISHED'";
    private static final String LATEST_OF_RECORD =
            "select * from disclosure where record_id = $1 order by (status = 'PUBLISHED') desc, id desc limit 1";
    private static final String INSERT = """
            insert into disclosure (record_id, kind, department_code, region_code, subject_credit_code, content,
                                    disclose_from, disclose_until, status, published_by)
            values ($1, $2, $3, $4, $5, $6, $7, $8, 'PUBLISHED', $9) returning *""";
    private static final String CHANGE_PERIOD = """
            update disclosure set disclose_until = $2, content = $3, version = version + 1 where id = $1 returning *""";
    private static final String WITHDRAW = """
            update disclosure set status = 'WITHDRAWN', withdrawn_at = now(), withdrawn_by = $2, withdrawal_reason = $3,
                   version = version + 1
            where id = $1 returning *""";

    // $1 sees everything, $2 department, $3 region prefix: the caller's scope over the disclosure's department.
    private static final String SCOPE = Scope.sqlCondition("x.department_code", "d.region_code", 1);
    private static final String SCOPED_WHERE = """
            from disclosure x join department d on d.code = x.department_code
            where %s
              and ($4::text is null or x.department_code = $4)
              and ($5::text is null or x.status = $5)
              and ($6::text is null or x.kind = $6)""".formatted(SCOPE);
    private static final String SCOPED_LIST = "select x.* " + SCOPED_WHERE + " order by x.id desc limit $7 offset $8";
    private static final String SCOPED_COUNT = "select count(*) " + SCOPED_WHERE;

    // Public now: published, within its period, and its record not deleted since.
    private static final String PUBLIC_WHERE = """
            from disclosure x join behaviour_record_key k on k.id = x.record_id
            join behaviour_record r on r.id = k.id and r.act_date = k.act_date
            where x.status = 'PUBLISHED' and current_date between x.disclose_from and x.disclose_until and not r.deleted""";
    private static final String PUBLIC_ONE =
            "select x.id, x.kind, x.disclose_from, x.disclose_until, x.content " + PUBLIC_WHERE + " and x.id = $1";
    private static final String PUBLIC_FILTER = """
             and ($1::text is null or x.region_code like $1 || '%')
              and ($2::text is null or x.kind = $2)
              and ($3::text is null or x.subject_credit_code = $3)""";
    private static final String PUBLIC_LIST = "select x.id, x.kind, x.disclose_from, x.disclose_until, x.content "
            + PUBLIC_WHERE + " " + PUBLIC_FILTER + " order by x.disclose_from desc, x.id desc limit $4 offset $5";
    private static final String PUBLIC_COUNT = "select count(*) " + PUBLIC_WHERE + " " + PUBLIC_FILTER;

    private static final TypeReference<Map<String, Object>> MAP = new TypeReference<>() {};

    private final Pool pool;
    private final BlockingTransactions transactions;
    private final AuditTrail audit;
    private final Outbox outbox;
    private final ObjectMapper mapper;
    private final DisclosureConfig config;

    @Inject
    Disclosures(
            Pool pool,
            BlockingTransactions transactions,
            AuditTrail audit,
            Outbox outbox,
            ObjectMapper mapper,
            DisclosureConfig config) {
        this.pool = pool;
        this.transactions = transactions;
        this.audit = audit;
        this.outbox = outbox;
        this.mapper = mapper;
        this.config = config;
    }

    /**
     * Publishes a record, or changes the period of its current disclosure; the same request again changes nothing.
     * The period runs from the act (decision or check date) and must end between the shortest and the longest the
     * rules allow, and not before today.
     */
    public DisclosureView publish(Caller caller, long recordId, DisclosureRequest request) {
        caller.scope().requireBound();
        LocalDate requested = request == null ? null : request.discloseUntil();
        return transactions.inTransaction(connection -> {
            Row record = lockedRecord(connection, caller, recordId);
            caller.scope().requireCanWrite(owner(record));
            Map<String, Object> body = read(record.getJsonObject("body").encode());
            String kind = record.getString("kind");
            requireDisclosable(record, body);
            LocalDate from = record.getLocalDate("act_date");
            LocalDate until = until(kind, body, from, requested);
            Map<String, Object> content = content(record, body);
            String contentJson = write(content);
            RowSet<Row> current = connection
                    .preparedQuery(PUBLISHED_OF_RECORD)
                    .execute(Tuple.of(recordId))
                    .await()
                    .indefinitely();
            Row written;
            String action;
            if (current.size() == 0) {
                written = one(connection.preparedQuery(INSERT).execute(Tuple.from(new Object[] {
                    recordId,
                    kind,
                    record.getString("department_code"),
                    record.getString("region_code"),
                    record.getString("subject_credit_code"),
                    new JsonObject(contentJson),
                    from,
                    until,
                    caller.auditName()
                })));
                action = "DISCLOSURE_PUBLISHED";
            } else {
                Row existing = current.iterator().next();
                if (existing.getLocalDate("disclose_until").equals(until)
                        && read(existing.getJsonObject("content").encode()).equals(read(contentJson))) {
                    return view(existing); // the same publication again
                }
                written = one(connection
                        .preparedQuery(CHANGE_PERIOD)
                        .execute(Tuple.of(existing.getLong("id"), until, new JsonObject(contentJson))));
                action = "DISCLOSURE_CHANGED";
            }
            outbox.enqueue(
                    connection,
                    new DisclosurePublished(
                            written.getLong("id"),
                            written.getInteger("version"),
                            recordId,
                            kind,
                            written.getString("department_code"),
                            written.getString("subject_credit_code"),
                            from,
                            until,
                            content,
                            written.getOffsetDateTime("published_at").toInstant()));
            audit.record(
                    connection,
                    caller,
                    action,
                    "disclosure",
                    String.valueOf(written.getLong("id")),
                    Map.of("recordId", recordId, "discloseUntil", until.toString()));
            return view(written);
        });
    }

    /** Withdraws (撤回) the record's current disclosure, with the reason; 404 when nothing is published. */
    public DisclosureView withdraw(Caller caller, long recordId, String reason) {
        caller.scope().requireBound();
        return transactions.inTransaction(connection -> {
            Row record = lockedRecord(connection, caller, recordId);
            RowSet<Row> current = connection
                    .preparedQuery(PUBLISHED_OF_RECORD)
                    .execute(Tuple.of(recordId))
                    .await()
                    .indefinitely();
            if (current.size() == 0) {
                throw notFound("record " + recordId + " has no published disclosure");
            }
            caller.scope().requireCanWrite(owner(record));
            Row withdrawn = one(connection
                    .preparedQuery(WITHDRAW)
                    .execute(Tuple.of(current.iterator().next().getLong("id"), caller.auditName(), reason)));
            outbox.enqueue(
                    connection,
                    new DisclosureWithdrawn(
                            withdrawn.getLong("id"),
                            withdrawn.getInteger("version"),
                            recordId,
                            withdrawn.getString("kind"),
                            withdrawn.getString("department_code"),
                            withdrawn.getString("subject_credit_code"),
                            reason,
                            withdrawn.getOffsetDateTime("withdrawn_at").toInstant()));
            audit.record(
                    connection,
                    caller,
                    "DISCLOSURE_WITHDRAWN",
                    "disclosure",
                    String.valueOf(withdrawn.getLong("id")),
                    Map.of("recordId", recordId, "reason", reason));
            return view(withdrawn);
        });
    }

    /** The record's disclosure: the published one, else the latest withdrawn; 404 when it never was published. */
    public DisclosureView ofRecord(Caller caller, long recordId) {
        caller.scope().requireBound();
        RowSet<Row> owners = query(RECORD_OWNER, Tuple.of(recordId));
        if (owners.size() == 0) {
            throw recordNotFound(recordId);
        }
        Row owner = owners.iterator().next();
        if (!caller.scope()
                .covers(Scope.Owner.department(owner.getString("department_code"), owner.getString("region_code")))) {
            throw recordNotFound(recordId);
        }
        RowSet<Row> rows = query(LATEST_OF_RECORD, Tuple.of(recordId));
        if (rows.size() == 0) {
            throw notFound("record " + recordId + " was never disclosed");
        }
        return view(rows.iterator().next());
    }

    /** The disclosures of the caller's scope, newest first, withdrawn and expired ones included. */
    public Page<DisclosureView> list(Caller caller, String department, String status, String kind, PageRequest page) {
        Scope scope = caller.scope();
        String departmentFilter = scope.departmentFilter(department).orElse(null);
        Object[] arguments = new Object[] {
            scope.sqlArguments()[0], scope.sqlArguments()[1], scope.sqlArguments()[2], departmentFilter, status, kind
        };
        return pagedQuery(SCOPED_LIST, SCOPED_COUNT, arguments, page, this::view);
    }

    /** What the public sees now, newest act first; a region filter (checked code) covers the regions below it. */
    public Page<PublicDisclosureView> publicList(String region, String kind, String creditCode, PageRequest page) {
        Object[] arguments = new Object[] {region == null ? null : RegionCodes.scopePrefix(region), kind, creditCode};
        return pagedQuery(PUBLIC_LIST, PUBLIC_COUNT, arguments, page, this::publicView);
    }

    /** One disclosure the public sees now; 404 when withdrawn, expired or unknown. */
    public PublicDisclosureView publicOne(long id) {
        RowSet<Row> rows = query(PUBLIC_ONE, Tuple.of(id));
        if (rows.size() == 0) {
            throw notFound("no disclosure " + id + " is public");
        }
        return publicView(rows.iterator().next());
    }

    private Row lockedRecord(SqlConnection connection, Caller caller, long recordId) {
        connection.preparedQuery(LOCK_KEY).execute(Tuple.of(recordId)).await().indefinitely();
        RowSet<Row> rows = connection
                .preparedQuery(RECORD)
                .execute(Tuple.of(recordId))
                .await()
                .indefinitely();
        if (rows.size() == 0) {
            throw recordNotFound(recordId);
        }
        Row record = rows.iterator().next();
        if (!caller.scope().covers(owner(record))) {
            throw recordNotFound(recordId); // existence does not leak
        }
        return record;
    }

    private static Scope.Owner owner(Row record) {
        return Scope.Owner.department(record.getString("department_code"), record.getString("department_region"));
    }

    /** Penalties and 双随机 inspection results on organisations, not deleted. */
    private static void requireDisclosable(Row record, Map<String, Object> body) {
        String kind = record.getString("kind");
        if (record.getBoolean("deleted")) {
            throw notDisclosable(record, "it was deleted");
        }
        if (!record.getBoolean("disclosable") || record.getString("subject_credit_code") == null) {
            throw notDisclosable(record, "only records on organisations are disclosed, never on natural persons");
        }
        if ("INSPECTION".equals(kind)) {
            Object plan = block(body, "inspection").get("randomPlanId");
            if (plan == null || plan.toString().isBlank()) {
                throw notDisclosable(record, "only inspections drawn by 双随机 (with a randomPlanId) are disclosed");
            }
        } else if (!"PENALTY".equals(kind)) {
            throw notDisclosable(record, "only penalties and 双随机 inspection results are disclosed");
        }
    }

    /** The last day public: requested or the longest allowed, checked against the rules and today. */
    private LocalDate until(String kind, Map<String, Object> body, LocalDate from, LocalDate requested) {
        DisclosureConfig.Period period = "INSPECTION".equals(kind)
                ? config.inspection()
                : Boolean.TRUE.equals(block(body, "penalty").get("majorCase"))
                        ? config.majorPenalty()
                        : config.penalty();
        LocalDate shortest = from.plusMonths(period.minMonths()).minusDays(1);
        LocalDate longest = from.plusMonths(period.maxMonths()).minusDays(1);
        LocalDate today = LocalDate.now(WireTime.ZONE);
        if (longest.isBefore(today)) {
            throw HubException.conflict(
                    ErrorCode.RECORD_NOT_DISCLOSABLE,
                    "its disclosure period ended on " + longest + " (" + period.maxMonths() + " months from " + from
                            + ")");
        }
        if (requested == null) {
            return longest;
        }
        LocalDate earliest = shortest.isBefore(today) ? today : shortest;
        if (requested.isBefore(earliest) || requested.isAfter(longest)) {
            throw HubException.badRequest(
                    ErrorCode.DISCLOSURE_PERIOD_INVALID,
                    "the disclosure must end between " + earliest + " and " + longest,
                    new FieldError(
                            "discloseUntil",
                            ErrorCode.DISCLOSURE_PERIOD_INVALID.name(),
                            "between " + earliest + " and " + longest + " (" + period.minMonths() + " to "
                                    + period.maxMonths() + " months from " + from + ", not before today)"));
        }
        return requested;
    }

    /** The public snapshot: organisations and the decision or result, texts with ID and mobile numbers masked. */
    private static Map<String, Object> content(Row record, Map<String, Object> body) {
        Map<String, Object> content = new LinkedHashMap<>();
        Map<String, Object> subject = block(body, "subject");
        Map<String, Object> publicSubject = new LinkedHashMap<>();
        publicSubject.put("name", subject.get("name"));
        publicSubject.put("creditCode", record.getString("subject_credit_code"));
        content.put("subject", publicSubject);
        Map<String, Object> implementing = block(body, "implementingBody");
        if (!implementing.isEmpty()) {
            content.put("implementingBody", pick(implementing, List.of("name", "creditCode")));
        }
        content.put("itemCode", body.get("itemCode"));
        content.put("regionCode", record.getString("region_code"));
        if ("PENALTY".equals(record.getString("kind"))) {
            Map<String, Object> penalty = pick(
                    block(body, "penalty"),
                    List.of(
                            "actionName",
                            "decisionNumber",
                            "decisionDate",
                            "penaltyTypes",
                            "fineAmount",
                            "confiscationAmount",
                            "illegalFacts",
                            "legalBasis"));
            redact(penalty, "illegalFacts");
            redact(penalty, "actionName");
            content.put("penalty", penalty);
        } else {
            Map<String, Object> inspection = pick(
                    block(body, "inspection"),
                    List.of("randomPlanId", "actionName", "checkDate", "resultCode", "resultDescription"));
            redact(inspection, "resultDescription");
            redact(inspection, "actionName");
            content.put("inspection", inspection);
        }
        return content;
    }

    private static void redact(Map<String, Object> block, String field) {
        if (block.get(field) instanceof String text) {
            block.put(field, PersonalData.redactText(text));
        }
    }

    private static Map<String, Object> pick(Map<String, Object> from, List<String> fields) {
        Map<String, Object> picked = new LinkedHashMap<>();
        for (String field : fields) {
            if (from.get(field) != null) {
                picked.put(field, from.get(field));
            }
        }
        return picked;
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> block(Map<String, Object> body, String name) {
        return body.get(name) instanceof Map<?, ?> map ? (Map<String, Object>) map : Map.of();
    }

    private DisclosureView view(Row row) {
        LocalDate today = LocalDate.now(WireTime.ZONE);
        LocalDate from = row.getLocalDate("disclose_from");
        LocalDate until = row.getLocalDate("disclose_until");
        boolean published = "PUBLISHED".equals(row.getString("status"));
        return new DisclosureView(
                row.getLong("id"),
                row.getLong("record_id"),
                row.getString("kind"),
                row.getString("department_code"),
                row.getString("status"),
                published && !today.isBefore(from) && !today.isAfter(until),
                from,
                until,
                read(row.getJsonObject("content").encode()),
                instant(row.getOffsetDateTime("published_at")),
                row.getString("published_by"),
                instant(row.getOffsetDateTime("withdrawn_at")),
                row.getString("withdrawn_by"),
                row.getString("withdrawal_reason"),
                row.getInteger("version"));
    }

    private PublicDisclosureView publicView(Row row) {
        return new PublicDisclosureView(
                row.getLong("id"),
                row.getString("kind"),
                row.getLocalDate("disclose_from"),
                row.getLocalDate("disclose_until"),
                read(row.getJsonObject("content").encode()));
    }

    private <T> Page<T> pagedQuery(
            String listSql, String countSql, Object[] filter, PageRequest page, Function<Row, T> map) {
        return PagedQuery.fetch(pool, listSql, countSql, filter, page, map)
                .await()
                .indefinitely();
    }

    private static Instant instant(OffsetDateTime time) {
        return time == null ? null : time.toInstant();
    }

    private static Row one(Uni<RowSet<Row>> rows) {
        return rows.await().indefinitely().iterator().next();
    }

    private RowSet<Row> query(String sql, Tuple arguments) {
        return pool.preparedQuery(sql).execute(arguments).await().indefinitely();
    }

    private Map<String, Object> read(String json) {
        try {
            return mapper.readValue(json, MAP);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    private String write(Object value) {
        try {
            return mapper.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static HubException recordNotFound(long id) {
        return HubException.notFound(ErrorCode.RECORD_NOT_FOUND, "no record " + id);
    }

    private static HubException notFound(String detail) {
        return HubException.notFound(ErrorCode.DISCLOSURE_NOT_FOUND, detail);
    }

    private static HubException notDisclosable(Row record, String why) {
        return HubException.conflict(
                ErrorCode.RECORD_NOT_DISCLOSABLE, "record " + record.getLong("id") + " cannot be disclosed: " + why);
    }
}
