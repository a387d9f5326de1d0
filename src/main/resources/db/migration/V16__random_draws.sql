-- Credit-graded 双随机 draws: announced with a published seed and a snapshot of their inputs, executed
-- deterministically from both, recomputable by anyone; and the conflicts (回避) officers declare.
create table random_draw (
    id              bigint generated always as identity primary key,
    plan_id         bigint       not null references random_inspection_plan (id) on delete cascade,
    -- The plan's department, copied: the stored owner every read and write is decided by.
    department_code varchar(32)  not null references department (code),
    status          varchar(12)  not null check (status in ('ANNOUNCED', 'EXECUTED')),
    seed            char(64)     not null check (seed ~ '^[0-9a-f]{64}$'),
    -- The inputs exactly as hashed (UTF-8 JSON text), so sha256(inputs) = inputs_hash for anyone.
    inputs          text         not null,
    inputs_hash     char(64)     not null,
    result          text,
    result_hash     char(64),
    published       boolean      not null default false,
    announced_by    varchar(200) not null,
    announced_at    timestamptz  not null default now(),
    executed_at     timestamptz,
    published_at    timestamptz,
    check ((status = 'EXECUTED') = (result is not null)),
    check (not published or status = 'EXECUTED')
);
create index random_draw_plan_idx on random_draw (plan_id);
create index random_draw_department_idx on random_draw (department_code);

-- 回避: an officer must not inspect a subject he declared a conflict with; declared by the officer's department.
create table random_draw_conflict (
    id                  bigint generated always as identity primary key,
    department_code     varchar(32)  not null references department (code),
    officer_id          bigint       not null references officer (id),
    subject_credit_code char(18)     not null,
    reason              varchar(300) not null,
    declared_by         varchar(200) not null,
    declared_at         timestamptz  not null default now(),
    constraint random_draw_conflict_uk unique (officer_id, subject_credit_code)
);
create index random_draw_conflict_department_idx on random_draw_conflict (department_code);
