-- 前置库 docking (adapter inbound kinds with source: staging-db, outbound 回流 into staging tables).

-- One row per polled table (inbound kind) or written table (outbound event): the lease that lets one replica poll it
-- at a time, the cursor (the newest exchange row taken), and the figures the adapter status reports.
create table staging_cursor (
    system          text        not null,
    route           text        not null,                -- 'in:<kind>' or 'out:<event>'
    last_cd_time    timestamp,                           -- inbound: cd_time/cd_id of the newest row taken
    last_cd_id      text,
    last_position   bigint      not null default 0,      -- outbound: the pull position written up to
    oldest_pending  timestamp,                           -- inbound: cd_time of the oldest row without a receipt
    rows_applied    bigint      not null default 0,
    rows_rejected   bigint      not null default 0,
    polled_at       timestamptz,
    last_error      text,
    failing_since   timestamptz,
    lease_owner     text,
    lease_until     timestamptz,
    primary key (system, route)
);

-- The ledger of exchange rows the hub has taken, by the row's identity in the convention (cd_id, cd_batch,
-- cd_operation): a row found here is never applied again, only its receipt is written again.
create table staging_row (
    system        text        not null,
    kind          text        not null,
    cd_id         text        not null,
    cd_batch      text        not null,
    cd_operation  text        not null,
    cd_time       timestamp,
    status        text        not null,                  -- APPLIED, REJECTED, SUPERSEDED
    hub_id        text,
    error_codes   text,
    taken_at      timestamptz not null default now(),
    primary key (system, kind, cd_id, cd_batch, cd_operation)
);
create index staging_row_latest on staging_row (system, kind, cd_id, cd_time desc);
