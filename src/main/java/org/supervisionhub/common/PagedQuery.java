package org.supervisionhub.common;

import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.RowSet;
import io.vertx.mutiny.sqlclient.Tuple;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * One page of a list read straight from PostgreSQL: the page's rows and the total, from two prepared statements that
 * share their filter arguments. The list statement takes the filter arguments followed by {@code limit} and
 * {@code offset} (its last two placeholders); the count statement takes the filter arguments only. Reads run outside
 * any transaction, so the two statements may use two pooled connections at once.
 */
public final class PagedQuery {

    private PagedQuery() {}

    public static <T> Uni<Page<T>> fetch(
            Pool pool,
            String listSql,
            String countSql,
            Object[] filterArguments,
            PageRequest paging,
            Function<Row, T> mapper) {
        Tuple listArguments = Tuple.from(Arrays.asList(filterArguments))
                .addInteger(paging.size)
                .addLong((long) paging.page * paging.size);
        Uni<RowSet<Row>> rows = pool.preparedQuery(listSql).execute(listArguments);
        Uni<Long> total = pool.preparedQuery(countSql)
                .execute(Tuple.from(filterArguments))
                .map(counted -> counted.iterator().next().getLong(0));
        return Uni.combine().all().unis(rows, total).asTuple().map(both -> {
            List<T> items = new ArrayList<>();
            both.getItem1().forEach(row -> items.add(mapper.apply(row)));
            return new Page<>(items, paging.page, paging.size, both.getItem2());
        });
    }
}
