-- Generates :count enforcement officers with one certificate each over the demo departments. The first
-- 200 get SSO accounts bench-officer-<n>, so the load script can issue their electronic credentials.
-- ID hashes are random 64-hex values: the bench never looks an officer up by ID number.
with departments as (select array_agg(code order by code) as codes from department),
     surnames as (select array['王','李','张','刘','陈','杨','黄','赵','吴','周','徐','孙','马','朱','胡','郭','何','林','罗','高',
                               '韦','覃','蒙','莫','陆','梁','谢','宋','唐','邓'] as s,
                         array['伟','芳','娜','敏','静','丽','强','磊','军','洋','勇','艳','杰','娟','涛','明','超','秀','霞','平',
                               '刚','桂','英','华','玲','宁','海','峰','波','辉'] as given)
insert into officer (name, id_number_hash, id_number_masked, department_code, account)
select n.s[1 + g % 30] || n.given[1 + (g / 30) % 30] || n.given[1 + (g / 900) % 30],
       md5('officer' || g) || md5('officer-b' || g),
       '450103********' || lpad((g % 1000)::text, 3, '0') || (g % 10)::text,
       d.codes[1 + g % array_length(d.codes, 1)],
       case when g <= 200 then 'bench-officer-' || g end
from generate_series(1, :count) as g, departments d, surnames n
on conflict do nothing;

insert into certificate (public_id, officer_id, issuer, cert_no, kind, valid_from, valid_to, status, department_code, version)
select gen_random_uuid(), o.id, 'GXZF', 'GX' || lpad(o.id::text, 10, '0'), 'PROVINCIAL',
       date '2023-01-01', date '2023-01-01' + (365 * (2 + o.id % 4))::int,
       case when o.id % 50 = 0 then 'SUSPENDED' when o.id % 73 = 0 then 'REVOKED' else 'VALID' end,
       o.department_code, 1
from officer o
where not exists (select 1 from certificate c where c.officer_id = o.id);

insert into certificate_category (certificate_id, category_code)
select c.id, ds.sector_code
from certificate c join department_sector ds on ds.department_code = c.department_code
on conflict do nothing;
analyze officer;
analyze certificate;
