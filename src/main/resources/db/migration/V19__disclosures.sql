-- 双公示 / 曝光台: penalties on organisations and 双随机 inspection results made public for a disclosure period,
-- then withdrawn (撤回) or expired. A disclosure belongs to its record's department; what the public sees is the
-- desensitised snapshot taken at publication (content), never the record itself. One published disclosure per record;
-- a withdrawn one stays as history, and the record may be published again.
create table disclosure (
    id                  bigint generated always as identity primary key,
    record_id           bigint       not null references behaviour_record (id),
    kind                varchar(12)  not null check (kind in ('PENALTY', 'INSPECTION')),
    department_code     varchar(32)  not null references department (code),
    -- Where the act took place (the record's region): what the public filters by.
    region_code         char(6)      not null check (region_code ~ '^[0-9]{6}$'),
    subject_credit_code char(18)     not null,
    content             jsonb        not null,
    -- The period runs from the act (penalty decision, check date), as the credit rules count it.
    disclose_from       date         not null,
    disclose_until      date         not null,
    status              varchar(10)  not null check (status in ('PUBLISHED', 'WITHDRAWN')),
    published_by        varchar(200) not null,
    published_at        timestamptz  not null default now(),
    withdrawn_by        varchar(200),
    withdrawn_at        timestamptz,
    withdrawal_reason   varchar(500),
    version             integer      not null default 1 check (version >= 1),
    constraint disclosure_period_ck check (disclose_until >= disclose_from),
    constraint disclosure_withdrawal_ck check ((status = 'WITHDRAWN') = (withdrawn_at is not null))
);
create unique index disclosure_published_uk on disclosure (record_id) where status = 'PUBLISHED';
-- The public list: current disclosures of a region, newest first.
create index disclosure_public_idx on disclosure (region_code, disclose_from desc, id desc) where status = 'PUBLISHED';
create index disclosure_subject_idx on disclosure (subject_credit_code) where status = 'PUBLISHED';
create index disclosure_department_idx on disclosure (department_code, id desc);
