-- Joint supervision tasks both ways with the national platform, and reminders before a deadline.
--
-- A task the national platform sends (a superviseData document through the inbox) is stored as a joint task whose
-- initiator is the national platform: initiator_type NATIONAL, no initiating department, region 000000 (全国). Its task
-- number is the national taskNo; national_revision is the newest revision applied, and national_document keeps the
-- document as received (the initiating unit, the objects' evidence, units the hub could not map), which the hub's
-- answer repeats.
alter table joint_task drop constraint joint_task_initiator_type_check;
alter table joint_task add constraint joint_task_initiator_type_check
    check (initiator_type in ('DEPARTMENT', 'REGION', 'NATIONAL'));
alter table joint_task add column national_revision integer check (national_revision >= 1);
alter table joint_task add column national_document jsonb;
alter table joint_task add constraint joint_task_national_ck
    check ((initiator_type = 'NATIONAL') = (national_revision is not null));

-- Reminders (催办): one before the deadline, one once it has passed, each sent once per participant that has not fed back.
alter table joint_task_participant add column reminded_at timestamptz;
alter table joint_task_participant add column overdue_notified_at timestamptz;
create index joint_task_open_deadline_idx on joint_task (deadline) where closed_at is null;

-- The unit number the national platform named a participant by (a department code or credit code, or a region code
-- for a region's part), so the answer names it the same way; null for the hub's own tasks.
alter table joint_task_participant add column national_unit_no varchar(64);

-- The national platform's joint tasks arrive in the inbox as kind joint-tasks.
alter table inbox drop constraint inbox_kind_check;
alter table inbox add constraint inbox_kind_check
    check (kind in ('items', 'complaints', 'risk-clues', 'tasks', 'joint-tasks'));
