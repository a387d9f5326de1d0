-- Delivery of the outbox to its targets (the national platform first): see docs/ARCHITECTURE.md.

-- The relay takes the oldest due events of a target first; this index serves that scan.
create index outbox_pending_idx on outbox (target, id) where status in ('PENDING', 'IN_FLIGHT');
create index outbox_dead_idx on outbox (target, id) where status = 'DEAD';

-- New events wake the relays of every replica at once (LISTEN hub_outbox); polling remains the fallback.
create function outbox_notify() returns trigger language plpgsql as
$$
begin
    perform pg_notify('hub_outbox', '');
    return null;
end
$$;
create trigger outbox_notify after insert on outbox for each statement execute function outbox_notify();

-- Health of each target as the replicas see it together: the last success and since when it has been failing.
create table sync_target_state (
    target               varchar(64) primary key,
    last_success_at      timestamptz,
    failing_since        timestamptz,
    consecutive_failures integer     not null default 0,
    last_error           text,
    updated_at           timestamptz not null default now()
);

-- Batch numbers of the exchange envelope: date + a daily sequence per target.
create table sync_batch_sequence (
    target varchar(64) not null,
    day    date        not null,
    seq    integer     not null,
    primary key (target, day)
);

-- Inbound: what the national platform sends down lands here first, keyed by its own id and revision, so a
-- duplicate is recognised and an older revision arriving late never overwrites a newer one.
create table inbox (
    id              bigint generated always as identity primary key,
    kind            varchar(16)  not null check (kind in ('items', 'complaints', 'risk-clues', 'tasks')),
    national_id     varchar(64)  not null,
    revision        integer      not null default 1,
    payload         jsonb        not null,
    status          varchar(12)  not null default 'RECEIVED'
                                 check (status in ('RECEIVED', 'PROCESSED', 'SUPERSEDED', 'FAILED')),
    attempts        integer      not null default 0,
    next_attempt_at timestamptz  not null default now(),
    last_error      text,
    received_at     timestamptz  not null default now(),
    processed_at    timestamptz,
    constraint inbox_message_uk unique (kind, national_id, revision)
);
create index inbox_due_idx on inbox (next_attempt_at) where status = 'RECEIVED';

-- Nonces of signed callbacks seen in the last minutes: a replayed callback is refused.
create table callback_nonce (
    nonce   varchar(64) primary key,
    seen_at timestamptz not null default now()
);

-- Complaints, risk-warning clues and joint-supervision tasks sent down, routed to a department, and their
-- disposition until the feedback has reached the national platform (the loop is closed).
create table national_case (
    id                  bigint generated always as identity primary key,
    kind                varchar(12)  not null check (kind in ('COMPLAINT', 'RISK_CLUE', 'TASK')),
    national_id         varchar(64)  not null unique,
    revision            integer      not null default 1,
    title               varchar(500) not null,
    risk_level          varchar(2)   check (risk_level in ('P0', 'P1', 'P2', 'P3')),
    subject_credit_code char(18),
    subject_name        varchar(300),
    region_code         char(6),
    item_code           char(14),
    department_code     varchar(32)  references department (code),
    status              varchar(16)  not null
                                     check (status in ('RECEIVED', 'ASSIGNED', 'ACCEPTED', 'FEEDBACK_SENT', 'CLOSED')),
    deadline            timestamptz  not null,
    payload             jsonb        not null,
    accepted_by         varchar(200),
    accepted_at         timestamptz,
    handled_by          varchar(200),
    handled_at          timestamptz,
    result              text,
    closed_at           timestamptz,
    received_at         timestamptz  not null default now(),
    updated_at          timestamptz  not null default now()
);
create index national_case_department_idx on national_case (department_code, status);
create index national_case_region_idx on national_case (region_code, status);

-- Items issued by the national platform invite the departments whose sectors cover them to claim (认领).
create table claim_invitation (
    item_code       char(14)    not null references catalog_item (code),
    department_code varchar(32) not null references department (code),
    invited_at      timestamptz not null default now(),
    primary key (item_code, department_code)
);
create index claim_invitation_department_idx on claim_invitation (department_code);
