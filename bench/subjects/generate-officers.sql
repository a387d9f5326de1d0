-- Loads :count officers with the demo generators (run in the same psql session after
-- src/main/resources/db/demo/generators.sql); the first 200 get accounts bench-officer-<n>.
select pg_temp.demo_generate_officers(:count, 'bench-officer-', 200);
analyze officer;
analyze certificate;
