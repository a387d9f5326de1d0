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
