package org.supervisionhub.item;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The statements of the catalog listing: which parameters they bind, and that bench/catalog's pgbench baseline sends
 * PostgreSQL the very text the hub prepares, so the benchmark compares the hub with its own SQL.
 */
class CatalogQueriesTest {

    private static final CatalogService.ItemFilter NO_FILTER =
            new CatalogService.ItemFilter(null, null, null, null, null, null, null, null);

    /** The last statement of a pgbench script, its variables replaced by the hub's parameter numbers. */
    private static String pgbenchStatement(String file, String... variables) throws IOException {
        List<String> lines = Files.readAllLines(Path.of("bench", "catalog", file));
        String statement = lines.get(lines.size() - 1);
        for (int i = 0; i < variables.length; i++) {
            statement = statement.replace(":" + variables[i], "$" + (i + 1));
        }
        return statement.substring(0, statement.length() - 1);
    }

    @Test
    void pgbenchRunsTheKeysetPageTheHubPrepares() throws IOException {
        CatalogQueries.Statement keyset =
                CatalogQueries.listing(NO_FILTER, Optional.of("450100_SAMR"), "45900000100000", 0, 20);

        assertThat(keyset.sql()).isEqualTo(pgbenchStatement("pgbench-keyset.sql", "dept", "after"));
        assertThat(keyset.parameters()).containsExactly("450100_SAMR", "45900000100000");
    }

    @Test
    void pgbenchRunsTheFirstPageTheHubPrepares() throws IOException {
        CatalogQueries.Statement first = CatalogQueries.listing(NO_FILTER, Optional.of("450100_SAMR"), null, 0, 20);

        assertThat(first.sql()).isEqualTo(pgbenchStatement("pgbench-first-page.sql", "dept"));
        assertThat(first.parameters()).containsExactly("450100_SAMR");
    }

    @Test
    void aDepartmentFilterDrivesFromItsClaimsAndTheCallersDepartmentIsBoundOnce() {
        CatalogService.ItemFilter filter = new CatalogService.ItemFilter(
                "食品", ItemType.INSPECTION, ItemStatus.IN_USE, null, "SAMR", null, false, "450200_SAMR");

        CatalogQueries.Statement page =
                CatalogQueries.listing(filter, Optional.of("450100_SAMR"), "45900000100000", 0, 50);

        assertThat(page.parameters())
                .containsExactly(
                        "450100_SAMR", "450200_SAMR", "%食品%", "INSPECTION", "IN_USE", "SAMR", "45900000100000");
        assertThat(page.sql())
                .startsWith("select p.*, exists (select 1 from item_claim c where c.item_code = p.code "
                        + "and c.department_code = $1 and c.status = 'ACTIVE') as claimed_by_me from (select ")
                .contains(" from item_claim d join catalog_item i on i.code = d.item_code "
                        + "where d.department_code = $2 and d.status = 'ACTIVE' and ")
                .contains("and not exists (select 1 from item_claim c where c.item_code = i.code "
                        + "and c.department_code = $1 and c.status = 'ACTIVE')")
                .endsWith("and d.item_code > $7 order by i.code limit 51) p order by p.code");
    }

    @Test
    void claimedTrueDrivesFromTheCallersOwnClaims() {
        CatalogService.ItemFilter filter =
                new CatalogService.ItemFilter(null, null, null, null, null, null, true, null);

        CatalogQueries.Statement page = CatalogQueries.listing(filter, Optional.of("450100_SAMR"), null, 0, 20);
        CatalogQueries.Statement count = CatalogQueries.count(filter, Optional.of("450100_SAMR"));

        assertThat(page.parameters()).containsExactly("450100_SAMR");
        assertThat(page.sql())
                .contains(" from item_claim d join catalog_item i on i.code = d.item_code "
                        + "where d.department_code = $1 and d.status = 'ACTIVE' order by i.code limit 21) p")
                .doesNotContain("and exists");
        assertThat(count.sql())
                .isEqualTo("select count(*) as total from item_claim d join catalog_item i on i.code = d.item_code "
                        + "where d.department_code = $1 and d.status = 'ACTIVE'");
    }

    @Test
    void thePageNumberFormSkipsRowsAndTheCountIgnoresNothingButTheCursor() {
        CatalogService.ItemFilter filter =
                new CatalogService.ItemFilter(null, null, ItemStatus.IN_USE, null, null, null, null, null);

        CatalogQueries.Statement third = CatalogQueries.listing(filter, Optional.empty(), null, 2, 20);
        CatalogQueries.Statement count = CatalogQueries.count(filter, Optional.empty());

        assertThat(third.sql()).doesNotContain("claimed_by_me").endsWith("order by i.code limit 21 offset $2");
        assertThat(third.parameters()).containsExactly("IN_USE", 40L);
        assertThat(count.sql()).isEqualTo("select count(*) as total from catalog_item i where i.status = $1");
    }
}
