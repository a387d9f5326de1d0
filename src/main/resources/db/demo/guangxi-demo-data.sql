-- Demo data set, run by DemoData at start-up when hub.demo.data=true (the demo profile): Guangxi with its 14
-- cities, 42 autonomous-region departments and 168 city departments, ~2,500 catalog items, claims,
-- implementation lists at the rates Guangxi reports, subjects, officers and this year's supervision records.
-- Deterministic and idempotent (re-runs add nothing).

insert into region (code, name, parent_code, level) values ('450000', '广西壮族自治区', null, 'PROVINCE')
on conflict do nothing;
insert into region (code, name, parent_code, level)
select code, name, '450000', 'PREFECTURE'
from (values ('450100', '南宁市'), ('450200', '柳州市'), ('450300', '桂林市'), ('450400', '梧州市'),
             ('450500', '北海市'), ('450600', '防城港市'), ('450700', '钦州市'), ('450800', '贵港市'),
             ('450900', '玉林市'), ('451000', '百色市'), ('451100', '贺州市'), ('451200', '河池市'),
             ('451300', '来宾市'), ('451400', '崇左市')) as city(code, name)
on conflict do nothing;
insert into region (code, name, parent_code, level) values
    ('450102', '兴宁区', '450100', 'COUNTY'), ('450103', '青秀区', '450100', 'COUNTY'),
    ('450202', '城中区', '450200', 'COUNTY'), ('450302', '秀峰区', '450300', 'COUNTY')
on conflict do nothing;

create temporary table demo_sector (no int, code text, dept text, city_dept text, objects text[]) on commit drop;
insert into demo_sector values
 (1, 'SAMR', '市场监督管理局', '市场监督管理局', array['食品生产企业', '食品经营者', '特种设备使用单位', '工业产品生产企业']),
 (2, 'MEE', '生态环境厅', '生态环境局', array['排污单位', '危险废物经营单位', '建设项目', '辐射安全许可单位']),
 (3, 'MEM', '应急管理厅', '应急管理局', array['危险化学品生产企业', '非煤矿山企业', '烟花爆竹经营单位', '工贸企业']),
 (4, 'NHC', '卫生健康委员会', '卫生健康委员会', array['医疗机构', '公共场所经营者', '生活饮用水供水单位', '职业卫生技术服务机构']),
 (5, 'MOT', '交通运输厅', '交通运输局', array['道路运输经营者', '机动车维修经营者', '港口经营人', '公路建设项目']),
 (6, 'MOHURD', '住房和城乡建设厅', '住房和城乡建设局', array['建筑施工企业', '房地产开发企业', '物业服务企业', '燃气经营企业']),
 (7, 'MOE', '教育厅', '教育局', array['民办学校', '校外培训机构', '幼儿园', '中外合作办学机构']),
 (8, 'MCT', '文化和旅游厅', '文化广电和旅游局', array['旅行社', '娱乐场所', '互联网上网服务营业场所', 'A级旅游景区']),
 (9, 'MARA', '农业农村厅', '农业农村局', array['农药经营者', '兽药生产企业', '种子生产经营者', '饲料生产企业']),
 (10, 'MWR', '水利厅', '水利局', array['取水单位', '河道采砂单位', '水利工程建设项目', '生产建设项目水土保持']),
 (11, 'FORESTRY', '林业局', '林业局', array['林木采伐单位', '木材经营加工企业', '野生动物驯养繁殖单位', '林草种苗生产经营者']),
 (12, 'MNR', '自然资源厅', '自然资源局', array['采矿权人', '测绘资质单位', '土地使用权人', '地质勘查单位']),
 (13, 'MPS', '公安厅', '公安局', array['旅馆业', '典当行', '保安服务公司', '机动车修理业']),
 (14, 'MCA', '民政厅', '民政局', array['社会组织', '养老机构', '殡葬服务单位', '儿童福利机构']),
 (15, 'MOHRSS', '人力资源和社会保障厅', '人力资源和社会保障局', array['用人单位', '人力资源服务机构', '职业技能培训机构', '社会保险经办机构']),
 (16, 'MOF', '财政厅', '财政局', array['会计师事务所', '代理记账机构', '资产评估机构', '政府采购代理机构']),
 (17, 'NMPA', '药品监督管理局', '市场监督管理局', array['药品生产企业', '药品经营企业', '医疗器械生产企业', '化妆品生产企业']),
 (18, 'SPORT', '体育局', '体育局', array['高危险性体育项目经营者', '体育彩票销售网点', '健身场所', '体育赛事活动']),
 (19, 'GRAIN', '粮食和物资储备局', '发展和改革委员会', array['粮食收购企业', '粮食储存企业', '政策性粮食', '地方储备粮承储企业']),
 (20, 'MIIT', '工业和信息化厅', '工业和信息化局', array['民用爆炸物品生产企业', '监控化学品生产企业', '无线电台站', '重点用能单位']),
 (21, 'MOFCOM', '商务厅', '商务局', array['成品油经营企业', '单用途商业预付卡发卡企业', '报废机动车回收企业', '对外劳务合作企业']),
 (22, 'NEA', '能源局', '发展和改革委员会', array['电力企业', '油气管道企业', '煤炭经营企业', '充电设施运营企业']),
 (23, 'CIVIL_DEFENSE', '人民防空办公室', '人民防空办公室', array['人防工程建设单位', '人防工程使用单位', '防护设备生产企业', '人防工程监理单位']),
 (24, 'RELICS', '文物局', '文化广电和旅游局', array['文物保护单位', '文物商店', '文物拍卖企业', '博物馆']),
 (25, 'RADIO_TV', '广播电视局', '文化广电和旅游局', array['广播电视播出机构', '卫星地面接收设施安装单位', '网络视听节目服务单位', '有线电视网络单位']),
 (26, 'PRESS', '新闻出版局', '新闻出版局', array['出版物发行单位', '印刷企业', '复制单位', '出版单位']),
 (27, 'JUSTICE', '司法厅', '司法局', array['律师事务所', '公证机构', '司法鉴定机构', '基层法律服务所']),
 (28, 'STATS', '统计局', '统计局', array['统计调查对象', '规模以上工业企业', '重点服务业企业', '涉外调查机构']),
 (29, 'NHSA', '医疗保障局', '医疗保障局', array['定点医疗机构', '定点零售药店', '参保单位', '医保经办机构']),
 (30, 'VETERANS', '退役军人事务厅', '退役军人事务局', array['光荣院', '优抚医院', '军供站', '退役军人服务站']),
 (31, 'SEISMIC', '地震局', '地震局', array['重大建设工程', '地震监测设施', '地震安全性评价单位', '强震动观测设施']),
 (32, 'WEATHER', '气象局', '气象局', array['防雷装置检测单位', '施放气球单位', '气象信息服务单位', '气象设施']),
 (33, 'TOBACCO', '烟草专卖局', '烟草专卖局', array['烟草制品零售商', '烟草专用机械', '卷烟批发企业', '电子烟经营者']),
 (34, 'POSTAL', '邮政管理局', '邮政管理局', array['快递企业', '邮政企业', '快递末端网点', '寄递安全']),
 (35, 'TELECOM', '通信管理局', '通信管理局', array['电信业务经营者', '互联网信息服务提供者', '通信建设工程', '网络安全']),
 (36, 'FIRE', '消防救援总队', '消防救援支队', array['公众聚集场所', '消防技术服务机构', '消防产品', '人员密集场所']),
 (37, 'ETHNIC', '民族宗教事务委员会', '民族宗教事务局', array['宗教活动场所', '宗教院校', '清真食品经营者', '宗教团体']),
 (38, 'MARITIME', '海事局', '海事局', array['船舶', '船员培训机构', '航运公司', '水上水下作业']),
 (39, 'DRC', '发展和改革委员会', '发展和改革委员会', array['政府投资项目', '企业投资项目', '价格行为', '招标投标活动']),
 (40, 'MOST', '科学技术厅', '科学技术局', array['科研项目承担单位', '高新技术企业', '实验动物使用单位', '人类遗传资源']),
 (41, 'AUDIT', '审计厅', '审计局', array['被审计单位', '内部审计机构', '社会审计机构', '审计整改']),
 (42, 'LAND_RECLAIM', '农垦局', '农垦局', array['农垦企业', '垦区农产品', '垦区土地', '垦区安全生产']);

create temporary table demo_city (code text, name text) on commit drop;
insert into demo_city select code, name from region where level = 'PREFECTURE' and code like '45%';

-- Autonomous-region departments: one per sector.
insert into department (code, name, credit_code, region_code)
select 'GX_' || s.code, '广西壮族自治区' || s.dept, pg_temp.demo_credit_code('450000', 'GX_' || s.code), '450000'
from demo_sector s
on conflict do nothing;
insert into department_sector (department_code, sector_code)
select 'GX_' || s.code, s.code from demo_sector s
on conflict do nothing;

-- City departments for the twelve busiest lines.
insert into department (code, name, credit_code, region_code)
select c.code || '_' || s.code, c.name || s.city_dept, pg_temp.demo_credit_code(c.code, c.code || s.code), c.code
from demo_city c cross join demo_sector s
where s.no <= 12
on conflict do nothing;
insert into department_sector (department_code, sector_code)
select c.code || '_' || s.code, s.code from demo_city c cross join demo_sector s where s.no <= 12
on conflict do nothing;

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
with first_subject as (select min(id) as id from subject where credit_code is not null)
insert into behaviour_record (source_system, source_record_id, kind, department_code, item_code, region_code,
                              subject_credit_code, act_date, reported_at, disclosable, content_hash, body)
select 'demo-data', 'DEMO-' || c.id || '-' || n, i.item_type, c.department_code, i.code, d.region_code,
       s.credit_code, act.day, act.day + interval '1 day 10 hours', i.item_type in ('INSPECTION', 'PENALTY'),
       md5('demo' || c.id || '-' || n) || md5('demo-b' || c.id || '-' || n),
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
          end
from item_claim c
join catalog_item i on i.code = c.item_code and i.item_type is not null and i.status = 'IN_USE'
join department d on d.code = c.department_code
cross join first_subject f
cross join lateral generate_series(1, 1 + c.id % 3) as n
cross join lateral (select current_date - ((c.id * 13 + n * 37) % 300)::int as day) as act
join subject s on s.id = f.id + (c.id * 7 + n) % 20000
where c.status = 'ACTIVE' and c.id % 10 < 7 and act.day >= date_trunc('year', current_date)
on conflict do nothing;
