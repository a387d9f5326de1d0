-- The tables the load scripts draw from, rebuilt on every run: every catalog code with its cursor (as the hub encodes
-- it, CatalogCursor: base64url of the code, no padding) and sector, numbered for pgbench's draw by primary key.
\set ON_ERROR_STOP on
drop table if exists bench_item_codes;
create table bench_item_codes (n integer primary key, code char(14) not null, cursor text not null, sector text not null);
insert into bench_item_codes (n, code, cursor, sector)
select row_number() over (order by code), code,
       translate(rtrim(encode(convert_to(code, 'UTF8'), 'base64'), '='), '+/', '-_'), sector_code
from catalog_item;
analyze bench_item_codes;
