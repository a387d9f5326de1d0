-- The name search of V22, cheaper for PostgreSQL (issue 16), with the same hits in the same order. Measured with
-- pgbench -M prepared -c 8 -j 2, 15 s runs, on the bench's 500 mid-name fragments of 2-4 characters over 1M subjects,
-- V22's statement and this one alternating in the same session on this 2-core machine (shared, load average 4-10):
-- V22 2,820-4,470 searches/s, V26 6,940-13,490/s, 2.4-3 times as many in each pair; one client alone: 0.59-0.62 ms
-- per search -> 0.30 ms. Where V22's time went (perf over the PostgreSQL backends): 30% decoding GIN posting lists
-- (every bigram below 10% was looked up: 科技 or 食品 hold 50,000-100,000 names each), 15% in the SQL function
-- name_bigrams($1), parsed and planned anew on every call, 7.5% normalize() of every candidate name, 10% starting
-- the executor for CTEs, a window aggregate and a sort the tiers do not need.

-- The normalised name, stored: the contained tier's strpos and the hit's length read it instead of normalising
-- every candidate name (normalize() and lower() per row: 20-25% of the search's cost once the GIN lookup was
-- cheap). Adding it rewrites the table and rebuilds its indexes: 12-19 s for 1M subjects here, the table 13% larger.
-- The rewritten table has an empty visibility map, so the prefix tier's index-only scan reads the heap for every
-- hit until the next vacuum (which autovacuum, counting no inserts or updates, does not start): run
-- `vacuum (analyze) subject` after this migration (under a second for 1M subjects; a migration cannot, it runs
-- in a transaction).
alter table subject add column name_key text generated always as (lower(normalize(name, NFKC))) stored;

-- Same parameters as V22: $1 the text, $2 a region prefix ('' for all), $3 how many hits each tier may return
-- (page * size + size + 1), $4 the text's bigrams to leave out of the GIN lookup (SubjectQueries: those held by
-- at least 1% of names, never all of the text's); $4 covering them all means all are looked up. The same hits in
-- the same order as V22: the exact name (tier 0) and names starting with the text (tier 1) in code-point order
-- from subject_name_key_idx (an index-only scan: its key is the normalised name), then names containing it
-- further in (tier 2), read only when the first two tiers do not fill the request, in storage order. The bigrams
-- looked up only narrow the candidates, strpos decides: a bitmap heap scan visits them in storage order whichever
-- bigrams selected them, so leaving more out changes the cost, never the hits.
-- No ord column any more: the rows come in their order (RETURN QUERY appends in turn), and row_number() over the
-- tiers cost a window aggregate and a sort per call. Still plpgsql with a generic plan (V22: a prepared statement
-- was planned afresh on every call); the text's key and bigrams are plpgsql variables, computed once per call
-- without a query.
drop function subject_name_search(text, text, integer, text[]);
create function subject_name_search(text, text, integer, text[])
    returns table (tier integer, credit_code character, name character varying, subject_type character varying,
                   region_code character, status character varying, name_length integer)
    language plpgsql stable
    set plan_cache_mode = force_generic_plan
as
$function$
#variable_conflict use_column
declare
    text_key constant text := lower(normalize($1, NFKC));
    prefixed integer;
    pair text;
    looked_up text[] := '{}';
begin
    return query
    select case when lower(normalize(s.name, NFKC)) = text_key then 0 else 1 end,
           s.credit_code, s.name, s.subject_type, s.region_code, s.status, length(lower(normalize(s.name, NFKC)))
    from subject s
    where lower(normalize(s.name, NFKC)) ~>=~ text_key
      and lower(normalize(s.name, NFKC)) ~<~ (text_key || U&'\+10FFFF')
      and s.subject_type <> 'NATURAL_PERSON'
      and s.region_code like $2 || '%'
    order by lower(normalize(s.name, NFKC)) using ~<~
    limit $3;
    get diagnostics prefixed = row_count;
    if prefixed >= $3 then
        return;
    end if;
    -- The pairs as name_bigrams() makes them (duplicates do not matter to @>), less the common ones.
    for i in 1 .. length(text_key) - 1 loop
        pair := substr(text_key, i, 2);
        if pair <> all ($4) then
            looked_up := looked_up || pair;
        end if;
    end loop;
    if cardinality(looked_up) = 0 then
        looked_up := name_bigrams($1);
    end if;
    return query
    select 2, s.credit_code, s.name, s.subject_type, s.region_code, s.status, length(s.name_key)
    from subject s
    where s.name_bigrams @> looked_up
      and strpos(s.name_key, text_key) > 1
      and s.subject_type <> 'NATURAL_PERSON'
      and s.region_code like $2 || '%'
    limit $3;
end
$function$;
