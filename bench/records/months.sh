#!/usr/bin/env bash
# Record uploads into a table of 10,000,000 records partitioned by month (V25): is the last tenth written as fast as
# the first, and does a department's question about a period still read one month's index alone?
#   bench/records/months.sh [records, default 10000000] [parallel JSON uploads, default 4]
# Recreates database hub_bench_months (or $BENCH_DB). The first and the last tenth go through POST /api/v1/records as
# JSON batches of 1,000, $parallel at a time (as bench/records/run.sh sends them: validation, keys, upsert, events,
# audit); the eight tenths between are written straight into the tables in transactions of 500,000 (keys and records
# with the uploaded records' bodies, acts over the same 300 days; no events; not what is measured). Then the plans of
# a department's month (a count, the coverage question) at that size. The risk models' passes are off, as in run.sh.
# Writes bench/results/records-months-<records>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-10000000}
parallel=${2:-4}
port=${BENCH_PORT:-8089}
db=${BENCH_DB:-hub_bench_months}
work=target/bench-months
rm -rf "$work"
source bench/lib.sh
psql_admin -c "drop database if exists $db with (force)" >/dev/null
psql_admin -c "create database $db owner hub" >/dev/null
mkdir -p "$work/first" "$work/last"

hub_options=(-Xmx512m -Dhub.demo.data=false -Dhub.risk.enabled=false)
start_hub "${hub_options[@]}"   # applies the migrations
department_credit_code=$(psql_db -f src/main/resources/db/demo/generators.sql -f bench/records/fixture.sql | tail -1)
token=$(scripts/demo-token.sh system BENCH_DEPT 450100 bench-system)
base="http://127.0.0.1:$port"
tenth=$((count / 10))

# A tenth of the records under its own source system, as JSON batches of 1,000.
batches() { # source system, directory
  python3 bench/records/generate.py "$tenth" "$1" "$department_credit_code" \
    | split -l 1000 -d -a 5 --additional-suffix=.ndjson - "$2/b"
  for f in "$2"/*.ndjson; do { printf '['; paste -sd, "$f"; printf ']'; } > "${f%.ndjson}.json"; rm "$f"; done
}
now() { date +%s.%N; }
# Uploads a directory's batches, $parallel at a time; prints "seconds records/s non-200".
upload_all() { # directory
  local started seconds
  started=$(now)
  ls "$1"/*.json | xargs -P "$parallel" -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST \
    -H "Authorization: Bearer $token" -H "Content-Type: application/json" --data-binary @{} "$base/api/v1/records" \
    > "$1/statuses.txt"
  seconds=$(awk -v a="$(now)" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
  echo "$seconds $(awk -v n="$tenth" -v s="$seconds" 'BEGIN { printf "%.0f", n / s }') $(grep -vc '^200$' "$1/statuses.txt" || true)"
}
stored() { psql_db -c "select count(*) from behaviour_record"; }

batches BENCH-FIRST "$work/first"
batches BENCH-LAST "$work/last"
# The JIT warmed up first (a cold hub would flatter the last tenth): 10 batches under their own source system.
mkdir -p "$work/warm-up"
first_batches=("$work"/first/*.json)
for f in "${first_batches[@]:0:10}"; do sed 's/"BENCH-FIRST"/"BENCH-WARM-UP"/g' "$f" > "$work/warm-up/${f##*/}"; done
upload_all "$work/warm-up" > /dev/null
warm_up_stored=$(stored)

read -r first_seconds first_rate first_non200 < <(upload_all "$work/first")
first_stored=$(stored)
echo "first tenth: $first_rate records/s"

# The eight tenths between, straight into the tables: keys first (they hand out the ids), then the records in their
# months, with the bodies of the first tenth's stored records in turn.
psql_db -c "create table bench_template as
            select row_number() over (order by id) - 1 as n, kind, item_code, region_code, subject_credit_code,
                   reported_at, disclosable, content_hash, body
            from behaviour_record where source_system = 'BENCH-FIRST'"
templates=$(psql_db -c "select count(*) from bench_template")
middle=$((count - 2 * tenth))
started=$(now)
for ((from = 1; from <= middle; from += 500000)); do
  through=$((from + 499999 > middle ? middle : from + 499999))
  psql_db -c "with keys as (
                insert into behaviour_record_key (department_code, source_system, source_record_id, act_date)
                select 'BENCH_DEPT', 'BENCH-MIDDLE', 'M' || g, current_date - (1 + g % 300)::int
                from generate_series($from, $through) g
                returning id, source_record_id, act_date)
              insert into behaviour_record (id, source_system, source_record_id, kind, department_code, item_code,
                                            region_code, subject_credit_code, act_date, reported_at, disclosable,
                                            content_hash, body)
              select k.id, 'BENCH-MIDDLE', k.source_record_id, t.kind, 'BENCH_DEPT', t.item_code, t.region_code,
                     t.subject_credit_code, k.act_date, t.reported_at, t.disclosable, t.content_hash, t.body
              from keys k join bench_template t on t.n = substr(k.source_record_id, 2)::bigint % $templates"
done
middle_seconds=$(awk -v a="$(now)" -v b="$started" 'BEGIN { printf "%.0f", a - b }')
psql_db -c "vacuum analyze behaviour_record_key"
psql_db -c "vacuum analyze behaviour_record"
before_last=$(stored)
echo "middle: $middle records in $middle_seconds s; $before_last stored"

read -r last_seconds last_rate last_non200 < <(upload_all "$work/last")
last_stored=$(stored)
echo "last tenth: $last_rate records/s"
stop_hub

# A department's month at that size: the count (department_idx) and the coverage question (coverage_idx), both after
# the vacuum a live table gets from autovacuum, so the index-only scans need not visit the heap.
psql_db -c "vacuum analyze behaviour_record"
month_from=$(psql_db -c "select date_trunc('month', current_date - 45)::date")
month_to=$(psql_db -c "select (date_trunc('month', current_date - 45) + interval '1 month')::date")
count_plan=$(psql_db -c "explain (analyze, buffers, costs off, summary on)
  select count(*) from behaviour_record where department_code = 'BENCH_DEPT'
    and act_date >= '$month_from' and act_date < '$month_to'")
coverage_plan=$(psql_db -c "explain (analyze, buffers, costs off, summary on)
  select item_code, count(*) from behaviour_record where department_code = 'BENCH_DEPT' and not deleted
    and act_date >= '$month_from' and act_date < '$month_to' group by item_code")
partitions=$(psql_db -c "select count(*) from pg_inherits where inhparent = 'behaviour_record'::regclass")
month_rows=$(psql_db -c "select count(*) from behaviour_record where act_date >= '$month_from' and act_date < '$month_to'")
sizes=$(psql_db -c "select pg_size_pretty(pg_total_relation_size('behaviour_record_key')) || ' keys; '
  || (select pg_size_pretty(sum(pg_total_relation_size(inhrelid))) from pg_inherits
      where inhparent = 'behaviour_record'::regclass) || ' records with their indexes'")

report=bench/results/records-months-$count.md
{
  printf '# Record uploads at %s records, partitioned by month\n\n' "$count"
  printf 'Run %s on %s cores, %s, %s; %s; PostgreSQL %s. The hub (heap capped at 512 MiB, risk passes off), PostgreSQL and curl share the machine; load average at the end: %s.\n\n' \
    "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
    "$(free -g | awk '/Mem:/ {print $2 " GiB"}')" "$(java -version 2>&1 | head -1)" "$(psql -V | awk '{print $3}')" \
    "$(cut -d' ' -f1-3 /proc/loadavg)"
  printf 'The first and the last tenth (%s records each, 5%% of them invalid and rejected) went through POST /api/v1/records as JSON batches of 1,000, %s in parallel, after 10 batches that warmed the hub up; the %s between were written straight into the tables in %s s (not measured). Acts spread over the last 300 days: %s partitions (one per month from 2024, three months ahead, and one for earlier acts); %s.\n\n' \
    "$tenth" "$parallel" "$middle" "$middle_seconds" "$partitions" "$sizes"
  printf '| tenth | records in the table before | seconds | records/s | not 200 | stored after |\n|---|---|---|---|---|---|\n'
  printf '| first | %s (the warm-up) | %s | %s | %s | %s |\n' "$warm_up_stored" "$first_seconds" "$first_rate" "$first_non200" "$first_stored"
  printf '| last | %s | %s | %s | %s | %s |\n\n' "$before_last" "$last_seconds" "$last_rate" "$last_non200" "$last_stored"
  printf 'The last tenth against the first: **%s**.\n\n' "$(awk -v a="$last_rate" -v b="$first_rate" 'BEGIN { printf "%.2f", a / b }')"
  printf "A department's month (%s to %s, %s records in it) after a vacuum; the plans name the partitions they read:\n\n" \
    "$month_from" "$month_to" "$month_rows"
  printf '```\n%s\n```\n\n```\n%s\n```\n' "$count_plan" "$coverage_plan"
} > "$report"
cat "$report"
