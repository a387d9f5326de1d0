-- Keyset pages of the catalog listing (CatalogQueries): a page is "the next 20 codes after the cursor" among the
-- matches, read from an index in code order and stopped at the limit, however deep the walk. The primary key serves
-- the unfiltered catalog and filters most items pass (type, level, status in use). These serve the two filters that
-- select a small part of the ~460,000 items, which in code order would otherwise mean reading most of the table to
-- fill a page (EXPLAIN at 460,000 items: 350-470 ms a page before, under 5 ms after; bench/catalog/run.sh prints
-- the plans): a sector's items (its codes form a range, so a scan of the primary key filtering by sector skips every other
-- sector's), alone or with a status, claimed=false and text;
create index catalog_item_sector_code_idx on catalog_item (sector_code, code);

-- and a department's active claims in code order (claimed=true, department=), from which the listing goes to the
-- items. It supersedes the index on department_code alone, its prefix.
create index item_claim_department_item_idx on item_claim (department_code, item_code) where status = 'ACTIVE';
drop index item_claim_department_idx;
