package org.supervisionhub.nationalcase;

import com.fasterxml.jackson.databind.JsonNode;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.OffsetDateTime;
import org.supervisionhub.common.code.CreditCodes;
import org.supervisionhub.common.code.ItemCodes;
import org.supervisionhub.common.code.RegionCodes;
import org.supervisionhub.sync.InboxHandler;
import org.supervisionhub.sync.InboxItem;

/**
 * Receives complaints, risk clues and tasks from the inbox and routes each to the department that handles it: the
 * most local department with an active claim of the named item whose region contains the case's; otherwise the
 * most local department of the case's region whose sectors supervise the subject's industry (market regulation
 * when the subject is unknown). A case no department fits still lands, unassigned, for region and hub admins.
 * The inbox's handler of the {@code complaints}, {@code risk-clues} and {@code tasks} callbacks.
 */
@ApplicationScoped
public class NationalCases implements InboxHandler {

    private static final String ROUTE = """
            with by_item as (
                select d.code, 1 as preference, length(region_scope_prefix(d.region_code)) as locality
                from item_claim c join department d on d.code = c.department_code
                where $1::text is not null and c.item_code = $1 and c.status = 'ACTIVE'
                  and ($2::text is null or $2 like region_scope_prefix(d.region_code) || '%')),
            -- An unknown subject has no industry: only the sectors that cover every industry (prefix '') apply.
            industry as (select coalesce((select industry_code from subject where credit_code = $3), '') as code),
            sectors as (select s.sector_code from industry_sector s, industry i where i.code like s.industry_prefix || '%'),
            by_sector as (
                select d.code, 2 as preference, length(region_scope_prefix(d.region_code)) as locality
                from department d join department_sector ds on ds.department_code = d.code
                where $2::text is not null and $2 like region_scope_prefix(d.region_code) || '%'
                  and ds.sector_code in (select sector_code from sectors))
            select code from (select * from by_item union all select * from by_sector) candidates
            order by preference, locality desc, code limit 1""";

    private static final String UPSERT = """
            insert into national_case as c (kind, national_id, revision, title, risk_level, subject_credit_code,
                                            subject_name, region_code, item_code, department_code, status, deadline,
                                            payload)
            values ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12, cast($13::text as jsonb))
            on conflict (national_id) do update set
                revision = excluded.revision, title = excluded.title, risk_level = excluded.risk_level,
                subject_credit_code = excluded.subject_credit_code, subject_name = excluded.subject_name,
                region_code = excluded.region_code, item_code = excluded.item_code, deadline = excluded.deadline,
                payload = excluded.payload, updated_at = now()
            where c.revision < excluded.revision
            returning id""";

    @Override
    public boolean handles(String kind) {
        for (CaseKind caseKind : CaseKind.values()) {
            if (caseKind.collection().equals(kind)) {
                return true;
            }
        }
        return false;
    }

    @Override
    public Outcome handle(SqlConnection connection, InboxItem item) {
        return receive(
                        connection,
                        CaseKind.ofCollection(item.kind()),
                        item.nationalId(),
                        item.revision(),
                        item.payload())
                ? Outcome.PROCESSED
                : Outcome.SUPERSEDED;
    }

    /** Stores (or, for a newer revision, updates) the case; false when a newer revision is already there. */
    public boolean receive(SqlConnection connection, CaseKind kind, String nationalId, int revision, JsonNode message) {
        String title = text(message, "title", 500);
        if (title == null) {
            title = text(message, "detail", 500);
        }
        if (title == null) {
            throw new IllegalArgumentException("a " + kind + " carries a title or detail");
        }
        String level = text(message, "level", 2);
        if (level != null && !level.matches("P[0-3]")) {
            throw new IllegalArgumentException("risk level " + level + " is not P0-P3");
        }
        String creditCode = valid(
                text(message.path("subject"), "creditCode", 18),
                CreditCodes.isValid(text(message.path("subject"), "creditCode", 18)));
        String region = valid(text(message, "regionCode", 6), RegionCodes.isValid(text(message, "regionCode", 6)));
        String item = valid(text(message, "itemCode", 14), ItemCodes.isValid(text(message, "itemCode", 14)));
        OffsetDateTime deadline = message.hasNonNull("deadline")
                ? OffsetDateTime.parse(message.get("deadline").asText())
                : OffsetDateTime.now().plus(kind.defaultTimeToHandle(level));
        RowSet<Row> routed = connection
                .preparedQuery(ROUTE)
                .execute(Tuple.of(item, region, creditCode))
                .await()
                .indefinitely();
        String department = routed.size() == 0 ? null : routed.iterator().next().getString("code");
        Tuple values = Tuple.from(new Object[] {
            kind.name(),
            nationalId,
            revision,
            title,
            level,
            creditCode,
            text(message.path("subject"), "name", 300),
            region,
            itemExists(connection, item) ? item : null,
            department,
            department == null ? "RECEIVED" : "ASSIGNED",
            deadline,
            message.toString()
        });
        return connection
                        .preparedQuery(UPSERT)
                        .execute(values)
                        .await()
                        .indefinitely()
                        .rowCount()
                > 0;
    }

    private static boolean itemExists(SqlConnection connection, String item) {
        return item != null
                && connection
                                .preparedQuery("select 1 from catalog_item where code = $1")
                                .execute(Tuple.of(item))
                                .await()
                                .indefinitely()
                                .size()
                        > 0;
    }

    private static String valid(String value, boolean valid) {
        return value != null && valid ? value : null;
    }

    private static String text(JsonNode node, String field, int max) {
        JsonNode value = node == null ? null : node.get(field);
        if (value == null || value.isNull() || value.asText().isBlank()) {
            return null;
        }
        String text = value.asText().strip();
        return text.length() > max ? text.substring(0, max) : text;
    }
}
