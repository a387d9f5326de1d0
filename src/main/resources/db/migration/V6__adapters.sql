-- Docked systems that want the hub's events pushed to them (outbound.url in their descriptor) subscribe per
-- aggregate type; the hub keeps this table equal to the descriptors at start-up. Every event written for the
-- national platform is copied, in the same transaction, for each subscriber: the relay then delivers each copy
-- with the same guarantees (order per aggregate, retries, dead letters) as the national one.
create table adapter_subscription (
    system         varchar(64) not null,
    aggregate_type varchar(64) not null,
    primary key (system, aggregate_type)
);

create function outbox_fan_out() returns trigger language plpgsql as
$$
begin
    -- The copies fire this trigger again; they are never copied themselves.
    if pg_trigger_depth() > 1 then
        return null;
    end if;
    insert into outbox (target, aggregate_type, aggregate_id, event_type, payload)
    select s.system, i.aggregate_type, i.aggregate_id, i.event_type, i.payload
    from inserted i join adapter_subscription s on s.aggregate_type = i.aggregate_type
    where i.target = 'national'
    order by i.id, s.system;
    return null;
end
$$;
create trigger outbox_fan_out after insert on outbox referencing new table as inserted
    for each statement execute function outbox_fan_out();
