-- The reference data the generated records point at: one department (Nanning, sector BENCH) with ten claimed
-- sub-items of each type and twenty officers holding valid certificates. Idempotent.
insert into region (code, name, parent_code, level) values ('450000', '广西壮族自治区', null, 'PROVINCE')
on conflict do nothing;
insert into region (code, name, parent_code, level) values ('450100', '南宁市', '450000', 'PREFECTURE')
on conflict do nothing;
insert into department (code, name, credit_code, region_code)
values ('BENCH_DEPT', '基准测试局', pg_temp.demo_credit_code('450100', 'bench-department'), '450100')
on conflict do nothing;
insert into department_sector (department_code, sector_code) values ('BENCH_DEPT', 'BENCH') on conflict do nothing;
insert into catalog_item (code, name, sector_code, catalog_level, status, catalog_version, version, content_hash)
values ('47990000000000', '基准测试主项', 'BENCH', 'PROVINCIAL', 'IN_USE', 'B-1', 1, repeat('0', 64))
on conflict do nothing;
insert into catalog_item (code, name, parent_code, item_type, sector_code, catalog_level, status, catalog_version,
                          version, content_hash)
select '479900000' || lpad((t.n * 10 + i)::text, 5, '0'), '基准测试子项 ' || t.type || ' ' || i, '47990000000000', t.type,
       'BENCH', 'PROVINCIAL', 'IN_USE', 'B-1', 1, repeat('0', 64)
from (values (1, 'INSPECTION'), (2, 'PENALTY'), (3, 'ENFORCEMENT'), (4, 'OTHER')) as t(n, type),
     generate_series(0, 9) as i
on conflict do nothing;
insert into item_claim (item_code, department_code, status, claimed_by)
select code, 'BENCH_DEPT', 'ACTIVE', 'bench' from catalog_item where parent_code = '47990000000000'
on conflict do nothing;
insert into officer (name, id_number_hash, id_number_masked, department_code)
select '基准执法员' || g, encode(sha256(('bench-officer-' || g)::bytea), 'hex'), '450103********0011', 'BENCH_DEPT'
from generate_series(1, 20) g
on conflict do nothing;
insert into certificate (public_id, officer_id, issuer, cert_no, kind, valid_from, valid_to, status, department_code,
                         version)
select gen_random_uuid(), o.id, 'BENCH', 'BENCH' || lpad(substr(o.name, 6), 7, '0'), 'PROVINCIAL',
       current_date - 3650, current_date + 3650, 'VALID', 'BENCH_DEPT', 1
from officer o where o.department_code = 'BENCH_DEPT'
on conflict do nothing;
insert into certificate_category (certificate_id, category_code)
select c.id, 'BENCH' from certificate c where c.issuer = 'BENCH'
on conflict do nothing;
select credit_code from department where code = 'BENCH_DEPT';
