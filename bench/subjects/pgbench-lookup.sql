-- Baseline: the statement the hub prepares for GET /api/v1/subjects/{creditCode} (SubjectQueries.BY_CREDIT_CODE, its
-- columns and the subject's sources), straight to PostgreSQL, the code drawn from bench_codes inside the statement
-- (one round trip, as the hub's).
\set n random(1, :codes)
select s.id, s.credit_code, s.id_number_masked, s.subject_type, s.name, s.region_code, s.registered_address,
       s.business_address, s.industry_code, s.legal_representative, s.status, s.credit_level, s.abnormal_listed,
       s.serious_illegal_listed, s.version, s.updated_at,
       array(select source from subject_source ss where ss.subject_id = s.id order by source) as sources
from subject s where s.credit_code = (select credit_code from bench_codes where n = :n);
