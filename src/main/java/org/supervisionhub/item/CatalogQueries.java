package org.supervisionhub.item;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.supervisionhub.item.CatalogService.ItemFilter;

/**
 * The catalog listing on the reactive PG client: with ~460,000 items in a province it is read far more often than
 * written, so a page is one prepared statement selecting the view's columns (the caller's claim of each item
 * included), not entities hydrated by the ORM. Pages are ordered by code; a cursor page continues above the last code
 * shown (an index range scan with a limit, however deep the walk), the page-number form skips rows as before.
 */
@ApplicationScoped
public class CatalogQueries {

    private static final String COLUMNS = """
            i.code, i.name, i.parent_code, i.item_type, i.sector_code, i.legal_basis, i.supervised_object, i.method, \
            i.catalog_level, i.status, i.effective_date, i.cancel_date, i.catalog_version, i.version, i.updated_at""";

    /**
     * An active claim of the item by a department. The status is a literal so that the planner can use the partial
     * unique index of active claims (item_claim_active_uk) in every plan, generic ones included.
     */
    private static final String CLAIMED_BY = """
            exists (select 1 from item_claim c where c.item_code = i.code and c.department_code = %s \
            and c.status = 'ACTIVE')""";

    /** Whether a listing counts every match for {@code total}. */
    public enum Count {
        EXACT,
        NONE
    }

    private final Pool pool;

    @Inject
    public CatalogQueries(Pool pool) {
        this.pool = pool;
    }

    /**
     * One page of the catalog in code order: after {@code afterCode} when it is given (cursor form), else page
     * {@code page} of {@code size} items. {@code ownDepartment} is the caller's department, which {@code claimedByMe}
     * and the {@code claimed} filter are relative to; callers without one get no {@code claimedByMe}. The caller's
     * right to read a {@code department} filter's claims is checked before.
     */
    public Uni<CatalogItemPage> list(
            ItemFilter filter, Optional<String> ownDepartment, String afterCode, int page, int size, Count count) {
        Statement listing = listing(filter, ownDepartment, afterCode, page, size);
        Uni<RowSet<Row>> rows = pool.preparedQuery(listing.sql()).execute(Tuple.from(listing.parameters()));
        if (count == Count.NONE) {
            return rows.map(found -> page(found, ownDepartment.isPresent(), afterCode, page, size, null));
        }
        Statement counting = count(filter, ownDepartment);
        Uni<Long> total = pool.preparedQuery(counting.sql())
                .execute(Tuple.from(counting.parameters()))
                .map(found -> found.iterator().next().getLong("total"));
        return Uni.combine()
                .all()
                .unis(rows, total)
                .asTuple()
                .map(both -> page(both.getItem1(), ownDepartment.isPresent(), afterCode, page, size, both.getItem2()));
    }

    private static CatalogItemPage page(
            RowSet<Row> rows, boolean callerHasDepartment, String afterCode, int page, int size, Long counted) {
        List<CatalogItemView> items = new ArrayList<>(Math.min(rows.size(), size));
        for (Row row : rows) {
            if (items.size() == size) {
                break;
            }
            items.add(CatalogItemView.of(row, callerHasDepartment ? row.getBoolean("claimed_by_me") : null));
        }
        // One row beyond the page was asked for: it tells whether another page follows without counting.
        boolean more = rows.size() > size;
        String next = more ? CatalogCursor.after(items.get(items.size() - 1).code()) : null;
        boolean cursorForm = afterCode != null;
        Long total = counted;
        if (total == null && !cursorForm && !more && (page == 0 || !items.isEmpty())) {
            // The matches end within this page of the page-number form: their number is known without counting.
            total = (long) page * size + items.size();
        }
        return new CatalogItemPage(items, cursorForm ? null : page, size, total, total != null, next);
    }

    /** A statement and its parameters, $1 onwards in order. */
    record Statement(String sql, List<Object> parameters) {}

    /**
     * The page's statement. Its text depends only on which filters are set, the form (cursor or page number) and the
     * size, so each combination is prepared once per connection and keeps its plan; the size is written into the
     * text because a generic plan with a parameter for LIMIT assumes a tenth of the table is wanted and may sort the
     * whole match instead of reading an index in code order. The caller's claim of each item is looked up on the
     * page's rows only, outside the limited subquery: in the select list of the scan itself the planner costs it for
     * every row the scan might read and hashes all of the department's claims instead (90 ms a page at 460,000
     * items). bench/catalog/run.sh sends pgbench this very text.
     */
    static Statement listing(ItemFilter filter, Optional<String> ownDepartment, String afterCode, int page, int size) {
        Binder binder = new Binder();
        String own = ownDepartment.map(binder::own).orElse(null);
        StringBuilder sql = new StringBuilder();
        if (own != null) {
            sql.append("select p.*, ").append(CLAIMED_BY.formatted(own).replace("i.code", "p.code"));
            sql.append(" as claimed_by_me from (");
        }
        sql.append("select ").append(COLUMNS).append(" from ");
        List<String> conditions = from(sql, filter, ownDepartment, binder);
        if (afterCode != null) {
            // On the driving claims' index when claims drive (same code: the join makes them equal).
            conditions.add((drivingDepartment(filter, ownDepartment) == null ? "i.code" : "d.item_code") + " > "
                    + binder.bind(afterCode));
        }
        sql.append(" where ").append(conditions.isEmpty() ? "true" : String.join(" and ", conditions));
        sql.append(" order by i.code limit ").append(size + 1);
        if (afterCode == null && page > 0) {
            sql.append(" offset ").append(binder.bind((long) page * size));
        }
        if (own != null) {
            sql.append(") p order by p.code");
        }
        return new Statement(sql.toString(), binder.parameters);
    }

    /** The number of all matches of the filters (a cursor does not narrow it). */
    static Statement count(ItemFilter filter, Optional<String> ownDepartment) {
        Binder binder = new Binder();
        StringBuilder sql = new StringBuilder("select count(*) as total from ");
        List<String> conditions = from(sql, filter, ownDepartment, binder);
        sql.append(" where ").append(conditions.isEmpty() ? "true" : String.join(" and ", conditions));
        return new Statement(sql.toString(), binder.parameters);
    }

    /**
     * The department whose claims the listing is restricted to, if any: the one named by {@code department}, else the
     * caller's own for {@code claimed=true}. Its claims drive the statement (from its active claims in code order to
     * the items), since a department claims a few thousand items at most and they sit together in a sector's codes:
     * probing each item in code order for a claim would read most of the catalog before finding a page.
     */
    private static String drivingDepartment(ItemFilter filter, Optional<String> ownDepartment) {
        if (filter.department() != null) {
            return filter.department();
        }
        return Boolean.TRUE.equals(filter.claimed()) ? ownDepartment.orElse(null) : null;
    }

    /** Appends the from clause and returns the conditions of the filters. */
    private static List<String> from(
            StringBuilder sql, ItemFilter filter, Optional<String> ownDepartment, Binder binder) {
        List<String> conditions = new ArrayList<>();
        String driving = drivingDepartment(filter, ownDepartment);
        if (driving == null) {
            sql.append("catalog_item i");
        } else {
            sql.append("item_claim d join catalog_item i on i.code = d.item_code");
            String department = filter.department() != null ? binder.bind(driving) : binder.own(driving);
            conditions.add("d.department_code = " + department + " and d.status = 'ACTIVE'");
        }
        if (filter.text() != null) {
            // ilike escapes with a backslash: the user's wildcards are literal (CatalogService.escapeLike).
            conditions.add("i.name ilike " + binder.bind("%" + CatalogService.escapeLike(filter.text()) + "%"));
        }
        if (filter.type() != null) {
            conditions.add("i.item_type = " + binder.bind(filter.type().name()));
        }
        if (filter.status() != null) {
            conditions.add("i.status = " + binder.bind(filter.status().name()));
        }
        if (filter.level() != null) {
            conditions.add("i.catalog_level = " + binder.bind(filter.level().name()));
        }
        if (filter.sector() != null) {
            conditions.add("i.sector_code = " + binder.bind(filter.sector()));
        }
        if (filter.parentCode() != null) {
            conditions.add("i.parent_code = " + binder.bind(filter.parentCode()));
        }
        if (filter.claimed() != null && !(filter.claimed() && filter.department() == null)) {
            // claimed=true drives unless a department filter does; claimed=false is always a condition.
            String own = ownDepartment.orElseThrow(
                    () -> new IllegalStateException("'claimed' needs the caller's department, checked before"));
            conditions.add((filter.claimed() ? "" : "not ") + CLAIMED_BY.formatted(binder.own(own)));
        }
        return conditions;
    }

    /** Numbers parameters in the order they are bound; the caller's department is bound once however often used. */
    private static final class Binder {
        private final List<Object> parameters = new ArrayList<>();
        private String own;

        String bind(Object value) {
            parameters.add(value);
            return "$" + parameters.size();
        }

        String own(String department) {
            if (own == null) {
                own = bind(department);
            }
            return own;
        }
    }
}
