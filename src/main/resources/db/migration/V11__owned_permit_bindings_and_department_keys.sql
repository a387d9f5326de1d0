-- Permit bindings have a stored owner, the scope of the caller who made them: a hub-admin's bind for every
-- department (both columns null, as every binding made before this migration), a region-admin's for the departments
-- of its region and the regions below it, a department admin's for its own department only. A binding opens
-- follow-ups only for claims of departments it applies to, so no department can make a province-wide rule.
alter table permit_binding drop constraint permit_binding_pkey;
alter table permit_binding
    add column id              bigint generated always as identity primary key,
    add column department_code varchar(32) references department (code),
    add column region_code     char(6) references region (code),
    add constraint permit_binding_owner_ck check (department_code is null or region_code is null);
create unique index permit_binding_owner_uk
    on permit_binding (permit_item_code, item_code, coalesce(department_code, ''), coalesce(region_code, ''));

-- Permits and sampling plans are keyed within the department that sends them, as records are since V10: with the
-- key global, another department could take a department's future permit number or plan id, its send was then
-- refused or mixed into the other's row, and the answer told that the key existed.
alter table permit drop constraint permit_source_uk;
alter table permit add constraint permit_source_uk unique (issuing_department, source_system, permit_number);
alter table random_inspection_plan drop constraint random_inspection_plan_uk;
alter table random_inspection_plan
    add constraint random_inspection_plan_uk unique (department_code, source_system, plan_id);
