-- Name search as a top-k in tiers (issue 16): exact and prefix matches come from an ordered btree over the
-- normalised name, mid-name fragments from the bigram GIN index (V3), each tier cut by LIMIT, so a search
-- reads about as many rows as it returns instead of counting and ranking every candidate.

-- The normalised name (the same normalisation as name_bigrams) in code-point order: a prefix is a range,
-- exact matches first, and the columns a hit shows ride along so the tier is an index-only scan.
create index subject_name_key_idx on subject (lower(normalize(name, NFKC)) text_pattern_ops)
    include (credit_code, name, subject_type, region_code, status)
    where subject_type <> 'NATURAL_PERSON';

-- With fastupdate, new names wait in the GIN pending list until a vacuum merges them, and every search
-- scans that whole list (after loading 1M subjects: 293 pages, 10,826 names, ~15-45 ms per search).
-- Without it each insert updates the index directly: a few more page writes per subject, none per search.
alter index subject_name_bigrams_idx set (fastupdate = off);
select gin_clean_pending_list('subject_name_bigrams_idx'::regclass);

-- The search itself: $1 the text, $2 a region prefix ('' for all), $3 how many hits each tier may return
-- (page * size + size + 1), $4 the text's bigrams that are common in names (left out of the GIN lookup unless all
-- are: reading a posting list of 100,000 names to confirm 科技 costs more than the strpos that confirms it on the
-- few rows the rarer bigrams select). Tier 0 is the exact name, tier 1 names that start with the text (both from
-- subject_name_key_idx in code-point order), tier 2 names that contain it further in (from the bigram GIN index,
-- in storage order), read only when the first two tiers do not fill the request.
-- A function for one reason: plan_cache_mode. As a prepared statement PostgreSQL planned it afresh on every call
-- (0.5-1 ms of planning for 0.2-0.4 ms of execution), since each custom plan looked cheaper than the generic one;
-- the generic plan is the right one for every text (the tiers' LIMITs bound the work, not the estimates).
-- bench/subjects/run.sh runs the same call through pgbench as the search's baseline.
create function subject_name_search(text, text, integer, text[])
    returns table (tier integer, ord bigint, credit_code character, name character varying,
                   subject_type character varying, region_code character, status character varying,
                   name_length integer)
    language plpgsql stable
    set plan_cache_mode = force_generic_plan
as
$function$
#variable_conflict use_column
begin
    return query
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
    order by tier, ord;
end
$function$;
