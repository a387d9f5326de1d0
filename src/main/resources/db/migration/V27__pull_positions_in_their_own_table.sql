-- Pull positions (V12) move out of the outbox into a narrow table of their own. Giving an event its position used to
-- update its outbox row: pull_position is indexed, so the update could not be HOT, and every national event was
-- written twice over, a second full copy of its row (payload included) and a new entry in each of the outbox's
-- indexes, in the order positions are handed out. Now a position is one small insert.
--
-- Which events still wait for a position no longer needs a marker on the row: positions are handed out in
-- (xact_id, id) order, only to events whose transaction is older than every transaction still running, so every
-- event at or below the last one positioned (the high-water mark kept with the counter) has its position, and every
-- event above it does not. Nothing can arrive below the mark later: its transaction would have been running when the
-- mark was set, and the mark is always below the oldest running transaction.
create table outbox_pull_position (
    pull_position bigint primary key,
    outbox_id     bigint not null unique
);
insert into outbox_pull_position (pull_position, outbox_id)
select pull_position, id from outbox where pull_position is not null;

alter table outbox_pull_counter
    add column last_xact_id   xid8   not null default '0',
    add column last_outbox_id bigint not null default 0;
update outbox_pull_counter c set last_xact_id = m.xact_id, last_outbox_id = m.id
from (select xact_id, id from outbox where pull_position is not null order by xact_id desc, id desc limit 1) m;

drop index outbox_unpositioned_idx;
drop index outbox_pull_position_idx;
alter table outbox drop column pull_position;
-- The events above the mark, in the order they are positioned.
create index outbox_national_xact_idx on outbox (xact_id, id) where target = 'national';
