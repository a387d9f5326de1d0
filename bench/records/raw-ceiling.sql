-- The raw ceiling: the same number of rows, of the same shape and size, written straight into the same tables
-- (behaviour_record and its outbox event) by one INSERT ... SELECT, with no validation and no round trips.
\timing on
with written as (
    insert into behaviour_record (source_system, source_record_id, kind, department_code, item_code, region_code,
                                  subject_credit_code, act_date, reported_at, disclosable, content_hash, body)
    select 'BENCH-RAW', 'R' || lpad(g::text, 9, '0'), 'INSPECTION', 'BENCH_DEPT', '479900000000' || (10 + g % 10),
           '450100', '91450100' || lpad(g::text, 10, '0'), current_date - 1 - g % 300, now(), true,
           encode(sha256(g::text::bytea), 'hex'),
           jsonb_build_object(
               'kind', 'INSPECTION', 'sourceSystem', 'BENCH-RAW', 'sourceRecordId', 'R' || lpad(g::text, 9, '0'),
               'departmentCode', 'BENCH_DEPT', 'itemCode', '479900000000' || (10 + g % 10),
               'implementationListCode', '11450100MB0000000X3479900000000' || (10 + g % 10),
               'implementingBody', jsonb_build_object('name', '基准测试局', 'creditCode', '11450100MB0000000X'),
               'subject', jsonb_build_object('type', 'ENTERPRISE', 'name', '南宁市基准测试商贸有限公司' || g % 50000,
                                             'creditCode', '91450100' || lpad(g::text, 10, '0')),
               'regionCode', '450100',
               'officers', jsonb_build_array(
                   jsonb_build_object('name', '基准执法员', 'issuer', 'BENCH', 'certNo', 'BENCH' || lpad((1 + g % 20)::text, 7, '0')),
                   jsonb_build_object('name', '基准执法员', 'issuer', 'BENCH', 'certNo', 'BENCH' || lpad((1 + (g + 1) % 20)::text, 7, '0'))),
               'reportedAt', now(), 'reporter', '基准上报员',
               'inspection', jsonb_build_object('randomPlanId', 'PLAN-' || g % 97, 'actionName', '日常监督检查',
                   'actionNumber', 'JC' || lpad(g::text, 9, '0'), 'form', 'ON_SITE', 'checkDate', current_date - 1 - g % 300,
                   'resultCode', '1', 'resultDescription', '现场检查未发现明显问题，已告知经营者落实主体责任'))
    from generate_series(:from, :to) as g
    returning id, version, kind, department_code, body)
insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)
select 'national', 'record', id::text, 'record.created',
       jsonb_build_object('recordId', id, 'version', version, 'operation', 'INSERT', 'kind', kind,
                          'departmentCode', department_code, 'record', body)
from written;
