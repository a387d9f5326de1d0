-- Known fixture for the test suite. Tests that change data create their own items; the STATSFIX sector
-- and region 4514xx (崇左) belong to the statistics test alone, so its expected figures are exact.

insert into region (code, name, parent_code, level) values
    ('450000', '广西壮族自治区', null, 'PROVINCE'),
    ('450100', '南宁市', '450000', 'PREFECTURE'),
    ('450103', '青秀区', '450100', 'COUNTY'),
    ('450200', '柳州市', '450000', 'PREFECTURE'),
    ('451400', '崇左市', '450000', 'PREFECTURE'),
    ('440000', '广东省', null, 'PROVINCE'),
    ('440100', '广州市', '440000', 'PREFECTURE')
on conflict do nothing;

insert into department (code, name, credit_code, region_code) values
    ('GX_SCJGJ', '广西壮族自治区市场监督管理局', '11450000MB0000019D', '450000'),
    ('NN_SCJGJ', '南宁市市场监督管理局', '11450100MB0000027D', '450100'),
    ('NN_STHJJ', '南宁市生态环境局', '11450100MB00000358', '450100'),
    ('LZ_SCJGJ', '柳州市市场监督管理局', '11450200MB00000438', '450200'),
    ('GZ_SCJGJ', '广州市市场监督管理局', '11440100MB0000051R', '440100'),
    ('NN_ZHZFJ', '南宁市综合行政执法局', '11450100MB000006XM', '450100'),
    ('CZ_STATS_A', '崇左市统计测试甲局', '11451400MB0000078H', '451400'),
    ('CZ_STATS_B', '崇左市统计测试乙局', '11451400MB0000086C', '451400')
on conflict do nothing;

insert into department_sector (department_code, sector_code) values
    ('GX_SCJGJ', 'SAMR'), ('NN_SCJGJ', 'SAMR'), ('NN_STHJJ', 'MEE'), ('LZ_SCJGJ', 'SAMR'), ('GZ_SCJGJ', 'SAMR'),
    ('NN_ZHZFJ', 'SAMR'), ('NN_ZHZFJ', 'MEE'), ('CZ_STATS_A', 'STATSFIX'), ('CZ_STATS_B', 'STATSFIX')
on conflict do nothing;

insert into catalog_item (code, name, parent_code, item_type, sector_code, catalog_level, status, catalog_version,
                          version, content_hash) values
    ('45990000010000', '统计测试主项', null, null, 'STATSFIX', 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64)),
    ('45990000010001', '统计测试检查一', '45990000010000', 'INSPECTION', 'STATSFIX', 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64)),
    ('45990000010002', '统计测试检查二', '45990000010000', 'INSPECTION', 'STATSFIX', 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64)),
    ('45990000010003', '统计测试处罚', '45990000010000', 'PENALTY', 'STATSFIX', 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64)),
    ('45990000010004', '统计测试其他', '45990000010000', 'OTHER', 'STATSFIX', 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64)),
    ('45990000010005', '统计测试已取消', '45990000010000', 'INSPECTION', 'STATSFIX', 'NATIONAL', 'CANCELLED', 'T-1', 1, repeat('0', 64)),
    ('45990000010006', '统计测试已暂停', '45990000010000', 'INSPECTION', 'STATSFIX', 'NATIONAL', 'SUSPENDED', 'T-1', 1, repeat('0', 64))
on conflict do nothing;

-- CZ_STATS_A: 3 of 4 in-use sub-items claimed, 1 of its 2 inspection items has a list; a released claim and
-- claims on cancelled/suspended items must not count. CZ_STATS_B: 1 of 4 claimed, no inspection item.
insert into item_claim (item_code, department_code, status, claimed_by, released_at, released_by, release_reason)
select * from (values
    ('45990000010001', 'CZ_STATS_A', 'ACTIVE', 'fixture', null::timestamptz, null, null),
    ('45990000010002', 'CZ_STATS_A', 'ACTIVE', 'fixture', null, null, null),
    ('45990000010003', 'CZ_STATS_A', 'ACTIVE', 'fixture', null, null, null),
    ('45990000010004', 'CZ_STATS_A', 'RELEASED', 'fixture', now(), 'fixture', 'fixture'),
    ('45990000010005', 'CZ_STATS_A', 'ACTIVE', 'fixture', null, null, null),
    ('45990000010006', 'CZ_STATS_A', 'ACTIVE', 'fixture', null, null, null),
    ('45990000010004', 'CZ_STATS_B', 'ACTIVE', 'fixture', null, null, null)) as fixture
where not exists (select 1 from item_claim where department_code like 'CZ_STATS_%');

insert into implementation_list (item_code, department_code, list_code, implementing_body_name,
                                 implementing_body_credit_code, exercise_level, supervised_object, check_form,
                                 random_inspection, sampling_proportion, check_content, updated_by) values
    ('45990000010001', 'CZ_STATS_A', '11451400MB0000078H345990000010001', '崇左市统计测试甲局', '11451400MB0000078H', 3,
     '测试对象', 'ON_SITE', true, 5.00, '测试检查内容', 'fixture'),
    ('45990000010005', 'CZ_STATS_A', '11451400MB0000078H345990000010005', '崇左市统计测试甲局', '11451400MB0000078H', 3,
     '测试对象', 'ON_SITE', false, null, '测试检查内容', 'fixture')
on conflict do nothing;

-- The effectiveness fixture (EFFFIX sector, region 451100 贺州), owned by stats.EffectivenessStatsTest alone:
-- HZ_EFF_A (a CITY department) claims four inspection sub-items and one penalty item; its lists: 01 complete and
-- accurate, 02 complete but with exercise level 2 (not a city's 3), 03 accurate but in 双随机 without a sampling
-- proportion and without frequency, 04 none. HZ_EFF_B claims 01; its list names a body whose credit code fails
-- GB 32100. Officers below.
insert into region (code, name, parent_code, level) values ('451100', '贺州市', '450000', 'PREFECTURE')
on conflict do nothing;

insert into department (code, name, credit_code, region_code, level) values
    ('HZ_EFF_A', '贺州市效能测试甲局', '11451100MB0001011D', '451100', 'CITY'),
    ('HZ_EFF_B', '贺州市效能测试乙局', '11451100MB0001020B', '451100', null)
on conflict do nothing;

insert into department_sector (department_code, sector_code) values ('HZ_EFF_A', 'EFFFIX'), ('HZ_EFF_B', 'EFFFIX')
on conflict do nothing;

insert into catalog_item (code, name, parent_code, item_type, sector_code, catalog_level, status, catalog_version,
                          version, content_hash) values
    ('45980000010000', '效能测试主项', null, null, 'EFFFIX', 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64)),
    ('45980000010001', '效能测试检查一', '45980000010000', 'INSPECTION', 'EFFFIX', 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64)),
    ('45980000010002', '效能测试检查二', '45980000010000', 'INSPECTION', 'EFFFIX', 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64)),
    ('45980000010003', '效能测试检查三', '45980000010000', 'INSPECTION', 'EFFFIX', 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64)),
    ('45980000010004', '效能测试检查四', '45980000010000', 'INSPECTION', 'EFFFIX', 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64)),
    ('45980000010005', '效能测试处罚', '45980000010000', 'PENALTY', 'EFFFIX', 'NATIONAL', 'IN_USE', 'T-1', 1, repeat('0', 64))
on conflict do nothing;

insert into item_claim (item_code, department_code, status, claimed_by)
select * from (values
    ('45980000010001', 'HZ_EFF_A', 'ACTIVE', 'fixture'),
    ('45980000010002', 'HZ_EFF_A', 'ACTIVE', 'fixture'),
    ('45980000010003', 'HZ_EFF_A', 'ACTIVE', 'fixture'),
    ('45980000010004', 'HZ_EFF_A', 'ACTIVE', 'fixture'),
    ('45980000010005', 'HZ_EFF_A', 'ACTIVE', 'fixture'),
    ('45980000010001', 'HZ_EFF_B', 'ACTIVE', 'fixture')) as fixture
where not exists (select 1 from item_claim where department_code like 'HZ_EFF_%');

insert into implementation_list (item_code, department_code, list_code, implementing_body_name,
                                 implementing_body_credit_code, exercise_level, supervised_object, check_form,
                                 random_inspection, sampling_proportion, frequency_times, frequency_period,
                                 check_content, updated_by) values
    ('45980000010001', 'HZ_EFF_A', '11451100MB0001011D345980000010001', '贺州市效能测试甲局', '11451100MB0001011D', 3,
     '测试对象', 'ON_SITE', true, 5.00, 1, 'YEAR', '测试检查内容', 'fixture'),
    ('45980000010002', 'HZ_EFF_A', '11451100MB0001011D245980000010002', '贺州市效能测试甲局', '11451100MB0001011D', 2,
     '测试对象', 'ON_SITE', false, null, 2, 'YEAR', '测试检查内容', 'fixture'),
    ('45980000010003', 'HZ_EFF_A', '11451100MB0001011D345980000010003', '贺州市效能测试甲局', '11451100MB0001011D', 3,
     '测试对象', 'OFF_SITE', true, null, null, null, '测试检查内容', 'fixture'),
    ('45980000010001', 'HZ_EFF_B', '11451100MB0001020C345980000010001', '贺州市效能测试乙局', '11451100MB0001020C', 3,
     '测试对象', 'ON_SITE', false, null, 1, 'QUARTER', '测试检查内容', 'fixture')
on conflict do nothing;

-- Officers (days in Asia/Shanghai, as the period's): A1 and A2 hold valid certificates (A2's ends today), A3's ended
-- yesterday, A4's is suspended, A5 has none; B1 is valid.
insert into officer (name, id_number_hash, id_number_masked, department_code)
select o.name, md5('hz-eff-' || o.name) || md5('hz-eff-b-' || o.name), '451100********0010', o.department
from (values ('效能甲一', 'HZ_EFF_A'), ('效能甲二', 'HZ_EFF_A'), ('效能甲三', 'HZ_EFF_A'), ('效能甲四', 'HZ_EFF_A'),
             ('效能甲五', 'HZ_EFF_A'), ('效能乙一', 'HZ_EFF_B')) as o(name, department)
on conflict do nothing;

insert into certificate (public_id, officer_id, issuer, cert_no, kind, valid_from, valid_to, status, department_code,
                         version)
select gen_random_uuid(), o.id, 'HZEFF', 'HZEFF' || c.no, 'PROVINCIAL', shanghai.today - 100, shanghai.today + c.days,
       c.status, o.department_code, 1
from (values ('效能甲一', '0001', 100, 'VALID'), ('效能甲二', '0002', 0, 'VALID'), ('效能甲三', '0003', -1, 'VALID'),
             ('效能甲四', '0004', 100, 'SUSPENDED'), ('效能乙一', '0005', 100, 'VALID')) as c(name, no, days, status)
join officer o on o.name = c.name and o.department_code like 'HZ_EFF_%'
cross join (select (now() at time zone 'Asia/Shanghai')::date as today) as shanghai
on conflict do nothing;

-- Cases sent down: A has an accepted one past its deadline, an assigned one not yet due, a closed one and a handled
-- one past their deadlines; B a received one past its deadline; one more in 贺州 is not routed to a department yet.
insert into national_case (kind, national_id, title, region_code, department_code, status, deadline, payload)
select c.kind, c.national_id, '效能测试案件', '451100', c.department, c.status, now() + c.due, '{}'::jsonb
from (values ('COMPLAINT', 'HZEFF-1', 'HZ_EFF_A', 'ACCEPTED', interval '-2 days'),
             ('TASK', 'HZEFF-2', 'HZ_EFF_A', 'ASSIGNED', interval '30 days'),
             ('COMPLAINT', 'HZEFF-3', 'HZ_EFF_A', 'CLOSED', interval '-5 days'),
             ('RISK_CLUE', 'HZEFF-4', 'HZ_EFF_A', 'FEEDBACK_SENT', interval '-5 days'),
             ('COMPLAINT', 'HZEFF-5', 'HZ_EFF_B', 'RECEIVED', interval '-1 days'),
             ('COMPLAINT', 'HZEFF-6', null, 'RECEIVED', interval '-3 days')) as c(kind, national_id, department, status, due)
on conflict do nothing;
