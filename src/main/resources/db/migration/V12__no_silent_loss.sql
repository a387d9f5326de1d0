-- No silent loss (issue 17): upload jobs say why they failed; pulls by cursor cannot skip an event whose transaction
-- commits late; the inbox and finished upload jobs are purged without losing what they guard.

-- Upload jobs: chunks_total and records_total now count what was received and stored (as it arrives), chunks_done
-- and records_read what was committed; a job succeeds only when both pairs agree. Why a job failed, as a catalog code.
alter table upload_job add column failure_code varchar(64);
create index upload_job_finished_idx on upload_job (finished_at) where status in ('SUCCEEDED', 'FAILED');

-- Pull cursors. Every outbox row carries the transaction that wrote it (a default, so every writer, set-based ones
-- and the fan-out trigger included, fills it). A national event gets its pull position only once every transaction
-- older than its own has ended (xact_id below the snapshot's xmin), in (xact_id, id) order, from one counter taken
-- under a row lock: a position is never handed out below one already visible, so a cursor never skips an event.
alter table outbox add column xact_id xid8 not null default pg_current_xact_id();
alter table outbox add column pull_position bigint;
-- The events stored so far are final (this migration holds the table's lock): their id is their position, so
-- cursors handed out before (ids) stay valid; new positions start above every id.
update outbox set pull_position = id where target = 'national';
create table outbox_pull_counter (
    singleton     boolean primary key default true check (singleton),
    last_position bigint  not null
);
insert into outbox_pull_counter (last_position) select coalesce(max(id), 0) from outbox;
create unique index outbox_pull_position_idx on outbox (pull_position) where pull_position is not null;
create index outbox_unpositioned_idx on outbox (xact_id, id) where target = 'national' and pull_position is null;

-- Inbox retention: processed and superseded messages are purged; the highest revision purged of each message is
-- remembered, so a late duplicate or an older revision is still recognised (and skipped) after the purge.
create table inbox_processed_revision (
    kind        varchar(16) not null,
    national_id varchar(64) not null,
    revision    integer     not null,
    primary key (kind, national_id)
);
create index inbox_finished_idx on inbox (processed_at) where status in ('PROCESSED', 'SUPERSEDED');
