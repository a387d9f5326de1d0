-- Loads :count organisation subjects with the demo generators (run in the same psql session after
-- src/main/resources/db/demo/generators.sql) and fills bench_codes(n, credit_code), the codes the load
-- scripts draw from.
select pg_temp.demo_generate_subjects(:count);

create table if not exists bench_codes (n integer primary key, credit_code char(18) not null);
insert into bench_codes (n, credit_code)
select row_number() over (order by id), credit_code from subject where credit_code is not null
on conflict do nothing;
analyze subject;
analyze bench_codes;
