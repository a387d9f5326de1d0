-- Risk warning (风险预警): the hub's own models, declared in rules/<model>.yaml, raise risk clues about subjects. A hit
-- is one model finding one subject at risk; while it is OPEN, re-evaluation updates its score and evidence instead of
-- raising again. Its clue is a national_case row of kind RISK_CLUE (routed, accepted and answered as national clues
-- are); when the clue's feedback is sent the hit closes, with the department's verdict on whether the risk was real.
create table risk_hit (
    id                  bigint generated always as identity primary key,
    model_id            varchar(64)  not null,
    subject_credit_code char(18)     not null,
    score               numeric(8, 2) not null,
    level               varchar(2)   not null check (level in ('P0', 'P1', 'P2', 'P3')),
    evidence            jsonb        not null,
    status              varchar(8)   not null check (status in ('OPEN', 'CLOSED')),
    case_id             bigint       references national_case (id),
    confirmed           boolean,
    raised_at           timestamptz  not null default now(),
    updated_at          timestamptz  not null default now(),
    closed_at           timestamptz,
    constraint risk_hit_closed_ck check ((status = 'CLOSED') = (closed_at is not null))
);
create unique index risk_hit_open_uk on risk_hit (model_id, subject_credit_code) where status = 'OPEN';
create index risk_hit_model_idx on risk_hit (model_id, status);
create index risk_hit_case_idx on risk_hit (case_id) where status = 'OPEN';

-- The department's verdict on a risk clue (风险属实): what a model's confirmed rate is made of.
alter table national_case add column risk_confirmed boolean;

-- How far the incremental evaluation has read the changes, as a position in (time of change, credit code) order, so a
-- batch can stop in the middle of many changes made at one instant (a bulk load) and the next go on from there.
create table risk_cursor (
    name         varchar(16) primary key,
    changed_to   timestamptz not null,
    credit_code  varchar(18) not null
);
insert into risk_cursor (name, changed_to, credit_code) values ('incremental', now(), '');

-- Changes since the cursor are found by time.
create index behaviour_record_updated_idx on behaviour_record (updated_at);
create index subject_updated_idx on subject (updated_at);
create index national_case_updated_idx on national_case (updated_at);
create index permit_received_idx on permit (received_at);
