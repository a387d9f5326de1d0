-- A keyset page as the hub runs it for GET /api/v1/items?after=…&size=20 by a department caller: CatalogQueries'
-- statement word for word (CatalogQueriesTest keeps them equal), $1 = :dept, $2 = :after, bound by pgbench -M prepared.
-- The starting code is drawn first by primary key (\gset: one round trip the hub does not make).
\set n random(1, :codes)
select code as after from bench_item_codes where n = :n \gset
select p.*, exists (select 1 from item_claim c where c.item_code = p.code and c.department_code = :dept and c.status = 'ACTIVE') as claimed_by_me from (select i.code, i.name, i.parent_code, i.item_type, i.sector_code, i.legal_basis, i.supervised_object, i.method, i.catalog_level, i.status, i.effective_date, i.cancel_date, i.catalog_version, i.version, i.updated_at from catalog_item i where i.code > :after order by i.code limit 21) p order by p.code;
