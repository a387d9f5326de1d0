-- Generates :count organisation subjects with valid credit codes, realistic Chinese names and Guangxi
-- regions, in one INSERT ... SELECT (no client round trips). Run with psql -v count=N.
-- Also fills bench_codes(n, credit_code): the codes the load scripts draw from.

create or replace function pg_temp.bench_credit_code(p_first17 text) returns text language plpgsql immutable as
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

create table if not exists bench_codes (n integer primary key, credit_code char(18) not null);

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
select pg_temp.bench_credit_code('91' || r.codes[1 + g % array_length(r.codes, 1)] || lpad(g::text, 9, '0')),
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
from generate_series(1, :count) as g, regions r, words w
on conflict do nothing;

insert into bench_codes (n, credit_code)
select row_number() over (order by id), credit_code from subject where credit_code is not null
on conflict do nothing;
analyze subject;
analyze bench_codes;
