-- Supervision Hub foundation: organisation, catalog and claims, plus the shared outbox and audit log.
-- Codes follow ../shared/DOMAIN.md; the application validates them, the constraints here are the backstop.

create extension if not exists pg_trgm;

-- ---------------------------------------------------------------------------------------------
-- Organisation: administrative regions (GB/T 2260) and the departments that supervise.
-- ---------------------------------------------------------------------------------------------
create table region (
    code        char(6)      primary key check (code ~ '^[0-9]{6}$'),
    name        varchar(100) not null,
    parent_code char(6)      references region (code),
    level       varchar(12)  not null check (level in ('PROVINCE', 'PREFECTURE', 'COUNTY'))
);
create index region_parent_idx on region (parent_code);

create table department (
    code        varchar(32)  primary key check (code ~ '^[A-Za-z0-9_-]{2,32}$'),
    name        varchar(200) not null,
    credit_code char(18)     not null unique,
    region_code char(6)      not null references region (code),
    created_at  timestamptz  not null default now()
);
create index department_region_idx on department (region_code);

-- A department may cover several lines (综合行政执法 bureaus claim items of several ministries).
create table department_sector (
    department_code varchar(32) not null references department (code) on delete cascade,
    sector_code     varchar(32) not null check (sector_code ~ '^[A-Z0-9_]{2,32}$'),
    primary key (department_code, sector_code)
);
create index department_sector_sector_idx on department_sector (sector_code);

-- ---------------------------------------------------------------------------------------------
-- Supervision item catalog (监管事项目录): main items and sub-items, versioned.
-- ---------------------------------------------------------------------------------------------
create table catalog_item (
    code              char(14)     primary key check (code ~ '^[0-9]{14}$'),
    name              varchar(500) not null,
    parent_code       char(14)     references catalog_item (code),
    item_type         varchar(12)  check (item_type in ('INSPECTION', 'PENALTY', 'ENFORCEMENT', 'OTHER')),
    sector_code       varchar(32)  not null,
    legal_basis       text,
    supervised_object varchar(500),
    method            varchar(500),
    catalog_level     varchar(12)  not null check (catalog_level in ('NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY')),
    status            varchar(12)  not null check (status in ('IN_USE', 'SUSPENDED', 'CANCELLED')),
    effective_date    date,
    cancel_date       date,
    catalog_version   varchar(32)  not null,
    version           integer      not null check (version >= 1),
    content_hash      char(64)     not null,
    created_at        timestamptz  not null default now(),
    updated_at        timestamptz  not null default now(),
    check (parent_code is null or item_type is not null),
    check (parent_code is null or parent_code <> code),
    check (cancel_date is null or effective_date is null or cancel_date >= effective_date)
);
create index catalog_item_parent_idx on catalog_item (parent_code);
create index catalog_item_sector_status_idx on catalog_item (sector_code, status);
create index catalog_item_name_trgm_idx on catalog_item using gin (name gin_trgm_ops);

-- Every version of an item as it was, so history survives law changes.
create table catalog_item_version (
    item_code     char(14)     not null references catalog_item (code),
    version       integer      not null,
    snapshot      jsonb        not null,
    change_reason varchar(500),
    changed_by    varchar(200) not null,
    changed_at    timestamptz  not null default now(),
    primary key (item_code, version)
);

-- ---------------------------------------------------------------------------------------------
-- Claims (认领) and check implementation lists (检查实施清单).
-- ---------------------------------------------------------------------------------------------
create table item_claim (
    id              bigint generated always as identity primary key,
    item_code       char(14)     not null references catalog_item (code),
    department_code varchar(32)  not null references department (code),
    status          varchar(10)  not null check (status in ('ACTIVE', 'RELEASED')),
    claimed_at      timestamptz  not null default now(),
    claimed_by      varchar(200) not null,
    released_at     timestamptz,
    released_by     varchar(200),
    release_reason  varchar(500),
    check ((status = 'RELEASED') = (released_at is not null))
);
-- At most one active claim per item and department; released claims stay as history.
create unique index item_claim_active_uk on item_claim (item_code, department_code) where status = 'ACTIVE';
create index item_claim_department_idx on item_claim (department_code) where status = 'ACTIVE';

create table implementation_list (
    id                            bigint generated always as identity primary key,
    item_code                     char(14)     not null references catalog_item (code),
    department_code               varchar(32)  not null references department (code),
    list_code                     varchar(64)  not null,
    implementing_body_name        varchar(200) not null,
    implementing_body_credit_code char(18)     not null,
    exercise_level                smallint     not null check (exercise_level between 1 and 5),
    delegated_department          varchar(200),
    supervised_object             varchar(500) not null,
    check_form                    varchar(10)  not null check (check_form in ('ON_SITE', 'OFF_SITE', 'BOTH')),
    random_inspection             boolean      not null,
    sampling_proportion           numeric(5, 2) check (sampling_proportion between 0 and 100),
    frequency_times               integer      check (frequency_times between 1 and 366),
    frequency_period              varchar(10)  check (frequency_period in ('YEAR', 'HALF_YEAR', 'QUARTER', 'MONTH')),
    check_content                 text         not null,
    version                       integer      not null default 1,
    created_at                    timestamptz  not null default now(),
    updated_at                    timestamptz  not null default now(),
    updated_by                    varchar(200) not null,
    constraint implementation_list_item_department_uk unique (item_code, department_code),
    constraint implementation_list_code_uk unique (list_code),
    check ((frequency_times is null) = (frequency_period is null))
);

-- ---------------------------------------------------------------------------------------------
-- Transactional outbox: events written in the same transaction as the change, delivered per target.
-- ---------------------------------------------------------------------------------------------
create table outbox (
    id              bigint generated always as identity primary key,
    target          varchar(64)  not null,
    aggregate_type  varchar(64)  not null,
    aggregate_id    varchar(128) not null,
    event_type      varchar(64)  not null,
    payload         jsonb        not null,
    idempotency_key uuid         not null default gen_random_uuid() unique,
    status          varchar(12)  not null default 'PENDING'
                                 check (status in ('PENDING', 'IN_FLIGHT', 'DELIVERED', 'DEAD')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    lease_owner     varchar(100),
    lease_until     timestamptz,
    last_error      text,
    created_at      timestamptz  not null default now(),
    delivered_at    timestamptz
);
create index outbox_due_idx on outbox (target, next_attempt_at) where status in ('PENDING', 'IN_FLIGHT');
create index outbox_aggregate_idx on outbox (aggregate_type, aggregate_id, id);

-- ---------------------------------------------------------------------------------------------
-- Audit log: append-only, hash-chained (监管过程全记录，可追溯).
-- Each row's hash covers the previous row's hash, so altering or deleting a row breaks the chain.
-- ---------------------------------------------------------------------------------------------
create table audit_log (
    id               bigint generated always as identity primary key,
    chain_seq        bigint       not null unique,
    occurred_at      timestamptz  not null,
    actor            varchar(200) not null,
    actor_department varchar(32),
    action           varchar(64)  not null,
    entity_type      varchar(64)  not null,
    entity_id        varchar(200) not null,
    detail           jsonb        not null default '{}'::jsonb,
    request_id       varchar(64),
    prev_hash        char(64)     not null,
    hash             char(64)     not null
);
create index audit_log_entity_idx on audit_log (entity_type, entity_id);

-- The digest is defined once, here, and used by both the insert trigger and the verification query.
-- jsonb_build_array gives an unambiguous encoding (no separator can be forged inside a field).
create function audit_row_digest(p_prev_hash text, p_chain_seq bigint, p_occurred_at timestamptz,
                                 p_actor text, p_actor_department text, p_action text,
                                 p_entity_type text, p_entity_id text, p_detail jsonb, p_request_id text)
    returns text language sql stable as
$$
select encode(sha256(convert_to(jsonb_build_array(
        p_prev_hash, p_chain_seq,
        to_char(p_occurred_at at time zone 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"'),
        p_actor, p_actor_department, p_action, p_entity_type, p_entity_id, p_detail, p_request_id)::text,
    'UTF8')), 'hex')
$$;

-- Chain position is assigned under a transaction-scoped lock, after the identity value, so that
-- concurrent transactions cannot interleave (ids may commit out of order; chain_seq cannot).
create function audit_log_chain() returns trigger language plpgsql as
$$
declare
    last_row record;
begin
    perform pg_advisory_xact_lock(hashtext('audit_log_chain'));
    select chain_seq, hash into last_row from audit_log order by chain_seq desc limit 1;
    new.chain_seq := coalesce(last_row.chain_seq, 0) + 1;
    new.prev_hash := coalesce(last_row.hash, repeat('0', 64));
    new.occurred_at := clock_timestamp();
    new.hash := audit_row_digest(new.prev_hash, new.chain_seq, new.occurred_at, new.actor,
                                 new.actor_department, new.action, new.entity_type, new.entity_id,
                                 new.detail, new.request_id);
    return new;
end
$$;
create trigger audit_log_chain before insert on audit_log for each row execute function audit_log_chain();

create function audit_log_append_only() returns trigger language plpgsql as
$$
begin
    raise exception 'audit_log is append-only' using errcode = 'insufficient_privilege';
end
$$;
create trigger audit_log_no_update before update or delete on audit_log
    for each row execute function audit_log_append_only();
create trigger audit_log_no_truncate before truncate on audit_log
    for each statement execute function audit_log_append_only();
