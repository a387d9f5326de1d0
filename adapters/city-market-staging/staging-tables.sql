-- 前置库 exchange tables of the city-market-staging example (MariaDB/MySQL). The bureau's system inserts a row per
-- change (cd_operation i/u/d, a new cd_batch each run) and never updates the hub_* receipt columns; the hub reads the
-- rows whose hub_status is null, oldest first, and writes hub_status (APPLIED, REJECTED, SUPERSEDED), hub_errors
-- (CODE@field;...), hub_id (the hub's record id) and hub_time back into each row.

create table t_xzjc (                                   -- 行政检查
    cd_id                          varchar(64)  not null, -- 主键: department code + record id
    cd_time                        datetime(3)  not null default current_timestamp(3),
    cd_batch                       varchar(13)  not null, -- yyyyMMdd + 5-digit run number, e.g. 2019041100002
    cd_operation                   char(1)      not null, -- i / u / d
    cd_source                      varchar(64),           -- region code | department code
    record_unique_identity         varchar(64)  not null,
    supervise_item_implement_code  varchar(64),
    supervise_item_check_icode     varchar(32),
    check_action_name              varchar(200),
    check_action_code              varchar(64),
    implement_institution          varchar(200),
    implement_institution_code     varchar(18),
    administrative_cp_na           varchar(200),
    administrative_cp_ce_type      varchar(2),
    administrative_cp_ui_code      varchar(18),
    area_number                    varchar(12),
    check_form                     varchar(2),
    check_result                   varchar(4),
    check_result_desc              varchar(1000),
    check_date                     date,
    check_personnel                text,                  -- JSON: [{"xm": name, "fzjg": issuer, "zjh": certificate}]
    plan_id                        varchar(64),
    submitted_date                 datetime,
    submitted_personnel            varchar(64),
    hub_status                     varchar(16),           -- receipt, written by the hub
    hub_errors                     varchar(500),
    hub_id                         varchar(64),
    hub_time                       datetime,
    primary key (cd_id, cd_batch, cd_operation),
    key t_xzjc_pending (hub_status, cd_time)               -- the hub's read: pending rows, oldest first
) default charset = utf8mb4;

create table t_xzcf (                                   -- 行政处罚
    cd_id                          varchar(64)  not null,
    cd_time                        datetime(3)  not null default current_timestamp(3),
    cd_batch                       varchar(13)  not null,
    cd_operation                   char(1)      not null,
    cd_source                      varchar(64),
    record_unique_identity         varchar(64)  not null,
    supervise_item_code            varchar(32),
    punish_action_name             varchar(200),
    case_number                    varchar(64),
    illegal_facts                  varchar(2000),
    punish_basis                   varchar(1000),
    procedure_type                 varchar(2),
    filing_date                    date,
    decision_number                varchar(100),
    decision_date                  date,
    punish_types                   varchar(100),          -- JSON: ["01", "02"]
    fine_amount                    decimal(14, 2),
    implement_institution          varchar(200),
    implement_institution_code     varchar(18),
    administrative_cp_na           varchar(200),
    administrative_cp_ce_type      varchar(2),
    administrative_cp_ui_code      varchar(18),
    area_number                    varchar(12),
    punish_personnel               text,
    submitted_date                 datetime,
    hub_status                     varchar(16),
    hub_errors                     varchar(500),
    hub_id                         varchar(64),
    hub_time                       datetime,
    primary key (cd_id, cd_batch, cd_operation),
    key t_xzcf_pending (hub_status, cd_time)
) default charset = utf8mb4;

create table t_hub_complaint (                          -- 回流: complaints the hub routes to the bureau
    cd_id            varchar(64) not null,                -- the hub's record id
    cd_time          datetime(3) not null,
    cd_batch         varchar(32) not null,                -- yyyyMMdd + the change's position (5 digits or more)
    cd_operation     char(1)     not null,
    record_id        bigint,
    version          int,
    kind             varchar(16),
    source_system    varchar(64),
    source_record_id varchar(64),
    primary key (cd_id, cd_batch)
) default charset = utf8mb4;
