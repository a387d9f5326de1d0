-- Name search (GET /api/v1/subjects?name=): $1 the text, $2 a region prefix ('' for all), $3 how many hits
-- each tier may return (page * size + size + 1), $4 the text's bigrams that are common in names (left out of the
-- GIN lookup unless all are: reading a posting list of 100,000 names to confirm 科技 costs more than the strpos
-- that confirms it on the few rows the rarer bigrams select). Tier 0 is the exact name, tier 1 names that start with the
-- text (both from subject_name_key_idx in code-point order), tier 2 names that contain it further in (from
-- the bigram GIN index, in storage order), read only when the first two tiers do not fill the request.
-- bench/subjects/run.sh runs this file through pgbench as the baseline of the search: keep it one statement.
with prefixed as (
    select row_number() over (order by lower(normalize(s.name, NFKC)) using ~<~) as ord,
           s.credit_code, s.name, s.subject_type, s.region_code, s.status,
           lower(normalize(s.name, NFKC)) = lower(normalize($1, NFKC)) as exact,
           length(lower(normalize(s.name, NFKC))) as name_length
    from subject s
    where lower(normalize(s.name, NFKC)) ~>=~ lower(normalize($1, NFKC))
      and lower(normalize(s.name, NFKC)) ~<~ (lower(normalize($1, NFKC)) || U&'\+10FFFF')
      and s.subject_type <> 'NATURAL_PERSON'
      and s.region_code like $2 || '%'
    order by lower(normalize(s.name, NFKC)) using ~<~
    limit $3),
contained as (
    select row_number() over () as ord, s.credit_code, s.name, s.subject_type, s.region_code, s.status,
           false as exact, length(lower(normalize(s.name, NFKC))) as name_length
    from subject s
    where s.name_bigrams @> coalesce(
              (select array_agg(b) from unnest(name_bigrams($1)) b where b <> all ($4::text[])), name_bigrams($1))
      and strpos(lower(normalize(s.name, NFKC)), lower(normalize($1, NFKC))) > 1
      and s.subject_type <> 'NATURAL_PERSON'
      and s.region_code like $2 || '%'
      and (select count(*) from prefixed) < $3
    limit $3)
select case when exact then 0 else 1 end as tier, ord, credit_code, name, subject_type, region_code, status, name_length
from prefixed
union all
select 2, ord, credit_code, name, subject_type, region_code, status, name_length
from contained
order by tier, ord
