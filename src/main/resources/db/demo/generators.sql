-- Session-local generators of realistic demo data, shared by the demo profile (DemoData runs this file
-- before guangxi-demo-data.sql on the same connection) and the benchmarks (bench/subjects/run.sh runs it
-- in the same psql session as its own script). Deterministic and idempotent: re-running adds nothing.

create or replace function pg_temp.demo_credit_code(p_region text, p_seed text) returns text
    language plpgsql immutable as
$$
declare
    alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
    weights  constant int[] := array [3, 7, 9, 10, 5, 8, 4, 2];
    body     text := upper(substr(md5(p_seed), 1, 8));
    total    int := 0;
    check_value int;
    code17   text;
    ch       text;
begin
    for i in 1..8 loop
        ch := substr(body, i, 1);
        total := total + (case when ch ~ '[0-9]' then ch::int else ascii(ch) - 55 end) * weights[i];
    end loop;
    check_value := 11 - total % 11;
    code17 := '11' || p_region || body || case check_value when 10 then 'X' when 11 then '0' else check_value::text end;
    total := 0;
    for i in 1..17 loop
        total := total + (strpos(alphabet, substr(code17, i, 1)) - 1) * (power(3, i - 1)::bigint % 31)::int;
    end loop;
    check_value := (31 - total % 31) % 31;
    return code17 || substr(alphabet, check_value + 1, 1);
end
$$;

-- The GB 32100 check character appended to 17 characters.
create or replace function pg_temp.demo_check_character(p_first17 text) returns text language plpgsql immutable as
$$
declare
    alphabet constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY';
    total int := 0;
begin
    for i in 1..17 loop
        total := total + (strpos(alphabet, substr(p_first17, i, 1)) - 1) * (power(3, i - 1)::bigint % 31)::int;
    end loop;
    return p_first17 || substr(alphabet, (31 - total % 31) % 31 + 1, 1);
end
$$;

-- p_count organisation subjects with valid credit codes, Chinese names and Guangxi regions.
create or replace function pg_temp.demo_generate_subjects(p_count integer) returns void language sql as
$body$
with regions as (
    select array['450102','450103','450105','450107','450108','450202','450203','450204','450205','450302','450303',
                 '450304','450305','450311','450403','450405','450502','450503','450602','450603','450702','450703',
                 '450802','450803','450902','450903','451002','451102','451202','451302','451402'] as codes),
words as (
    select array['南宁','柳州','桂林','梧州','北海','防城港','钦州','贵港','玉林','百色','贺州','河池','来宾','崇左','广西'] as cities,
           array['恒','盛','鑫','华','泰','兴','隆','达','源','祥','瑞','丰','宏','昌','福','康','嘉','和','信','安',
                 '顺','通','利','发','金','银','宝','龙','凤','东','南','西','北','中','新','绿','蓝','青','山','海',
                 '江','湖','桂','壮','邕','漓','八','桂','星','辰'] as syllables,
           array['科技','食品','建筑工程','物流','贸易','农业开发','医药','餐饮管理','电子商务','机械制造','环保科技',
                 '文化传媒','旅游开发','房地产开发','化工','建材','服装','家具','汽车服务','信息技术'] as trades,
           array['有限公司','有限责任公司','股份有限公司','经营部','农民专业合作社','商行'] as suffixes,
           array['C1310','C1371','E4790','G5430','F5191','A0141','C2710','H6210','I6510','C3419','N7724','R8710',
                 'L7291','K7010','C2614','C3021','C1810','C2110','O8111','I6420'] as industries)
insert into subject (credit_code, subject_type, name, region_code, registered_address, industry_code, legal_representative,
                     status, credit_level, abnormal_listed, serious_illegal_listed)
select pg_temp.demo_check_character('91' || r.codes[1 + g % array_length(r.codes, 1)] || lpad(g::text, 9, '0')),
       case when w.suffixes[1 + (g / 7) % 6] = '农民专业合作社' then 'FARMER_COOPERATIVE'
            when w.suffixes[1 + (g / 7) % 6] in ('经营部', '商行') then 'INDIVIDUAL_BUSINESS' else 'ENTERPRISE' end,
       w.cities[1 + (g / 3) % 15] || w.syllables[1 + (g * 7) % 50] || w.syllables[1 + (g / 50) % 50]
           || w.trades[1 + (g / 11) % 20] || w.suffixes[1 + (g / 7) % 6],
       r.codes[1 + g % array_length(r.codes, 1)],
       w.cities[1 + (g / 3) % 15] || '市' || w.syllables[1 + g % 50] || '路' || (1 + g % 300) || '号',
       w.industries[1 + (g / 13) % 20],
       '法人' || (g % 9973),
       case when g % 50 = 0 then 'CANCELLED' when g % 97 = 0 then 'REVOKED' else 'ACTIVE' end,
       (array['A','A','B','B','B','C','D'])[1 + g % 7],
       g % 40 = 0, g % 997 = 0
from generate_series(1, p_count) as g, regions r, words w
on conflict do nothing;
$body$;

-- p_count officers with one certificate each over the existing departments; officers 1..p_accounts get
-- SSO accounts <p_account_prefix><n> so they can show electronic credentials. ID hashes are random
-- 64-hex values: demo officers are never looked up by ID number. Certificates run from today's
-- point of view: most are valid, every 29th has expired, every 50th is suspended, every 73rd revoked.
create or replace function pg_temp.demo_generate_officers(p_count integer, p_account_prefix text, p_accounts integer)
    returns void language sql as
$body$
with departments as (select array_agg(code order by code) as codes from department),
     surnames as (select array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','林','罗','高',
                               '韦','覃','蒙','莫','陆','梁','谢','宋','唐','邓'] as s,
                         array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平',
                               '刚','桂','英','华','玲','宁','海','峰','波','辉'] as given)
insert into officer (name, id_number_hash, id_number_masked, department_code, account)
select n.s[1 + g % 30] || n.given[1 + (g / 30) % 30] || n.given[1 + (g / 900) % 30],
       md5(p_account_prefix || 'officer' || g) || md5(p_account_prefix || 'officer-b' || g),
       '450103********' || lpad((g % 1000)::text, 3, '0') || (g % 10)::text,
       d.codes[1 + g % array_length(d.codes, 1)],
       case when g <= p_accounts then p_account_prefix || g end
from generate_series(1, p_count) as g, departments d, surnames n
on conflict do nothing;

insert into certificate (public_id, officer_id, issuer, cert_no, kind, valid_from, valid_to, status, department_code, version)
select gen_random_uuid(), o.id, 'GXZF', 'GX' || lpad(o.id::text, 10, '0'), 'PROVINCIAL',
       -- From at least yesterday: an expired certificate (valid_to = yesterday) then never ends before it begins,
       -- which the table's check refuses (it did for every 26,100th officer, a multiple of both 29 and 900).
       current_date - 1 - (o.id % 900)::int,
       case when o.id % 29 = 0 then current_date - 1 else current_date + (365 * (3 + o.id % 3) - o.id % 900)::int end,
       case when o.id % 50 = 0 then 'SUSPENDED' when o.id % 73 = 0 then 'REVOKED' else 'VALID' end,
       o.department_code, 1
from officer o
where not exists (select 1 from certificate c where c.officer_id = o.id);

insert into certificate_category (certificate_id, category_code)
select c.id, ds.sector_code
from certificate c join department_sector ds on ds.department_code = c.department_code
on conflict do nothing;
$body$;
