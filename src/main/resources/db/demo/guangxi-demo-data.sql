-- Demo data set, run by DemoData at start-up when hub.demo.data=true (the demo profile): Guangxi with its 14
-- cities, 42 autonomous-region departments and 168 city departments, ~2,500 catalog items, claims,
-- implementation lists at the rates Guangxi reports, subjects, officers and this year's supervision records.
-- Deterministic and idempotent (re-runs add nothing). Regions come with the hub (the national table); the demo
-- sectors, cities and departments are guangxi-demo-organisation.sql and DemoData (through the registry's service).

-- Catalog: per sector 12 main items; each main item has 4 to 7 sub-items of the four kinds.
create temporary table demo_main on commit drop as
select s.no as sector_no, s.code as sector, m.no as main_no,
       '45' || lpad(s.no::text, 3, '0') || lpad(m.no::text, 4, '0') || '00000' as code,
       s.objects[1 + (m.no - 1) % 4] as object,
       (array['生产经营活动', '许可条件保持情况', '安全管理制度落实情况', '质量安全', '从业人员资质', '经营行为'])[1 + (m.no - 1) % 6] as topic
from demo_sector s cross join generate_series(1, 12) as m(no);

insert into catalog_item (code, name, parent_code, item_type, sector_code, legal_basis, supervised_object, method,
                          catalog_level, status, effective_date, catalog_version, version, content_hash)
select code, '对' || object || topic || '的监督管理', null, null, sector,
       '《中华人民共和国行政许可法》及相关法律法规', object, '双随机抽查、重点检查',
       case when main_no <= 10 then 'NATIONAL' else 'PROVINCIAL' end, 'IN_USE', date '2021-01-01', '2024-V3', 1,
       md5(code) || md5(code)
from demo_main
on conflict do nothing;

insert into catalog_item (code, name, parent_code, item_type, sector_code, legal_basis, supervised_object, method,
                          catalog_level, status, effective_date, catalog_version, version, content_hash)
select left(m.code, 9) || lpad(sub.no::text, 5, '0'),
       '对' || m.object || m.topic || '的' ||
       case t.kind when 'INSPECTION' then '行政检查' when 'PENALTY' then '行政处罚'
                   when 'ENFORCEMENT' then '行政强制' else '其他监管' end ||
       case when sub.no > 4 then '（' || sub.no || '）' else '' end,
       m.code, t.kind, m.sector, '《中华人民共和国行政处罚法》第' || (10 + sub.no) || '条', m.object,
       case t.kind when 'INSPECTION' then '现场检查' else '依法处置' end,
       case when m.main_no <= 10 then 'NATIONAL' else 'PROVINCIAL' end,
       case when (m.sector_no + m.main_no + sub.no) % 97 = 0 then 'SUSPENDED' else 'IN_USE' end,
       date '2021-01-01', '2024-V3', 1, md5(m.code || sub.no) || md5(m.code || sub.no)
from demo_main m
cross join lateral generate_series(1, 4 + (m.sector_no + m.main_no) % 4) as sub(no)
cross join lateral (select (array['INSPECTION', 'PENALTY', 'ENFORCEMENT', 'INSPECTION', 'OTHER', 'PENALTY', 'INSPECTION'])[sub.no] as kind) t
on conflict do nothing;

insert into catalog_item_version (item_code, version, snapshot, change_reason, changed_by)
select code, 1, jsonb_build_object('name', name, 'parentCode', parent_code, 'itemType', item_type,
                                   'sectorCode', sector_code, 'status', status, 'catalogVersion', catalog_version),
       'demo catalog', 'demo-loader'
from catalog_item where code like '45%'
on conflict do nothing;

-- Claims: autonomous-region departments claim ~99.9% of their sub-items, city departments ~92%.
insert into item_claim (item_code, department_code, status, claimed_at, claimed_by)
select i.code, d.code, 'ACTIVE', timestamptz '2024-03-01 09:00+08' + (abs(hashtext(i.code || d.code)) % 200) * interval '1 day',
       'demo-loader'
from department d
join department_sector ds on ds.department_code = d.code
join catalog_item i on i.sector_code = ds.sector_code and i.parent_code is not null and i.status = 'IN_USE'
where abs(hashtext(i.code || d.code)) % 1000 < case when d.region_code = '450000' then 999 else 920 end
  and not exists (select 1 from item_claim c where c.item_code = i.code and c.department_code = d.code);

-- Check implementation lists for ~96% (region) / ~85% (cities) of claimed inspection items.
insert into implementation_list (item_code, department_code, list_code, implementing_body_name,
                                 implementing_body_credit_code, exercise_level, supervised_object, check_form,
                                 random_inspection, sampling_proportion, frequency_times, frequency_period,
                                 check_content, updated_by)
select i.code, d.code, d.credit_code || case when d.region_code = '450000' then '2' else '3' end || i.code,
       d.name, d.credit_code, case when d.region_code = '450000' then 2 else 3 end, i.supervised_object,
       case when abs(hashtext(i.code)) % 5 = 0 then 'OFF_SITE' else 'ON_SITE' end,
       abs(hashtext(d.code || i.code)) % 10 < 7,
       case when abs(hashtext(d.code || i.code)) % 10 < 7 then 3 + abs(hashtext(i.code)) % 8 else null end,
       1, 'YEAR', '检查' || i.supervised_object || '的许可条件、制度落实、台账记录和违法违规行为', 'demo-loader'
from item_claim c
join catalog_item i on i.code = c.item_code and i.item_type = 'INSPECTION'
join department d on d.code = c.department_code
where c.status = 'ACTIVE'
  and abs(hashtext('list' || i.code || d.code)) % 100 < case when d.region_code = '450000' then 96 else 85 end
on conflict do nothing;

-- Subjects and officers, so lookup, search, "who supervises" and credentials have something to show.
select pg_temp.demo_generate_subjects(20000);
select pg_temp.demo_generate_officers(2000, 'demo-officer-', 20);

-- Supervision records of this year for ~70% of the claimed in-use sub-items (1-3 each), so coverage, search and
-- supervision histories have something to show. Written straight into the table as if uploaded earlier and
-- already synchronised (no outbox events).
-- Each record takes its key first (V25: the key hands out the id); a key already there means the record is too.
with first_subject as (select min(id) as id from subject where credit_code is not null),
demo as (
select 'demo-data' as source_system, 'DEMO-' || c.id || '-' || n as source_record_id, i.item_type as kind,
       c.department_code, i.code as item_code, d.region_code,
       s.credit_code as subject_credit_code, act.day as act_date, act.day + interval '1 day 10 hours' as reported_at,
       i.item_type in ('INSPECTION', 'PENALTY') as disclosable,
       md5('demo' || c.id || '-' || n) || md5('demo-b' || c.id || '-' || n) as content_hash,
       jsonb_build_object('kind', i.item_type, 'sourceSystem', 'demo-data', 'sourceRecordId', 'DEMO-' || c.id || '-' || n,
                          'departmentCode', c.department_code, 'itemCode', i.code, 'regionCode', d.region_code,
                          'implementingBody', jsonb_build_object('name', d.name, 'creditCode', d.credit_code),
                          'subject', jsonb_build_object('type', 'ENTERPRISE', 'name', s.name, 'creditCode', s.credit_code),
                          'reportedAt', (act.day + interval '1 day 10 hours')::timestamptz, 'officers', '[]'::jsonb)
       || case i.item_type
              when 'INSPECTION' then jsonb_build_object('inspection', jsonb_build_object('actionName', i.name,
                  'actionNumber', 'JC-DEMO-' || c.id || '-' || n, 'form', 'ON_SITE', 'checkDate', act.day,
                  'resultCode', case when (c.id + n) % 9 = 0 then 'A' else '1' end))
              when 'PENALTY' then jsonb_build_object('penalty', jsonb_build_object('actionName', i.name, 'procedure', '02',
                  'filingDate', act.day - 20, 'decisionNumber', '桂演示罚〔2026〕' || c.id || n || '号', 'decisionDate', act.day,
                  'penaltyTypes', jsonb_build_array('01', '02'), 'fineAmount', 1000 + (c.id % 50) * 100))
              when 'ENFORCEMENT' then jsonb_build_object('enforcement', jsonb_build_object('category', 'MEASURE',
                  'measure', '03', 'decisionNumber', '桂演示强〔2026〕' || c.id || n || '号', 'startDate', act.day))
              else jsonb_build_object('other', jsonb_build_object('actionName', i.name,
                  'actionNumber', 'QT-DEMO-' || c.id || '-' || n, 'startDate', act.day))
          end as body
from item_claim c
join catalog_item i on i.code = c.item_code and i.item_type is not null and i.status = 'IN_USE'
join department d on d.code = c.department_code
cross join first_subject f
cross join lateral generate_series(1, 1 + c.id % 3) as n
cross join lateral (select current_date - ((c.id * 13 + n * 37) % 300)::int as day) as act
join subject s on s.id = f.id + (c.id * 7 + n) % 20000
where c.status = 'ACTIVE' and c.id % 10 < 7 and act.day >= date_trunc('year', current_date)),
keys as (
    insert into behaviour_record_key (department_code, source_system, source_record_id, act_date)
    select department_code, source_system, source_record_id, act_date from demo
    on conflict do nothing
    returning id, department_code, source_system, source_record_id)
insert into behaviour_record (id, source_system, source_record_id, kind, department_code, item_code, region_code,
                              subject_credit_code, act_date, reported_at, disclosable, content_hash, body)
select k.id, source_system, source_record_id, kind, department_code, item_code, region_code, subject_credit_code,
       act_date, reported_at, disclosable, content_hash, body
from demo join keys k using (department_code, source_system, source_record_id);
