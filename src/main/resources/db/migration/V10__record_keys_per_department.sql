-- A record's idempotency key is its source key within its department: (department, source system, source record
-- id). With the key global, another department could take ("squat") a department's future source record id, its
-- upload was then refused, and the refusal told that the key existed. Now each department's keys are its own.
alter table behaviour_record drop constraint behaviour_record_source_uk;
alter table behaviour_record
    add constraint behaviour_record_source_uk unique (department_code, source_system, source_record_id);
