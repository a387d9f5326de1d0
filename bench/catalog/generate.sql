-- Loads catalog items up to :count (main items with 9 sub-items each) in a few set-based statements, then claims for
-- the bench caller's department (:dept) and the tables the load scripts draw from. Run by bench/catalog/run.sh on its
-- own database after the demo data set.
-- Codes: 14 digits (the data standard), 459 + main item number (6 digits) + sub-item number (5 digits, 00000 for the
-- main item): outside the demo catalog's 450xx codes. Sectors are the demo's, each owning one contiguous range of
-- main items, as real codes group a ministry line's items; statuses, types and levels spread as in the demo catalog.
\set ON_ERROR_STOP on
create temporary table bench_sector as
select row_number() over (order by sector_code) as no, sector_code
from (select distinct sector_code from department_sector) s;

create temporary table bench_main as
select g, '459' || lpad(g::text, 6, '0') || '00000' as code,
       (select sector_code from bench_sector
        where no = 1 + (g - 1) * (select count(*) from bench_sector) / ceil(:count / 10.0)::int) as sector,
       (array['食品生产企业', '特种设备使用单位', '排污单位', '医疗机构', '道路运输经营者', '建筑施工企业',
              '民办学校', '旅馆业', '危险化学品生产企业', '药品经营企业'])[1 + g % 10] as object,
       (array['生产经营活动', '许可条件保持情况', '安全管理制度落实情况', '质量安全', '从业人员资质', '经营行为'])[1 + g % 6] as topic,
       case when g % 10 < 2 then 'NATIONAL' when g % 10 < 5 then 'PROVINCIAL' when g % 10 < 8 then 'CITY' else 'COUNTY' end
           as level
from generate_series(1, ceil(:count / 10.0)::int) g;

insert into catalog_item (code, name, parent_code, item_type, sector_code, legal_basis, supervised_object, method,
                          catalog_level, status, effective_date, catalog_version, version, content_hash)
select code, '对' || object || topic || '的监督管理（' || g || '）', null, null, sector,
       '《中华人民共和国行政许可法》及相关法律法规', object, '双随机抽查、重点检查', level, 'IN_USE', date '2021-01-01',
       '2024-V3', 1, md5(code) || md5(code)
from bench_main
on conflict do nothing;

insert into catalog_item (code, name, parent_code, item_type, sector_code, legal_basis, supervised_object, method,
                          catalog_level, status, effective_date, catalog_version, version, content_hash)
select left(m.code, 9) || lpad(sub::text, 5, '0'),
       '对' || m.object || m.topic || '的' ||
       (array['行政检查', '行政检查', '行政检查', '行政处罚', '行政处罚', '行政强制', '其他监管', '行政检查', '行政处罚'])[sub]
       || '（' || m.g || '-' || sub || '）',
       m.code,
       (array['INSPECTION', 'INSPECTION', 'INSPECTION', 'PENALTY', 'PENALTY', 'ENFORCEMENT', 'OTHER', 'INSPECTION',
              'PENALTY'])[sub],
       m.sector, '《中华人民共和国行政处罚法》第' || (10 + sub) || '条', m.object,
       case when sub <= 3 then '现场检查' else '依法处置' end, m.level,
       case when (m.g * 7 + sub * 13) % 100 = 0 then 'CANCELLED'
            when (m.g * 7 + sub * 13) % 100 < 3 then 'SUSPENDED' else 'IN_USE' end,
       date '2021-01-01', '2024-V3', 1, md5(m.code || sub) || md5(m.code || sub)
from bench_main m cross join generate_series(1, 9) sub
where m.g * 10 - 10 + 1 + sub <= :count
on conflict do nothing;

-- The caller's department claims nine in ten in-use sub-items of its sectors (the claim rate provinces report).
insert into item_claim (item_code, department_code, status, claimed_by)
select i.code, :'dept', 'ACTIVE', 'bench-loader'
from catalog_item i
join department_sector ds on ds.department_code = :'dept' and ds.sector_code = i.sector_code
where i.code like '459%' and i.parent_code is not null and i.status = 'IN_USE' and abs(hashtext(i.code)) % 10 <> 0
on conflict do nothing;

analyze catalog_item;
analyze item_claim;
