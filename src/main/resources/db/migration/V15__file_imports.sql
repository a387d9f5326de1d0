-- File imports (xlsx/csv): an upload job fed from a sheet keeps the file it came from, so the hub can hand back a copy
-- with an error column per row. The file is stored in pieces (bounded memory on the way in and out) and goes with its
-- job (retention purges the job, the cascade the file).
alter table upload_job alter column media_type type varchar(100);

create table upload_job_file (
    job_id     uuid         primary key references upload_job (id) on delete cascade,
    -- xlsx or csv; the charset a csv was read with (UTF-8 or GB18030).
    format     varchar(8)   not null check (format in ('xlsx', 'csv')),
    charset    varchar(16),
    -- The route: the standard format of a record kind, or an adapter's inbound kind.
    kind       varchar(64)  not null,
    system     varchar(64),
    file_name  varchar(255),
    bytes      bigint       not null,
    parts      integer      not null
);

create table upload_job_file_part (
    job_id uuid    not null references upload_job_file (job_id) on delete cascade,
    seq    integer not null,
    bytes  bytea   not null,
    primary key (job_id, seq)
);
