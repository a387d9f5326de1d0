-- The organisation registry (issue 12): regions carry their status and successor (GB/T 2260 codes are abolished and
-- replaced, but records keep the code they were made under), departments become enforcement bodies (执法主体) with a
-- level, a parent, entrusted organisations (受委托组织), a status, a validity and a version, and each department has
-- a registry of its appointed administrators. The region rows themselves are loaded at start-up from the generated
-- national table (organization.RegionCatalog), not here.

alter table region
    add column status         varchar(10) not null default 'ACTIVE' check (status in ('ACTIVE', 'ABOLISHED')),
    add column successor_code char(6)     references region (code),
    add column abolished_on   date,
    add column source         varchar(64) not null default 'manual',
    add column version        integer     not null default 1 check (version >= 1),
    add column updated_at     timestamptz not null default now(),
    add constraint region_successor_check check (successor_code is null or (status = 'ABOLISHED' and successor_code <> code));
create index region_level_status_idx on region (level, status);

alter table department
    add column level       varchar(12)  check (level in ('NATIONAL', 'PROVINCIAL', 'CITY', 'COUNTY', 'TOWNSHIP')),
    add column parent_code varchar(32)  references department (code),
    add column status      varchar(10)  not null default 'ACTIVE' check (status in ('ACTIVE', 'INACTIVE')),
    add column valid_from  date,
    add column valid_to    date,
    add column version     integer      not null default 1 check (version >= 1),
    add column updated_at  timestamptz  not null default now(),
    add column updated_by  varchar(200),
    add constraint department_validity_check check (valid_to is null or valid_from is null or valid_to >= valid_from),
    add constraint department_parent_check check (parent_code is null or parent_code <> code);
create index department_parent_idx on department (parent_code);

-- 受委托组织: organisations a department entrusts with enforcement in its name (行政处罚法 §20).
create table department_entrusted (
    department_code varchar(32)  not null references department (code) on delete cascade,
    position        smallint     not null,
    name            varchar(200) not null,
    credit_code     char(18)     not null,
    primary key (department_code, credit_code)
);

-- Who is appointed administrator (部门管理员) of a department. Tokens still carry the dept-admin role; this is the
-- registry an identity provider's role assignment is checked against.
create table department_administrator (
    department_code varchar(32)  not null references department (code),
    subject         varchar(200) not null,
    appointed_by    varchar(200) not null,
    appointed_at    timestamptz  not null default now(),
    primary key (department_code, subject)
);

-- 系统补录: a record entered by hand through the standard endpoint names its source as manual:<department code>.
alter table behaviour_record drop constraint behaviour_record_source_system_check;
alter table behaviour_record add constraint behaviour_record_source_system_check
    check (source_system ~ '^([A-Za-z0-9_.-]{2,64}|manual:[A-Za-z0-9_-]{2,32})$');
