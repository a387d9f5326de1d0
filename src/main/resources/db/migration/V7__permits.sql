-- 审管联动: permits issued by the approval system (审批/证照分离) and their binding to supervision items, so that a
-- permit for a bound item becomes a supervision follow-up for each department that claimed the item.
create table permit (
    id                  bigint generated always as identity primary key,
    source_system       varchar(64)  not null,
    permit_number       varchar(64)  not null,
    permit_item_code    varchar(64)  not null,
    permit_item_name    varchar(300) not null,
    subject_credit_code char(18)     not null,
    subject_name        varchar(300) not null,
    region_code         char(6)      not null,
    issuing_department  varchar(32)  not null references department (code),
    issued_date         date         not null,
    received_at         timestamptz  not null default now(),
    constraint permit_source_uk unique (source_system, permit_number)
);
create index permit_item_idx on permit (issuing_department, permit_item_code);

-- A permit item (许可事项) bound to the supervision items that follow it up.
create table permit_binding (
    permit_item_code varchar(64) not null,
    item_code        char(14)    not null references catalog_item (code),
    bound_by         varchar(200) not null,
    bound_at         timestamptz not null default now(),
    primary key (permit_item_code, item_code)
);

create table permit_followup (
    id              bigint generated always as identity primary key,
    permit_id       bigint      not null references permit (id),
    item_code       char(14)    not null references catalog_item (code),
    department_code varchar(32) not null references department (code),
    status          varchar(8)  not null default 'OPEN' check (status in ('OPEN', 'DONE')),
    created_at      timestamptz not null default now(),
    constraint permit_followup_uk unique (permit_id, item_code, department_code)
);
create index permit_followup_department_idx on permit_followup (department_code, status);
