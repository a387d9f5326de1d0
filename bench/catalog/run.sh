#!/usr/bin/env bash
# The catalog listing at provincial scale (Guangxi: ~460,000 items), against a bare pgbench baseline in the same run.
#   bench/catalog/run.sh [items, default 460000] [seconds per measurement, default 15]
# Creates database hub_bench_catalog (or $BENCH_DB; kept for re-runs), loads the Guangxi demo set and the items with
# SQL (generate.sql), starts the packaged hub on port 8087 (management 9087; $BENCH_PORT), and measures:
#   - pgbench running the hub's own statements (CatalogQueries: a keyset page after a random code, nine in ten, and
#     the first page, one in ten; bench/catalog/pgbench-*.sql) against the hub walking the catalog the same way
#     (keyset.lua), each in rounds until two agree within 5% (at most $BENCH_MAX_ROUNDS, default 6);
#   - the hub under a mix of filters (filters.lua), in rounds the same way;
#   - an open-loop run with hey at $BENCH_OPEN_RATE requests/s (default 3000);
#   - a JFR profile of the keyset load, grouped by package; EXPLAIN of the statements as the hub prepares them;
# and writes bench/results/catalog-<items>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-460000}
duration=${2:-15}
port=${BENCH_PORT:-8087}
db=${BENCH_DB:-hub_bench_catalog}
open_rate=${BENCH_OPEN_RATE:-3000}
dept=450100_SAMR   # the caller: a city department, so every item carries claimedByMe
work=target/bench-catalog
. bench/lib.sh
rm -f "$work/load.txt"
# The risk pass is off: after a bulk load it would read new data in the background and be measured instead.
catalog_hub() { start_hub -Dhub.risk.enabled=false "$@"; }

present=$(psql_db -c "select count(*) from catalog_item where code like '459%'" 2>/dev/null || echo 0)
# The demo data set is loaded by the first start on a new database only: its claims and records are generated for
# every catalog item of the demo sectors, which with the bench items present is millions of rows per start.
demo_data=$([ "$present" -gt 0 ] && echo false || echo true)
catalog_hub -Dhub.demo.data="$demo_data"   # applies the migrations (and on a new database the demo data set)
if [ "$present" -lt "$count" ]; then
  started=$(date +%s)
  psql_db -v count="$count" -v dept="$dept" -f bench/catalog/generate.sql >/dev/null
  echo "loaded $(psql_db -c "select count(*) from catalog_item where code like '459%'") items in $(( $(date +%s) - started )) s" \
    | tee "$work/load.txt"
fi
psql_db -f bench/catalog/draws.sql >/dev/null
codes=$(psql_db -c "select count(*) from bench_item_codes")
total_items=$codes
# wrk draws from 20,000 codes of the catalog (cursor and sector of each) and 2,000 main items.
psql_db -c "select cursor || ' ' || sector from bench_item_codes where n in (
              select 1 + (random() * ($codes - 1))::int from generate_series(1, 20000))" > "$work/cursors.txt"
psql_db -c "select code from catalog_item where parent_code is null and code like '459%' order by random() limit 2000" \
  > "$work/parents.txt"

base="http://127.0.0.1:$port"
token=$(scripts/demo-token.sh dept-admin "$dept" 450100 bench-catalog)
status=$(curl -s -o "$work/first-page.json" -w '%{http_code}' -H "Authorization: Bearer $token" "$base/api/v1/items?size=3&count=exact")
[ "$status" = 200 ] || { echo "the listing answered $status: $(cat "$work/first-page.json")" >&2; exit 1; }

export BENCH_TOKEN=$token BENCH_CURSORS=$work/cursors.txt BENCH_PARENTS=$work/parents.txt
run_wrk() { # name, wrk arguments: "rps p50 p99 non2xx"
  local name=$1; shift
  wrk -t2 -c16 -d"${duration}s" --timeout 10s --latency "$@" > "$work/$name.txt" 2>&1
  awk '/Requests\/sec/ {r=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx/ {e=$5}
       END {printf "%s %s %s %s\n", r, p50, p99, (e == "" ? 0 : e)}' "$work/$name.txt"
}
pgbench_pages() { # one round of the hub's statements: "tps avg-latency-ms"
  pgbench -n -M prepared -h 127.0.0.1 -U hub -c 16 -j 2 -T "$duration" -D codes="$codes" -D dept="$dept" \
    -f bench/catalog/pgbench-keyset.sql@9 -f bench/catalog/pgbench-first-page.sql@1 "$db" > "$work/pgbench.txt" 2>&1
  awk '/^tps/ {t=$3} /^latency average/ {l=$4} END {print t, l}' "$work/pgbench.txt"
}
wrk_keyset() { run_wrk keyset -s bench/catalog/keyset.lua "$base"; }
wrk_filters() { run_wrk filters -s bench/catalog/filters.lua "$base"; }
# Open loop (bench/lib.sh): hey at a fixed total rate, 8 processes, each on its own cursor (hey sends one URL).
catalog_open_loop() { # rate
  local urls=() i
  for i in $(seq 1 8); do
    urls+=("$base/api/v1/items?size=20&after=$(sed -n "$(( i * 997 + 1 ))p" "$work/cursors.txt" | cut -d' ' -f1)")
  done
  open_loop "$1" "${urls[@]}" -- -H "Authorization: Bearer $token"
}

# ---- Plans: the statements as the hub prepares them, generic plans forced (what a prepared statement settles on) ----
explain() { # title, statement with $n, then its parameters
  local title=$1 sql=$2; shift 2
  local values="" value
  for value in "$@"; do values="$values${values:+, }'$value'"; done
  printf -- '-- %s\n' "$title"
  psql_db -c "set plan_cache_mode = force_generic_plan" -c "prepare page as $sql" \
    -c "explain (analyze, buffers, costs off, timing off, summary on) execute page${values:+($values)}" \
    || echo "(explain failed)"
  echo
}
middle=$(psql_db -c "select code from bench_item_codes where n = $(( codes / 2 ))")
middle_sector=$(psql_db -c "select sector from bench_item_codes where n = $(( codes / 2 ))")
# CatalogQueries' shape for a department caller: the page in a limited subquery, the caller's claims looked up on it.
page_sql() { # from clause, where clause
  local columns="i.code, i.name, i.parent_code, i.item_type, i.sector_code, i.legal_basis, i.supervised_object, i.method, i.catalog_level, i.status, i.effective_date, i.cancel_date, i.catalog_version, i.version, i.updated_at"
  printf "select p.*, exists (select 1 from item_claim c where c.item_code = p.code and c.department_code = \$1 and c.status = 'ACTIVE') as claimed_by_me from (select %s from %s where %s order by i.code limit 21) p order by p.code" \
    "$columns" "$1" "$2"
}
not_claimed="not exists (select 1 from item_claim c where c.item_code = i.code and c.department_code = \$1 and c.status = 'ACTIVE')"
{
  explain "keyset page after the middle code (pgbench-keyset.sql)" \
    "$(tail -1 bench/catalog/pgbench-keyset.sql | sed 's/:dept/$1/; s/:after/$2/; s/;$//')" "$dept" "$middle"
  explain "first page (pgbench-first-page.sql)" \
    "$(tail -1 bench/catalog/pgbench-first-page.sql | sed 's/:dept/$1/; s/;$//')" "$dept"
  explain "keyset page of a sector" \
    "$(page_sql "catalog_item i" "i.sector_code = \$2 and i.code > \$3")" "$dept" "$middle_sector" "$middle"
  explain "keyset page of a sector, suspended (rare)" \
    "$(page_sql "catalog_item i" "i.status = \$2 and i.sector_code = \$3 and i.code > \$4")" \
    "$dept" SUSPENDED "$middle_sector" "$middle"
  explain "keyset page of a type, in use" \
    "$(page_sql "catalog_item i" "i.item_type = \$2 and i.status = \$3 and i.code > \$4")" \
    "$dept" INSPECTION IN_USE "$middle"
  explain "keyset page not claimed by the caller, of a sector, in use (the console's list)" \
    "$(page_sql "catalog_item i" "i.status = \$2 and i.sector_code = \$3 and $not_claimed and i.code > \$4")" \
    "$dept" IN_USE "$middle_sector" "$middle"
  explain "keyset page of the caller's claimed items (claimed=true: its claims drive)" \
    "$(page_sql "item_claim d join catalog_item i on i.code = d.item_code" "d.department_code = \$1 and d.status = 'ACTIVE' and d.item_code > \$2")" \
    "$dept" "$middle"
  explain "count=exact of the whole catalog" "select count(*) as total from catalog_item i where true"
} > "$work/explain.txt" 2>&1

# ---- Measurements ----
# Warm-up: PostgreSQL's caches with pgbench, the hub's JIT with wrk, before anything is counted.
pgbench -n -M prepared -h 127.0.0.1 -U hub -c 16 -j 2 -T 5 -D codes="$codes" -D dept="$dept" \
  -f bench/catalog/pgbench-keyset.sql@9 -f bench/catalog/pgbench-first-page.sql@1 "$db" > "$work/pgbench-warmup.txt" 2>&1 \
  || { echo "pgbench script failed: $(tail -3 "$work/pgbench-warmup.txt")" >&2; exit 1; }
wrk -t2 -c16 -d10s -s bench/catalog/keyset.lua "$base" > /dev/null 2>&1
wrk -t2 -c16 -d5s -s bench/catalog/filters.lua "$base" > /dev/null 2>&1
until_stable pgbench_pages > "$work/rounds-pgbench.txt"
# CPU of the hub and of the backends serving it (its pooled connections to this database).
backends=$(psql_db -c "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
hub_cpu0=$(cpu_seconds "$hub"); pg_cpu0=$(cpu_seconds $backends)
until_stable wrk_keyset > "$work/rounds-keyset.txt"
echo "$(awk -v a="$(cpu_seconds "$hub")" -v b="$hub_cpu0" 'BEGIN {print a - b}') $(awk -v a="$(cpu_seconds $backends)" -v b="$pg_cpu0" 'BEGIN {print a - b}')" \
  > "$work/cpu-keyset.txt"
until_stable wrk_filters > "$work/rounds-filters.txt"
catalog_open_loop "$open_rate" > "$work/open-loop.txt"
# Answers: what the walk returns (two items of a page after the middle code, and the page after it).
next=$(curl -s -H "Authorization: Bearer $token" "$base/api/v1/items?size=2&after=$(sed -n '1p' "$work/cursors.txt" | cut -d' ' -f1)" \
  | tee "$work/answers.txt" | sed -n 's/.*"next":"\([^"]*\)".*/\1/p')
{ echo; curl -s -H "Authorization: Bearer $token" "$base/api/v1/items?size=2&count=exact&after=$next"; echo; } >> "$work/answers.txt"
stop_hub

# Where the hub's time goes under the keyset load: JFR execution samples, top frame grouped by package. Recording
# starts after 30 s of load (delay), so start-up and the first JIT are left out.
catalog_hub -Dhub.demo.data=false -XX:StartFlightRecording=delay=30s,duration=20s,filename="$work/keyset.jfr",settings=profile
wrk -t2 -c16 -d55s -s bench/catalog/keyset.lua "$base" > /dev/null 2>&1
sleep 5   # the recording is written when its 20 s end
stop_hub
jfr_top "$work/keyset.jfr" > "$work/profile.txt"

# ---- Report ----
last() { grep -v '^stable\|^unstable' "$1" | tail -1; }
report=bench/results/catalog-$count.md
pg=$(last "$work/rounds-pgbench.txt")
keyset=$(last "$work/rounds-keyset.txt")
filters=$(last "$work/rounds-filters.txt")
pg_tps=$(echo "$pg" | awk '{print $5}')
{
  printf '# Catalog listing, %s items\n\n' "$count"
  printf 'Run %s on %s cores, %s, %s; %s; PostgreSQL %s (shared_buffers %s). wrk -t2 -c16 and pgbench -c16 -j2 share the machine with the hub and the database; %s s per round. The catalog holds %s items in all (the demo catalog included).\n\n' \
    "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
    "$(free -g | awk '/Mem:/ {print $2 " GiB"}')" "$(java -version 2>&1 | head -1)" "$(psql -V | awk '{print $3}')" \
    "$(psql_db -c 'show shared_buffers')" "$duration" "$total_items"
  [ -f "$work/load.txt" ] && printf '%s (bench/catalog/generate.sql).\n\n' "$(cat "$work/load.txt")"
  printf 'The caller is a city department (%s), so every item carries claimedByMe. The baseline is pgbench running the statements the hub prepares (`CatalogQueries.listing`, word for word: `CatalogQueriesTest` keeps `bench/catalog/pgbench-*.sql` equal to them) with bound parameters (`-M prepared`): a keyset page after a random code of the catalog (9 in 10, drawn by primary key first with `\\gset`, one round trip the hub does not make) and the first page (1 in 10). The hub gets the same mix from wrk (`keyset.lua`). Both were warmed up, then measured in rounds until two consecutive rounds agreed within 5%%: pgbench %s, hub %s, hub with filters %s.\n\n' \
    "$dept" "$(tail -1 "$work/rounds-pgbench.txt")" "$(tail -1 "$work/rounds-keyset.txt")" "$(tail -1 "$work/rounds-filters.txt")"
  printf '| measurement | req/s | ratio to pgbench | p50 | p99 | non-2xx |\n|---|---|---|---|---|---|\n'
  printf '| pgbench: the keyset and first-page SQL, straight to PostgreSQL | %s | 1.000 | %s ms (avg) | | |\n' "$pg_tps" "$(echo "$pg" | awk '{print $6}')"
  printf '| hub: GET /api/v1/items?size=20&after=… (and the first page), wrk closed loop | %s | %s | %s | %s | %s |\n' \
    "$(echo "$keyset" | awk '{print $5}')" "$(awk -v a="$(echo "$keyset" | awk '{print $5}')" -v b="$pg_tps" 'BEGIN {printf "%.3f", a / b}')" \
    "$(echo "$keyset" | awk '{print $6}')" "$(echo "$keyset" | awk '{print $7}')" "$(echo "$keyset" | awk '{print $8}')"
  printf '| hub: keyset pages with a mix of filters (`filters.lua`), wrk closed loop | %s | %s | %s | %s | %s |\n' \
    "$(echo "$filters" | awk '{print $5}')" "$(awk -v a="$(echo "$filters" | awk '{print $5}')" -v b="$pg_tps" 'BEGIN {printf "%.3f", a / b}')" \
    "$(echo "$filters" | awk '{print $6}')" "$(echo "$filters" | awk '{print $7}')" "$(echo "$filters" | awk '{print $8}')"
  read -r orate op50 op99 omax oerr < "$work/open-loop.txt"
  printf '| hub, open loop: hey at %s req/s (64 workers), keyset pages | %s | | %s ms | %s ms (max %s ms) | %s |\n\n' \
    "$open_rate" "$orate" "$op50" "$op99" "$omax" "$oerr"
  printf 'Filter mix: 30%% none, 20%% sector, 15%% sector + status, 15%% type + status, 10%% not claimed by the caller in a sector and in use (the console'"'"'s list), 5%% sub-items of a main item (page numbers, counted), 5%% text in the name without a count; every keyset page starts after a random code (of the sector, when filtered by one).\n\n'
  printf 'Rounds (round, load average 1/5/15 min, then req/s and latencies):\n\n```\npgbench\n%s\nhub keyset\n%s\nhub filters\n%s\n```\n\n' \
    "$(cat "$work/rounds-pgbench.txt")" "$(cat "$work/rounds-keyset.txt")" "$(cat "$work/rounds-filters.txt")"
  read -r hub_cpu pg_cpu < "$work/cpu-keyset.txt"
  hub_requests=$(grep -v '^stable\|^unstable' "$work/rounds-keyset.txt" | awk -v d="$duration" '{n += $5 * d} END {printf "%d", n}')
  printf 'CPU during the hub keyset rounds, from /proc (utime + stime): the hub %s s, the PostgreSQL backends of its pool %s s, for %s requests: %s ms of hub and %s ms of PostgreSQL per page.\n\n' \
    "$hub_cpu" "$pg_cpu" "$hub_requests" \
    "$(awk -v c="$hub_cpu" -v n="$hub_requests" 'BEGIN {printf "%.3f", 1000 * c / n}')" \
    "$(awk -v c="$pg_cpu" -v n="$hub_requests" 'BEGIN {printf "%.3f", 1000 * c / n}')"
  printf 'Plans of the statements as the hub prepares them (generic plans forced, `EXPLAIN (ANALYZE, BUFFERS)`), starting after the middle code of the catalog:\n\n```\n%s\n```\n\n' \
    "$(cat "$work/explain.txt")"
  printf 'A sample of the answers (size=2, then the page after its next with count=exact):\n\n```\n%s\n```\n\n' "$(cat "$work/answers.txt")"
  printf 'Hottest code in the hub during the keyset load (JFR execution samples, top frame grouped by package):\n\n```\n%s\n```\n' \
    "$(cat "$work/profile.txt")"
} > "$report"
cat "$report"
