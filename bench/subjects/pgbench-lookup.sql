-- Baseline: the same indexed lookup the hub does for GET /api/v1/subjects/{creditCode}, straight to PostgreSQL.
\set n random(1, :codes)
select s.* from subject s where s.credit_code = (select credit_code from bench_codes where n = :n);
