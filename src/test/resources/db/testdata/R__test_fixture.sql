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
