-- 双随机一公开: sampling plans and the tasks drawn from them, as the random-inspection platform sends them; a task
-- is done when an inspection record of the plan about its subject has arrived.
create table random_inspection_plan (
    id              bigint generated always as identity primary key,
    source_system   varchar(64)  not null,
    plan_id         varchar(64)  not null,
    name            varchar(300) not null,
    department_code varchar(32)  not null references department (code),
    item_codes      char(14)[]   not null,
    start_date      date         not null,
    end_date        date         not null,
    sampling_ratio  numeric(5, 2) check (sampling_ratio between 0 and 100),
    content_hash    char(64)     not null,
    version         integer      not null default 1,
    received_at     timestamptz  not null default now(),
    updated_at      timestamptz  not null default now(),
    constraint random_inspection_plan_uk unique (source_system, plan_id),
    check (end_date >= start_date)
);
create index random_inspection_plan_department_idx on random_inspection_plan (department_code, start_date);

create table random_inspection_task (
    id                  bigint generated always as identity primary key,
    plan_id             bigint       not null references random_inspection_plan (id) on delete cascade,
    task_id             varchar(64)  not null,
    subject_credit_code char(18)     not null,
    subject_name        varchar(300) not null,
    due_date            date         not null,
    officers            jsonb        not null default '[]'::jsonb,
    constraint random_inspection_task_uk unique (plan_id, task_id)
);
-- Finding the inspection records of a plan: by the plan id they carry.
create index behaviour_record_random_plan_idx on behaviour_record ((body #>> '{inspection,randomPlanId}'))
    where kind = 'INSPECTION' and not deleted;
