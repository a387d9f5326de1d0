-- Behaviour records for the risk benchmark, straight into the tables (the load is not what is measured): :count
-- records over the subjects of bench_codes, for BENCH_DEPT, acts spread over the last year. The mix follows the
-- provinces' reports: mostly inspections, then complaints, penalties and enforcement. updated_at is now(), so each
-- record is a change the incremental pass must read.
-- Keys first (V25: they hand out the ids), then the records in their months.
with records as (
select 'BENCH-RISK' as source_system, 'R' || g as source_record_id,
       case when g % 20 < 12 then 'INSPECTION' when g % 20 < 16 then 'COMPLAINT'
            when g % 20 < 19 then 'PENALTY' else 'ENFORCEMENT' end as kind,
       'BENCH_DEPT' as department_code, null as item_code, '450100' as region_code, b.credit_code as subject_credit_code,
       current_date - (g % 365) as act_date, now() as reported_at, false as disclosable,
       md5(g::text) || md5('r' || g::text) as content_hash,
       jsonb_build_object('kind', 'BENCH', 'subject', jsonb_build_object('name', '基准主体', 'creditCode', b.credit_code))
           as body
from generate_series(1, :count) g
join bench_codes b on b.n = 1 + (hashint4(g) & 2147483647) % (select count(*) from bench_codes)),
keys as (
    insert into behaviour_record_key (department_code, source_system, source_record_id, act_date)
    select department_code, source_system, source_record_id, act_date from records
    returning id, source_record_id)
insert into behaviour_record (id, source_system, source_record_id, kind, department_code, item_code, region_code,
                              subject_credit_code, act_date, reported_at, disclosable, content_hash, body)
select k.id, r.source_system, r.source_record_id, r.kind, r.department_code, r.item_code, r.region_code,
       r.subject_credit_code, r.act_date, r.reported_at, r.disclosable, r.content_hash, r.body
from records r join keys k using (source_record_id);
-- Some of the library rated low or listed, as the credit platform would send them.
update subject set credit_level = case when id % 10 = 0 then 'D' when id % 10 = 1 then 'C' else credit_level end,
                   abnormal_listed = abnormal_listed or id % 50 = 0
where credit_code is not null;
analyze behaviour_record;
analyze subject;
