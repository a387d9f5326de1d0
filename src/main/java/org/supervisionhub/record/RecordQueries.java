package org.supervisionhub.record;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.LocalDate;
import java.util.Optional;
import org.supervisionhub.common.Page;
import org.supervisionhub.common.PageRequest;
import org.supervisionhub.common.PagedQuery;
import org.supervisionhub.common.WireTime;
import org.supervisionhub.security.Caller;
import org.supervisionhub.security.Scope;

/** Reads of stored records, always scoped to the caller: its department, its region, or everything for admins. */
@ApplicationScoped
public class RecordQueries {

    // By id through its key, which names the month the record lives in (V25): one partition read, not one per month.
    private static final String BY_ID = """
            select r.*, d.region_code as department_region from behaviour_record_key k
            join behaviour_record r on r.id = k.id and r.act_date = k.act_date
            join department d on d.code = r.department_code where k.id = $1""";

    // $1 sees everything, $2 department, $3 region prefix: the caller's scope.
    private static final String SCOPE = Scope.sqlCondition("r.department_code", "d.region_code", 1);

    private static final String SEARCH_WHERE = """
            from behaviour_record r join department d on d.code = r.department_code
            where %s
              and ($4::text is null or r.department_code = $4)
              and ($5::text is null or r.kind = $5)
              and ($6::text is null or r.item_code = $6)
              and ($7::text is null or r.subject_credit_code = $7)
              and ($8::date is null or r.act_date >= $8)
              and ($9::date is null or r.act_date <= $9)
              and ($10 or not r.deleted)""".formatted(SCOPE);

    private static final String HISTORY_WHERE = """
            from behaviour_record r join department d on d.code = r.department_code
            left join catalog_item i on i.code = r.item_code
            where r.subject_credit_code = $4 and not r.deleted and (r.disclosable or %s)""".formatted(SCOPE);

    private static final String SEARCH =
            "select r.* " + SEARCH_WHERE + " order by r.act_date desc, r.id desc limit $11 offset $12";
    private static final String SEARCH_COUNT = "select count(*) " + SEARCH_WHERE;

    private static final String HISTORY =
            """
            select r.id, r.kind, r.act_date, r.department_code, d.name as department_name, r.item_code,
                   i.name as item_name, r.body, %s as in_scope
            """.formatted(SCOPE) + HISTORY_WHERE + " order by r.act_date desc, r.id desc limit $5 offset $6";
    private static final String HISTORY_COUNT = "select count(*) " + HISTORY_WHERE;

    @Inject
    Pool pool;

    @Inject
    ObjectMapper mapper;

    /** Search filters; null means any. */
    public record Filter(
            String department,
            RecordKind kind,
            String itemCode,
            String subjectCreditCode,
            LocalDate from,
            LocalDate to,
            boolean includeDeleted) {}

    public Uni<Optional<RecordView>> byId(Caller caller, long id) {
        return pool.preparedQuery(BY_ID).execute(Tuple.of(id)).map(rows -> {
            if (rows.size() == 0) {
                return Optional.empty();
            }
            Row row = rows.iterator().next();
            boolean visible = caller.scope()
                    .covers(Scope.Owner.department(
                            row.getString("department_code"), row.getString("department_region")));
            return visible ? Optional.of(view(row)) : Optional.empty();
        });
    }

    public Uni<Page<RecordView>> search(Caller caller, Filter filter, PageRequest paging) {
        Object[] scope = caller.scope().sqlArguments();
        String department = caller.scope().departmentFilter(filter.department()).orElse(null);
        Object[] where = {
            scope[0],
            scope[1],
            scope[2],
            department,
            filter.kind() == null ? null : filter.kind().name(),
            filter.itemCode(),
            filter.subjectCreditCode(),
            filter.from(),
            filter.to(),
            filter.includeDeleted()
        };
        return PagedQuery.fetch(pool, SEARCH, SEARCH_COUNT, where, paging, this::view);
    }

    /** A subject's supervision history, newest first: everything in the caller's scope, the disclosable rest. */
    public Uni<Page<SubjectRecordView>> subjectHistory(Caller caller, String creditCode, PageRequest paging) {
        Object[] scope = caller.scope().sqlArguments();
        Object[] where = {scope[0], scope[1], scope[2], creditCode};
        return PagedQuery.fetch(pool, HISTORY, HISTORY_COUNT, where, paging, this::historyEntry);
    }

    private SubjectRecordView historyEntry(Row row) {
        boolean inScope = Boolean.TRUE.equals(row.getBoolean("in_scope"));
        RecordInput body = body(row);
        RecordKind kind = RecordKind.valueOf(row.getString("kind"));
        String actionName = body.inspection() != null
                ? body.inspection().actionName()
                : body.penalty() != null
                        ? body.penalty().actionName()
                        : body.other() != null && inScope ? body.other().actionName() : null;
        return new SubjectRecordView(
                inScope ? row.getLong("id") : null,
                !inScope,
                kind,
                row.getLocalDate("act_date"),
                row.getString("department_code"),
                row.getString("department_name"),
                row.getString("item_code"),
                row.getString("item_name"),
                actionName,
                body.inspection() == null ? null : body.inspection().resultCode(),
                body.penalty() == null ? null : body.penalty().decisionNumber(),
                body.penalty() == null ? null : body.penalty().penaltyTypes(),
                body.penalty() == null ? null : body.penalty().fineAmount());
    }

    private RecordView view(Row row) {
        return new RecordView(
                row.getLong("id"),
                row.getInteger("version"),
                row.getBoolean("deleted"),
                RecordKind.valueOf(row.getString("kind")),
                row.getString("source_system"),
                row.getString("source_record_id"),
                row.getString("department_code"),
                row.getString("item_code"),
                row.getString("region_code"),
                row.getLocalDate("act_date"),
                row.getBoolean("disclosable"),
                WireTime.of(row.getOffsetDateTime("received_at")),
                WireTime.of(row.getOffsetDateTime("updated_at")),
                body(row));
    }

    private RecordInput body(Row row) {
        try {
            return mapper.readValue(row.getJsonObject("body").encode(), RecordInput.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored record " + row.getLong("id") + " does not read back", e);
        }
    }
}
