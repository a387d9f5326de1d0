-- 跨部门联合监管: joint supervision tasks. A department (its admin) or a region (its admin) initiates a task on
-- subjects and items to check, distributes it to participating departments, and each participant claims (认领), handles
-- (处置) and feeds back (反馈) by linking the behaviour records it produced; the initiator closes (结束) the task once
-- every participant fed back. The overall status and the overdue marks are computed when read, from the participants
-- and the deadline; only the close is stored on the task.
create table joint_task (
    id                        bigint generated always as identity primary key,
    -- The task number (任务编号), also the national taskNo: LHJG + initiator region + 10 digits.
    task_no                   varchar(64)   not null unique,
    title                     varchar(200)  not null,
    inspect_content           varchar(2000),
    initiator_type            varchar(10)   not null check (initiator_type in ('DEPARTMENT', 'REGION')),
    -- A department initiator's code; null for a region initiator. Its region is read from department (stored owner).
    initiator_department_code varchar(32)   references department (code),
    -- The region initiator's code; for a department initiator, its region when the task was created (display only).
    initiator_region_code     char(6)       not null check (initiator_region_code ~ '^[0-9]{6}$'),
    deadline                  date          not null,
    created_by                varchar(200)  not null,
    created_at                timestamptz   not null default now(),
    closed_by                 varchar(200),
    closed_at                 timestamptz,
    close_remark              varchar(500),
    version                   integer       not null default 1 check (version >= 1),
    constraint joint_task_initiator_ck
        check ((initiator_type = 'DEPARTMENT') = (initiator_department_code is not null))
);
create index joint_task_initiator_department_idx on joint_task (initiator_department_code, id desc);
create index joint_task_initiator_region_idx on joint_task (initiator_region_code, id desc);

-- The subjects (监管对象) the task is about.
create table joint_task_subject (
    task_id      bigint       not null references joint_task (id),
    credit_code  char(18)     not null,
    name         varchar(200),
    position     smallint     not null,
    primary key (task_id, credit_code)
);
create index joint_task_subject_code_idx on joint_task_subject (credit_code);

-- The items to check (监管事项), 14-digit catalog codes.
create table joint_task_item (
    task_id   bigint   not null references joint_task (id),
    item_code char(14) not null references catalog_item (code),
    position  smallint not null,
    primary key (task_id, item_code)
);

-- One row per participating department (联合部门) and its progress.
create table joint_task_participant (
    task_id             bigint        not null references joint_task (id),
    department_code     varchar(32)   not null references department (code),
    position            smallint      not null,
    status              varchar(12)   not null default 'DISTRIBUTED'
                                      check (status in ('DISTRIBUTED', 'CLAIMED', 'HANDLING', 'FED_BACK')),
    claimed_at          timestamptz,
    claimed_by          varchar(200),
    handling_at         timestamptz,
    fed_back_at         timestamptz,
    fed_back_by         varchar(200),
    -- The behaviour kind of the feedback: INSPECTION, PENALTY, ENFORCEMENT, OTHER (admInspection, admPunishment,
    -- admForce, other in the national shape).
    feedback_kind       varchar(12)   check (feedback_kind in ('INSPECTION', 'PENALTY', 'ENFORCEMENT', 'OTHER')),
    feedback_suggestion varchar(1000),
    -- 进一次门，查多项事: participants that inspected in one joint visit give the same visit id.
    visit_id            varchar(64),
    primary key (task_id, department_code),
    constraint joint_task_participant_claim_ck check ((status = 'DISTRIBUTED') = (claimed_at is null)),
    constraint joint_task_participant_feedback_ck check ((status = 'FED_BACK') = (fed_back_at is not null))
);
create index joint_task_participant_department_idx on joint_task_participant (department_code, task_id desc);

-- The behaviour records a participant linked in its feedback.
create table joint_task_record (
    task_id         bigint      not null,
    department_code varchar(32) not null,
    record_id       bigint      not null references behaviour_record (id),
    primary key (task_id, department_code, record_id),
    foreign key (task_id, department_code) references joint_task_participant (task_id, department_code)
);
create index joint_task_record_record_idx on joint_task_record (record_id);
