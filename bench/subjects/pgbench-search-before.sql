-- The name search as it was before V22 (SubjectQueries.SEARCH at 91b9312), for the before/after figure in
-- bench/results/subjects-search-*.md: ranks every candidate by similarity() and counts them all.
\set f random(1, :fragments)
select fragment as frag, '' as region from bench_fragments where n = :f \gset
select s.credit_code, s.name, s.subject_type, s.region_code, s.status,
       similarity(s.name, :frag) as score, count(*) over () as total
from subject s
where s.subject_type <> 'NATURAL_PERSON'
  and s.name_bigrams @> name_bigrams(:frag)
  and strpos(lower(normalize(s.name, NFKC)), lower(normalize(:frag, NFKC))) > 0
  and (:region::text is null or s.region_code like :region || '%')
order by score desc, length(s.name), s.credit_code
limit 20 offset 0;
