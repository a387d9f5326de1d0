-- Supervision behaviour records (监管行为数据) and complaints, their upload jobs and data-quality figures;
-- see ../shared/DOMAIN.md. A record is identified by its source (system + record id): re-sending it is an
-- update or nothing, never a duplicate; a delete leaves a tombstone so the deletion can travel on.

create table behaviour_record (
    id                  bigint generated always as identity primary key,
    source_system       varchar(64)  not null check (source_system ~ '^[A-Za-z0-9_.-]{2,64}$'),
    source_record_id    varchar(64)  not null check (char_length(source_record_id) between 1 and 64),
    kind                varchar(12)  not null
                                     check (kind in ('INSPECTION', 'PENALTY', 'ENFORCEMENT', 'OTHER', 'COMPLAINT')),
    department_code     varchar(32)  not null references department (code),
    item_code           char(14)     references catalog_item (code),
    region_code         char(6)      not null check (region_code ~ '^[0-9]{6}$'),
    -- The subject: an organisation by credit code, a natural person by the keyed hash of the ID number.
    subject_credit_code char(18),
    subject_id_hash     char(64),
    -- The day the act took place (check date, penalty decision, measure start, complaint receipt).
    act_date            date         not null,
    reported_at         timestamptz  not null,
    -- Publicly disclosable (双随机一公开 results, 行政处罚 decisions on organisations).
    disclosable         boolean      not null,
    deleted             boolean      not null default false,
    version             integer      not null default 1 check (version >= 1),
    -- SHA-256 of the canonical body: an identical re-send changes nothing.
    content_hash        char(64)     not null,
    -- The canonical record as validated; personal identifiers only masked.
    body                jsonb        not null,
    received_at         timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    constraint behaviour_record_source_uk unique (source_system, source_record_id),
    check (subject_credit_code is null or subject_id_hash is null)
);
create index behaviour_record_department_idx on behaviour_record (department_code, act_date);
create index behaviour_record_coverage_idx on behaviour_record (department_code, item_code, act_date)
    where not deleted;
create index behaviour_record_subject_idx on behaviour_record (subject_credit_code, act_date)
    where subject_credit_code is not null;
create index behaviour_record_person_idx on behaviour_record (subject_id_hash) where subject_id_hash is not null;

-- Upload validation works on in-memory snapshots of reference data. A snapshot stays valid while the
-- version of its source is unchanged; these statement triggers bump the version in the writing
-- transaction, so a reader never sees new data under an old version.
create table reference_data_version (
    name    varchar(32) primary key,
    version bigint      not null
);
insert into reference_data_version (name, version) values ('claims', 0), ('certificates', 0), ('departments', 0);

create function bump_reference_data_version() returns trigger language plpgsql as
$$
begin
    update reference_data_version set version = version + 1 where name = tg_argv[0];
    return null;
end
$$;

create trigger item_claim_reference_version after insert or update or delete or truncate on item_claim
    for each statement execute function bump_reference_data_version('claims');
create trigger catalog_item_reference_version after insert or update or delete or truncate on catalog_item
    for each statement execute function bump_reference_data_version('claims');
create trigger certificate_reference_version after insert or update or delete or truncate on certificate
    for each statement execute function bump_reference_data_version('certificates');
create trigger certificate_category_reference_version
    after insert or update or delete or truncate on certificate_category
    for each statement execute function bump_reference_data_version('certificates');
create trigger department_reference_version after insert or update or delete or truncate on department
    for each statement execute function bump_reference_data_version('departments');

-- Large uploads run as jobs. The body is stored in chunks first; each chunk is then processed in one
-- transaction that also deletes it and advances the counters, so a restarted hub resumes exactly where
-- the last committed chunk ended.
create table upload_job (
    id              uuid         primary key default gen_random_uuid(),
    department_code varchar(32)  not null references department (code),
    created_by      varchar(200) not null,
    -- The identity the job acts with: subject, roles, department and region of the uploading token.
    caller          jsonb        not null,
    media_type      varchar(40)  not null,
    status          varchar(12)  not null
                                 check (status in ('RECEIVING', 'QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED')),
    records_total   integer      not null default 0,
    chunks_total    integer      not null default 0,
    chunks_done     integer      not null default 0,
    records_read    integer      not null default 0,
    accepted        integer      not null default 0,
    updated         integer      not null default 0,
    unchanged       integer      not null default 0,
    deleted         integer      not null default 0,
    rejected        integer      not null default 0,
    warnings        integer      not null default 0,
    failure_reason  text,
    -- Failed attempts at the next chunk; the job fails after a few, so one bad chunk cannot loop forever.
    chunk_failures  integer      not null default 0,
    lease_owner     varchar(100),
    lease_until     timestamptz,
    created_at      timestamptz  not null default now(),
    started_at      timestamptz,
    finished_at     timestamptz,
    updated_at      timestamptz  not null default now()
);
create index upload_job_pending_idx on upload_job (created_at) where status in ('RECEIVING', 'QUEUED', 'RUNNING');
create index upload_job_department_idx on upload_job (department_code, created_at);

create table upload_job_chunk (
    job_id       uuid      not null references upload_job (id) on delete cascade,
    seq          integer   not null,
    first_index  integer   not null,
    -- One record per element, as received (a JSON array upload is stored one element each); null marks a
    -- line over the length limit. NDJSON line numbers alongside, for the error report.
    records      text[]    not null,
    line_numbers integer[],
    primary key (job_id, seq)
);

-- Every rejected record and every warning of a job, for its downloadable report.
create table upload_job_issue (
    job_id           uuid        not null references upload_job (id) on delete cascade,
    record_index     integer     not null,
    line             integer,
    source_record_id varchar(64),
    severity         varchar(8)  not null check (severity in ('ERROR', 'WARNING')),
    errors           jsonb       not null,
    primary key (job_id, record_index, severity)
);

-- Data quality per department and day: what arrived and what was rejected, by error code.
create table record_quality_daily (
    department_code varchar(32) not null references department (code),
    day             date        not null,
    received        bigint      not null default 0,
    rejected        bigint      not null default 0,
    primary key (department_code, day)
);

create table record_rejection_daily (
    department_code varchar(32) not null references department (code),
    day             date        not null,
    error_code      varchar(64) not null,
    records         bigint      not null,
    primary key (department_code, day, error_code)
);
