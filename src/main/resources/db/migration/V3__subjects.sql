-- Unified subject library (统一监管对象库): organisations keyed by unified social credit code, natural
-- persons by a keyed hash of their ID number (the clear number is never stored).

-- Character bigrams of a normalised name. Chinese names are searched by 2-4 character fragments, too
-- short for trigrams, so the name index is a GIN index over these bigrams.
create function name_bigrams(p_name text) returns text[]
    language sql immutable parallel safe as
$$
select coalesce(array_agg(distinct substr(n, i, 2)), '{}')
from (select lower(normalize(p_name, NFKC)) as n) normalised,
     generate_series(1, greatest(length(n) - 1, 0)) as i
$$;

create table subject (
    id                     bigint generated always as identity primary key,
    credit_code            char(18) unique,
    id_number_hash         char(64) unique,
    id_number_masked       varchar(18),
    subject_type           varchar(24)  not null check (subject_type in ('ENTERPRISE', 'INDIVIDUAL_BUSINESS',
                               'FARMER_COOPERATIVE', 'SOCIAL_ORGANIZATION', 'PUBLIC_INSTITUTION', 'GOVERNMENT_AGENCY',
                               'NATURAL_PERSON', 'OTHER')),
    name                   varchar(300) not null,
    name_bigrams           text[] generated always as (name_bigrams(name)) stored,
    region_code            char(6)      not null check (region_code ~ '^[0-9]{6}$'),
    registered_address     varchar(500),
    business_address       varchar(500),
    industry_code          varchar(5)   check (industry_code ~ '^[A-T]([0-9]{2,4})?$'),
    legal_representative   varchar(100),
    status                 varchar(16)  not null default 'ACTIVE'
                               check (status in ('ACTIVE', 'REVOKED', 'CANCELLED', 'MOVED_OUT', 'OTHER')),
    credit_level           varchar(8),
    abnormal_listed        boolean      not null default false,
    serious_illegal_listed boolean      not null default false,
    version                integer      not null default 1,
    created_at             timestamptz  not null default now(),
    updated_at             timestamptz  not null default now(),
    check ((subject_type = 'NATURAL_PERSON') = (id_number_hash is not null)),
    check ((subject_type = 'NATURAL_PERSON') = (credit_code is null))
);
create index subject_name_bigrams_idx on subject using gin (name_bigrams);
create index subject_region_idx on subject (region_code);

-- Every system that reported the subject: one subject, many sources (merged by code).
create table subject_source (
    subject_id bigint      not null references subject (id) on delete cascade,
    source     varchar(64) not null,
    primary key (subject_id, source)
);

-- The prefix of every region code inside a region: 450000 → 45, 450100 → 4501, 450103 → 450103.
create function region_scope_prefix(p_code text) returns text
    language sql immutable parallel safe as
$$
select case when p_code like '__0000' then left(p_code, 2)
            when p_code like '____00' then left(p_code, 4)
            else p_code end
$$;

-- Which ministry lines supervise which industries (GB/T 4754 section letter or division prefix).
-- An empty prefix applies to every organisation (market regulation covers all market subjects).
create table industry_sector (
    industry_prefix varchar(5)  not null check (industry_prefix ~ '^([A-T]([0-9]{2,4})?)?$'),
    sector_code     varchar(32) not null,
    primary key (industry_prefix, sector_code)
);
insert into industry_sector (industry_prefix, sector_code) values
    ('', 'SAMR'),
    ('A', 'MARA'), ('A02', 'FORESTRY'), ('A04', 'MARA'),
    ('B', 'MEM'), ('B', 'MNR'), ('B', 'MEE'),
    ('C', 'MEE'), ('C', 'MEM'), ('C', 'MIIT'), ('C27', 'NMPA'), ('C26', 'MEM'), ('C35', 'SAMR'),
    ('D', 'NEA'), ('D', 'MEE'),
    ('E', 'MOHURD'), ('E', 'MEM'),
    ('F', 'MOFCOM'), ('F5265', 'NMPA'), ('F5164', 'MOFCOM'),
    ('G', 'MOT'), ('G60', 'POSTAL'), ('G55', 'MARITIME'),
    ('H', 'NHC'), ('H61', 'MPS'),
    ('I', 'TELECOM'), ('I', 'MIIT'),
    ('K', 'MOHURD'),
    ('L', 'MOFCOM'), ('L7271', 'MPS'),
    ('M', 'MOST'),
    ('N', 'MWR'), ('N', 'MEE'),
    ('P', 'MOE'),
    ('Q', 'NHC'), ('Q', 'NHSA'),
    ('R', 'MCT'), ('R89', 'SPORT'), ('R87', 'RADIO_TV'), ('R86', 'PRESS');
