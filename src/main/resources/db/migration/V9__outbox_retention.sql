-- Delivered events are kept for a while (reconciliation, pulls by cursor, investigation), then purged.
create index outbox_delivered_idx on outbox (delivered_at) where status = 'DELIVERED';
