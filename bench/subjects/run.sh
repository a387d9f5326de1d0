#!/usr/bin/env bash
# Subject lookup and name search at provincial scale, against a bare pgbench baseline in the same run.
#   bench/subjects/run.sh [subjects, default 1000000] [seconds per measurement, default 15] [officers, default 50000] [all|search|lookup]
# Creates database hub_bench_<subjects> (or $BENCH_DB; kept for re-runs), loads the Guangxi demo set and the subjects,
# starts the hub on a spare port, measures, and writes bench/results/subjects-<subjects>.md (all) and
# bench/results/subjects-search-<date>.md (all and search: the name search against pgbench running its own SQL,
# SubjectQueries.SEARCH, the call of subject_name_search (V22, V26), in rounds until two agree within 5%, plus an open-loop run with
# wrk at a fixed rate, $BENCH_OPEN_RATE requests/s, default 3000, and a JFR profile of the search). The lookup is also measured at a
# fixed rate, $BENCH_PACED_RATE requests/s (default 1000): its latency, compared across sizes (10,000 and 1,000,000
# subjects), is the one a docked system sees, not that of a saturated closed loop. "lookup" measures only the lookup.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000000}
duration=${2:-15}
officers=${3:-50000}
only=${4:-all}
port=${BENCH_PORT:-8089}
db=${BENCH_DB:-hub_bench_${count}}
open_rate=${BENCH_OPEN_RATE:-3000}
paced_rate=${BENCH_PACED_RATE:-1000}
max_rounds=${BENCH_MAX_ROUNDS:-6}
work=target/bench-subjects
mkdir -p "$work" bench/results
rm -f "$work/load.txt"

command -v wrk >/dev/null 2>&1 && command -v hey >/dev/null 2>&1 && command -v pgbench >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk hey postgresql-contrib >/dev/null; }
HUB_DB_NAME=$db HUB_TEST_DB_NAME=$db bash scripts/ensure-postgres.sh   # only the bench database, never hub or hub_test
bash scripts/ensure-redis.sh
psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -qtA "$@" 2>/dev/null || runuser -u postgres -- psql -d postgres -qtA "$@"; }
[ "$(psql_admin -c "select count(*) from pg_database where datname = '$db'")" = "1" ] || psql_admin -c "create database $db owner hub"
psql_db() { psql -h 127.0.0.1 -U hub -d "$db" -v ON_ERROR_STOP=1 -qtA "$@"; }

[ -n "${BENCH_SKIP_BUILD:-}" ] || mvn -B -ntp -q package -DskipTests

hub=""
# The risk models' incremental pass is off: after a bulk load of subjects it evaluates every new one, minutes of both
# cores that would land in whichever measurement runs then (bench/risk/run.sh measures it).
start_hub() { # extra JVM options
  HUB_DB_NAME=$db java -Dquarkus.profile=demo -Dquarkus.http.port="$port" -Dquarkus.management.port=$((port + 1000)) -Dquarkus.log.level=WARN \
    -Dhub.risk.enabled=false "$@" \
    -jar target/quarkus-app/quarkus-run.jar > "$work/hub.log" 2>&1 &
  hub=$!
  for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$((port + 1000))/q/health/ready" >/dev/null 2>&1 && return; sleep 1; done
  echo "hub did not start; see $work/hub.log" >&2; exit 1
}
stop_hub() { [ -n "$hub" ] && kill "$hub" 2>/dev/null && wait "$hub" 2>/dev/null || true; hub=""; }
trap stop_hub EXIT

# The public verify endpoint is rate-limited per address; wrk is one address, so lift the limit here.
start_hub -Dhub.credentials.verify-rate-limit.requests=1000000000   # applies migrations and the demo data set
present=$(psql_db -c "select count(*) from subject where credit_code is not null")
if [ "$present" -lt "$count" ]; then
  started=$(date +%s)
  psql_db -v count="$count" -f src/main/resources/db/demo/generators.sql -f bench/subjects/generate.sql >/dev/null
  echo "loaded $count subjects in $(( $(date +%s) - started )) s" | tee "$work/load.txt"
fi
# A migration that rewrote the table (V26 added a stored column) leaves its visibility map empty, and autovacuum sees
# no change to start on: the search's index-only scan would read the heap for every hit.
psql_db -c "vacuum (analyze) subject"
present_officers=$(psql_db -c "select count(*) from officer")
if [ "$only" = all ] && [ "$present_officers" -lt "$officers" ]; then
  started=$(date +%s)
  psql_db -v count="$officers" -f src/main/resources/db/demo/generators.sql -f bench/subjects/generate-officers.sql >/dev/null
  echo "loaded $officers officers in $(( $(date +%s) - started )) s" | tee -a "$work/load.txt"
fi
# The codes the load draws from; generate.sql fills them, but the demo set alone may already hold the subjects asked
# for (20,000 organisations), and then nothing was generated.
if [ "$(psql_db -c "select to_regclass('bench_codes') is null")" = t ]; then
  psql_db -c "create table bench_codes (n integer primary key, credit_code char(18) not null)" \
    -c "insert into bench_codes (n, credit_code) select row_number() over (order by id), credit_code from subject where credit_code is not null" \
    -c "analyze bench_codes"
fi
codes=$(psql_db -c "select count(*) from bench_codes")

# 90% existing codes, 10% valid codes that do not exist.
psql_db -c "select credit_code from bench_codes where n in (select 1 + (random() * ($codes - 1))::int from generate_series(1, 9000))" > "$work/codes.txt"
psql_db >> "$work/codes.txt" <<'SQL'
create function pg_temp.cc(p text) returns text language plpgsql as $$
declare a constant text := '0123456789ABCDEFGHJKLMNPQRTUWXY'; t int := 0;
begin for i in 1..17 loop t := t + (strpos(a, substr(p, i, 1)) - 1) * (power(3, i - 1)::bigint % 31)::int; end loop;
return p || substr(a, (31 - t % 31) % 31 + 1, 1); end $$;
select pg_temp.cc('91450103' || (900000000 + g)::text) from generate_series(1, 1000) g;
SQL
psql_db -c "select distinct substr(name, 3 + (id % 2)::int, 2 + (id % 3)::int) from subject tablesample system (1) where credit_code is not null limit 500" > "$work/fragments.txt"

token=$(scripts/demo-token.sh system 450100_SAMR 450000 bench-system)
run_wrk() { # name, lua, url-path(optional for lua-less)
  local name=$1; shift
  BENCH_TOKEN=$token BENCH_CODES=$work/codes.txt BENCH_FRAGMENTS=$work/fragments.txt \
    wrk -t2 -c16 -d5s --timeout 10s "$@" > /dev/null 2>&1 || true
  BENCH_TOKEN=$token BENCH_CODES=$work/codes.txt BENCH_FRAGMENTS=$work/fragments.txt \
    wrk -t2 -c16 -d"${duration}s" --timeout 10s --latency "$@" > "$work/$name.txt" 2>&1
  awk -v n="$name" '/Requests\/sec/ {r=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx/ {e=$5}
       END {printf "%s %s %s %s %s\n", n, r, p50, p99, (e == "" ? 0 : e)}' "$work/$name.txt"
}
base="http://127.0.0.1:$port"
# Electronic credentials of 200 officers with valid certificates, issued through the API just before use.
issue_ecredentials() {
  : > "$work/ecredentials.txt"
  : > "$work/ecredentials-status.txt"
  local account issuer cert status
  while IFS='|' read -r account issuer cert; do
    status=$(curl -s -o "$work/ecredential.json" -w '%{http_code}' -X POST -H "Content-Type: application/json" \
      -H "Authorization: Bearer $(scripts/demo-token.sh officer "" "" "$account" < /dev/null)" \
      -d "{\"issuer\":\"$issuer\",\"certNo\":\"$cert\"}" "$base/api/v1/credentials/e-credential" < /dev/null) || status=000
    echo "$status" >> "$work/ecredentials-status.txt"
    # The body has no trailing newline: print the token with one, one token per line.
    [ "$status" = 200 ] && printf '%s\n' "$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' "$work/ecredential.json")" >> "$work/ecredentials.txt"
  done < <(psql_db -c "select o.account, c.issuer, c.cert_no from officer o join certificate c on c.officer_id = o.id
                        where o.account like 'bench-officer-%' and c.status = 'VALID'
                          and current_date between c.valid_from and c.valid_to")
  [ -s "$work/ecredentials.txt" ] || { echo "no e-credential issued; statuses: $(sort "$work/ecredentials-status.txt" | uniq -c | tr '\n' ' ')" >&2; exit 1; }
}

# One round of the lookup's baseline: pgbench running the hub's statement, prepared as the hub prepares it.
pgbench_lookup() { # "tps avg-latency-ms"
  pgbench -n -M prepared -h 127.0.0.1 -U hub -c 16 -j 2 -T "$duration" -D codes="$codes" \
    -f bench/subjects/pgbench-lookup.sql "$db" > "$work/pgbench.txt" 2>&1
  awk '/^tps/ {t=$3} /latency average/ {l=$4} END {print t, l}' "$work/pgbench.txt"
}

cpu_seconds() { # cumulative CPU seconds of the processes named, from /proc (utime + stime)
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'
}
# ---- Name search: the hub against pgbench running the search's own SQL, in the same run ----
# The fragments the load draws from, in a table for pgbench (one draw = one primary-key read, \gset).
psql_db -c "drop table if exists bench_fragments" \
  -c "create table bench_fragments (n integer generated always as identity primary key, fragment text not null)"
psql_db -c "\copy bench_fragments (fragment) from '$work/fragments.txt'"
# $4: the fragment's bigrams held by at least 1% of names, less the rarest when all are, as the hub reads them from
# pg_stats (SubjectQueries.COMMON_BIGRAM_SHARE, leftOutOfLookup).
psql_db -c "alter table bench_fragments add column common text" -c "with common as (
    select t.bigram, t.share from pg_stats s, unnest(s.most_common_elems::text::text[], s.most_common_elem_freqs) as t(bigram, share)
    where s.schemaname = current_schema() and s.tablename = 'subject' and s.attname = 'name_bigrams'
      and t.bigram is not null and t.share >= 0.01),
  fragment_bigrams as (
    select f.n, b, c.share, count(*) over (partition by f.n) as bigrams, count(c.share) over (partition by f.n) as common,
           row_number() over (partition by f.n order by c.share nulls first) as rarest
    from bench_fragments f, unnest(name_bigrams(f.fragment)) b left join common c on c.bigram = b)
  update bench_fragments f set common = array(
    select b from fragment_bigrams g where g.n = f.n and g.share is not null and (g.common < g.bigrams or g.rarest > 1))::text"
fragment_count=$(psql_db -c "select count(*) from bench_fragments")
# The exact statement the hub prepares, its $1-$4 bound by pgbench (-M prepared) as the hub binds them: the fragment,
# '' for no region (pgbench -D takes no empty value: it comes with the draw), page size 20 + 1, the common bigrams.
{
  echo '\set f random(1, :fragments)'
  echo "select fragment as frag, '' as region, common from bench_fragments where n = :f \\gset"
  # SubjectQueries.SEARCH, word for word, with pgbench's variables for $1-$4.
  echo 'select tier, credit_code, name, subject_type, region_code, status, name_length'
  echo 'from subject_name_search(:frag, :region, :n, :common);'
} > "$work/pgbench-search.sql"

pgbench_search() { # one round: "tps avg-latency-ms"
  pgbench -n -M prepared -h 127.0.0.1 -U hub -c 16 -j 2 -T "$duration" -D fragments="$fragment_count" -D n=21 \
    -f "$work/pgbench-search.sql" "$db" > "$work/pgbench-search.txt" 2>&1
  awk '/^tps/ {t=$3} /latency average/ {l=$4} END {print t, l}' "$work/pgbench-search.txt"
}
wrk_search() { # one round: "rps p50 p99 non2xx"
  run_wrk name-search -s bench/subjects/search.lua "$base" | awk '{print $2, $3, $4, $5}'
}
# Rounds of a measurement until two consecutive rounds agree within 5% (at most $max_rounds): prints every round,
# one per line, and "stable <round>" or "unstable <round>" last.
until_stable() {
  local previous="" round=1 line rate
  while [ "$round" -le "$max_rounds" ]; do
    line=$("$@")
    rate=${line%% *}
    echo "$round $(cut -d' ' -f1-3 /proc/loadavg) $line"
    if [ -n "$previous" ] && awk -v a="$rate" -v b="$previous" 'BEGIN {exit !(a > 0 && b > 0 && (a > b ? a - b : b - a) / b <= 0.05)}'; then
      echo "stable $round"; return
    fi
    previous=$rate; round=$((round + 1))
  done
  echo "unstable $((round - 1))"
}
# A fixed rate instead of as fast as the hub answers: 64 connections, each waiting BENCH_PACE_MS before every request
# (lookup.lua, search.lua), so the load stays near the rate asked whatever the latency, and p99 is that of a hub
# under this load, not of a saturated closed loop. A slow answer holds back only its own connection's next request
# (at 2 ms answers against a 21 ms pace, the rate drifts by a tenth; the rate served is reported). wrk, not hey:
# hey's processes took a large share of the 2 cores at these rates, and sent one URL each.
paced() { # wrk script, rate, output name: prints "rps p50 p99 max non2xx" (latencies with wrk's units)
  local script=$1 rate=$2 name=$3
  BENCH_TOKEN=$token BENCH_CODES=$work/codes.txt BENCH_FRAGMENTS=$work/fragments.txt BENCH_PACE_MS=$((64 * 1000 / rate)) \
    wrk -t2 -c64 -d"${duration}s" --timeout 10s --latency -s "$script" "$base" > "$work/$name.txt" 2>&1
  awk '/Requests\/sec/ {r=$2} /^ +Latency +[0-9]/ {max=$4} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx/ {e=$5}
       END {printf "%s %s %s %s %s\n", r, p50, p99, max, (e == "" ? 0 : e)}' "$work/$name.txt"
}

# pgbench at the same fixed rate (-R: an open-loop schedule, each transaction's delay behind it counted), the
# baseline's own latency on this machine at that load: prints "tps p50 p99 max" (ms), from its per-transaction log.
pgbench_paced() { # pgbench script, rate, then pgbench -D definitions
  local script=$1 rate=$2; shift 2
  rm -f "$work"/pgbench-paced.*
  pgbench -n -M prepared -h 127.0.0.1 -U hub -c 16 -j 2 -T "$duration" -R "$rate" --log --log-prefix="$work/pgbench-paced" \
    "$@" -f "$script" "$db" > "$work/pgbench-paced.txt" 2>&1
  # Log lines: client, transaction, latency (us), script, epoch, us, schedule lag (us, with -R).
  cat "$work"/pgbench-paced.[0-9]* | awk '{print ($3 + $NF) / 1000}' | sort -n \
    | awk -v d="$duration" '{t[NR] = $1} END {printf "%.0f %.2fms %.2fms %.2fms\n", NR / d, t[int(NR * 0.5) + 1], t[int(NR * 0.99) + 1], t[NR]}'
}

run_search_benchmark() {
  start_hub
  token=$(scripts/demo-token.sh system 450100_SAMR 450000 bench-system)
  local hub_cpu0 pg_cpu0 hub_cpu pg_cpu
  # Warm-up: PostgreSQL's caches with pgbench, the hub's JIT with wrk, before anything is counted.
  pgbench -n -M prepared -h 127.0.0.1 -U hub -c 16 -j 2 -T 5 -D fragments="$fragment_count" -D n=21 \
    -f "$work/pgbench-search.sql" "$db" > /dev/null 2>&1 || { echo "pgbench search script failed" >&2; exit 1; }
  BENCH_TOKEN=$token BENCH_FRAGMENTS=$work/fragments.txt wrk -t2 -c16 -d10s -s bench/subjects/search.lua "$base" > /dev/null 2>&1
  until_stable pgbench_search > "$work/rounds-pgbench-search.txt"
  # CPU of the hub and of the backends serving it (its pooled connections to this database, not other databases'
  # backends on a shared machine); pgbench's backends end with it, so it has no such figure.
  local backends
  backends=$(psql_db -c "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()")
  hub_cpu0=$(cpu_seconds "$hub"); pg_cpu0=$(cpu_seconds $backends)
  until_stable wrk_search > "$work/rounds-hub-search.txt"
  hub_cpu=$(awk -v a="$(cpu_seconds "$hub")" -v b="$hub_cpu0" 'BEGIN {print a - b}')
  pg_cpu=$(awk -v a="$(cpu_seconds $backends)" -v b="$pg_cpu0" 'BEGIN {print a - b}')
  echo "$hub_cpu $pg_cpu" > "$work/cpu-search.txt"
  paced bench/subjects/search.lua "$open_rate" paced-search > "$work/open-loop.txt"
  pgbench_paced "$work/pgbench-search.sql" "$open_rate" -D fragments="$fragment_count" -D n=21 > "$work/pgbench-paced-search.txt"
  # Answers: a sample of what the search returns for a few fragments.
  for fragment in $(head -3 "$work/fragments.txt"); do
    curl -s -H "Authorization: Bearer $token" --get --data-urlencode "name=$fragment" --data-urlencode size=3 "$base/api/v1/subjects"
    echo
  done > "$work/answers.txt"
  stop_hub
  # Where the hub's time goes under the search load: JFR execution samples, top frame grouped by package.
  # Recording starts after 30 s of load (-XX:StartFlightRecording delay), so start-up and the first JIT are left out.
  start_hub -XX:StartFlightRecording=delay=30s,duration=20s,filename="$work/search.jfr",settings=profile
  BENCH_TOKEN=$token BENCH_FRAGMENTS=$work/fragments.txt wrk -t2 -c16 -d25s -s bench/subjects/search.lua "$base" > /dev/null 2>&1
  run_wrk name-search-profiled -s bench/subjects/search.lua "$base" > /dev/null
  sleep 12   # the recording is written when its 20 s end
  stop_hub
  jfr print --events jdk.ExecutionSample "$work/search.jfr" \
    | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/\(.*/, ""); n = split($0, p, ".");
                                pkg = p[1]; for (i = 2; i <= 3 && i < n - 1; i++) pkg = pkg "." p[i]; top[pkg]++; total++}
           END {for (f in top) printf "%6.1f%%  %s\n", 100 * top[f] / total, f}' \
    | sort -rn | head -15 > "$work/profile-search.txt" || true
  jfr print --stack-depth 96 --events jdk.ExecutionSample "$work/search.jfr" | python3 bench/jfr-paths.py > "$work/paths-search.txt" || true
  write_search_report
}

write_search_report() {
  local report=bench/results/subjects-search-$(date -u +%Y-%m-%d).md pg hub ratio
  pg=$(grep -v '^stable\|^unstable' "$work/rounds-pgbench-search.txt" | tail -1)
  hub=$(grep -v '^stable\|^unstable' "$work/rounds-hub-search.txt" | tail -1)
  ratio=$(awk -v a="$(echo "$hub" | awk '{print $5}')" -v b="$(echo "$pg" | awk '{print $5}')" 'BEGIN { printf "%.3f", a / b }')
  {
    printf '# Subject name search, %s subjects\n\n' "$count"
    printf 'Run %s on %s cores, %s, %s; %s; PostgreSQL %s (shared_buffers %s). wrk -t2 -c16 and pgbench -c16 -j2 share the machine with the hub and the database; %s s per round.\n\n' \
      "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
      "$(free -g | awk '/Mem:/ {print $2 " GiB"}')" "$(java -version 2>&1 | head -1)" "$(psql -V | awk '{print $3}')" \
      "$(psql_db -c 'show shared_buffers')" "$duration"
    printf 'The baseline is pgbench running the statement the hub prepares (`SubjectQueries.SEARCH`: `select … from subject_name_search($1, $2, $3, $4)`, V22 and V26) with bound parameters (`-M prepared`), each transaction first drawing its fragment from `bench_fragments` by primary key (`\\gset`, one extra round trip the hub does not make). Both were warmed up (pgbench 5 s, wrk 10 s), then measured in rounds until two consecutive rounds agreed within 5%%: pgbench %s, hub %s.\n\n' \
      "$(tail -1 "$work/rounds-pgbench-search.txt")" "$(tail -1 "$work/rounds-hub-search.txt")"
    printf '| measurement | req/s | ratio to pgbench | p50 | p99 | non-2xx |\n|---|---|---|---|---|---|\n'
    printf '| pgbench: the search SQL, straight to PostgreSQL | %s | 1.000 | %s ms (avg) | | |\n' "$(echo "$pg" | awk '{print $5}')" "$(echo "$pg" | awk '{print $6}')"
    printf '| hub: GET /api/v1/subjects?name=…&size=20 (wrk, closed loop) | %s | %s | %s | %s | %s |\n' \
      "$(echo "$hub" | awk '{print $5}')" "$ratio" "$(echo "$hub" | awk '{print $6}')" "$(echo "$hub" | awk '{print $7}')" "$(echo "$hub" | awk '{print $8}')"
    read -r orate op50 op99 omax oerr < "$work/open-loop.txt"
    printf '| hub at a fixed rate: %s req/s asked (wrk, 64 connections, each pausing %s ms before every request) | %s | | %s | %s (max %s) | %s |\n' \
      "$open_rate" "$((64 * 1000 / open_rate))" "$orate" "$op50" "$op99" "$omax" "$oerr"
    read -r prate pp50 pp99 pmax < "$work/pgbench-paced-search.txt"
    printf '| pgbench at the same fixed rate (-R %s, 16 clients; latency includes the schedule lag) | %s | | %s | %s (max %s) | |\n\n' \
      "$open_rate" "$prate" "$pp50" "$pp99" "$pmax"
    printf 'Rounds (round, load average 1/5/15 min, then req/s and latencies):\n\n```\npgbench search\n%s\nhub search\n%s\n```\n\n' \
      "$(cat "$work/rounds-pgbench-search.txt")" "$(cat "$work/rounds-hub-search.txt")"
    read -r hub_cpu pg_cpu < "$work/cpu-search.txt"
    local hub_requests
    hub_requests=$(grep -v '^stable\|^unstable' "$work/rounds-hub-search.txt" | awk -v d="$duration" '{n += $5 * d} END {printf "%d", n}')
    printf 'CPU during the hub rounds, from /proc (utime + stime; the JIT'"'"'s first rounds included): the hub %s s, the PostgreSQL backends of its pool %s s, for %s requests: %s ms of hub and %s ms of PostgreSQL per search.\n\n' \
      "$hub_cpu" "$pg_cpu" "$hub_requests" \
      "$(awk -v c="$hub_cpu" -v n="$hub_requests" 'BEGIN {printf "%.3f", 1000 * c / n}')" \
      "$(awk -v c="$pg_cpu" -v n="$hub_requests" 'BEGIN {printf "%.3f", 1000 * c / n}')"
    printf '%s fragments of 2-4 characters drawn from the middle of generated names (`fragments.txt`). A sample of the answers (size=3):\n\n```\n%s\n```\n\n' \
      "$fragment_count" "$(cat "$work/answers.txt")"
    printf 'Hottest code in the hub during the search load (JFR execution samples, top frame grouped by package):\n\n```\n%s\n```\n\n' \
      "$(cat "$work/profile-search.txt")"
    printf 'The same samples by call path (bench/jfr-paths.py: each sample charged to the most specific piece of work on its stack):\n\n```\n%s\n```\n' \
      "$(cat "$work/paths-search.txt")"
  } > "$report"
  cat "$report"
}

# One lookup round: "rps p50 p99 non2xx", and the CPU the hub and PostgreSQL spent in it (5 s warm-up included).
lookup_round() {
  local hub_before pg_before line
  hub_before=$(cpu_seconds "$hub"); pg_before=$(cpu_seconds $(pgrep -f 'postgres'))
  line=$(run_wrk subject-lookup -s bench/subjects/lookup.lua "$base" | awk '{print $2, $3, $4, $5}')
  echo "cpu $(awk -v a="$(cpu_seconds "$hub")" -v b="$hub_before" 'BEGIN {print a - b}') $(awk -v a="$(cpu_seconds $(pgrep -f 'postgres'))" -v b="$pg_before" 'BEGIN {print a - b}')" > "$work/cpu.txt"
  echo "$line"
}

if [ "$only" = search ]; then
  stop_hub
  run_search_benchmark
  exit 0
fi
# The baseline in rounds too, until two agree within 5%.
until_stable pgbench_lookup > "$work/pgbench-lookup-rounds.txt"
read -r pg_tps pg_latency < <(grep -v '^stable\|^unstable' "$work/pgbench-lookup-rounds.txt" | tail -1 | cut -d' ' -f5-)
[ "$only" = all ] && issue_ecredentials   # tokens live 5 minutes: issued just before the measurements
results=$(
  run_wrk health-baseline "http://127.0.0.1:$((port + 1000))/q/health/live"
  # In rounds until two agree within 5% (the JIT warmed up); the CPU split is that of the last round.
  until_stable lookup_round > "$work/lookup-rounds.txt"
  echo "subject-lookup $(grep -v '^stable\|^unstable' "$work/lookup-rounds.txt" | tail -1 | cut -d' ' -f5-8)"
  echo "subject-lookup-at-${paced_rate}/s $(paced bench/subjects/lookup.lua "$paced_rate" paced-lookup | cut -d' ' -f1-3,5)"
  echo "pgbench-lookup-at-${paced_rate}/s $(pgbench_paced bench/subjects/pgbench-lookup.sql "$paced_rate" -D codes="$codes" | cut -d' ' -f1-3) -"
  if [ "$only" = all ]; then
    run_wrk name-search -s bench/subjects/search.lua "$base"
    BENCH_ECREDENTIALS=$work/ecredentials.txt run_wrk credential-verify -s bench/subjects/verify.lua "$base"
  fi
)
# Where the time goes: the same lookup load under Java Flight Recorder, then the hottest frames, and the same samples
# by call path (bench/jfr-paths.py). Recording starts after 30 s of load, so start-up and the first JIT are left out.
stop_hub
start_hub -XX:StartFlightRecording=delay=30s,duration=20s,filename="$work/lookup.jfr",settings=profile
BENCH_TOKEN=$token BENCH_CODES=$work/codes.txt wrk -t2 -c16 -d25s -s bench/subjects/lookup.lua "$base" > /dev/null 2>&1
run_wrk subject-lookup-profiled -s bench/subjects/lookup.lua "$base" > /dev/null
sleep 12   # the recording is written when its 20 s end
stop_hub
jfr print --stack-depth 96 --events jdk.ExecutionSample "$work/lookup.jfr" | python3 bench/jfr-paths.py > "$work/paths.txt" || true
jfr print --events jdk.ExecutionSample "$work/lookup.jfr" \
  | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/\(.*/, ""); n = split($0, p, ".");
                              pkg = p[1]; for (i = 2; i <= 3 && i < n - 1; i++) pkg = pkg "." p[i]; top[pkg]++; total++}
         END {for (f in top) printf "%6.1f%%  %s\n", 100 * top[f] / total, f}' \
  | sort -rn | head -15 > "$work/profile.txt" || true
# The same lookup with the verified-token cache off: the cost of RS256 verification per request.
start_hub -Dhub.security.token-cache.enabled=false
nocache=$(run_wrk subject-lookup-no-token-cache -s bench/subjects/lookup.lua "$base")
stop_hub

report=bench/results/subjects-$count.md
{
  printf '# Subject lookup and search, %s subjects\n\n' "$count"
  printf '%s organisations with a credit code in the table (the demo set alone has 20,000).\n\n' "$(psql_db -c "select count(*) from subject where credit_code is not null")"
  printf 'Run %s on %s cores, %s, %s; %s; PostgreSQL %s. wrk -t2 -c16 and pgbench -c16 -j2 share the machine with the hub and the database.\n\n' \
    "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
    "$(free -g | awk '/Mem:/ {print $2 " GiB"}')" "$(java -version 2>&1 | head -1)" "$(psql -V | awk '{print $3}')"
  [ -f "$work/load.txt" ] && printf '%s.\n\n' "$(cat "$work/load.txt")"
  printf '| measurement | req/s | ratio to pgbench lookup | p50 | p99 | non-2xx |\n|---|---|---|---|---|---|\n'
  printf '| pgbench: the hub'"'"'s lookup statement (SubjectQueries.BY_CREDIT_CODE, prepared), straight to PostgreSQL, in rounds (%s) | %s | 1.000 | %s ms (avg) | | |\n' \
    "$(tail -1 "$work/pgbench-lookup-rounds.txt")" "$pg_tps" "$pg_latency"
  while read -r name rps p50 p99 errors; do
    ratio=$(awk -v a="$rps" -v b="$pg_tps" 'BEGIN { printf "%.3f", a / b }')
    case $name in *-at-*) ratio="(rate fixed by the load)" ;; esac
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$ratio" "$p50" "$p99" "$errors"
  done <<< "$results
$nocache"
  printf '\nnon-2xx on subject-lookup are the 10%% of drawn codes that do not exist (404 by design). subject-lookup-at-%s/s is the same lookup at a fixed rate (wrk, 64 connections, each pausing %s ms before every request), so its p99 is not that of a saturated closed loop; pgbench-lookup-at-… is the baseline'"'"'s statement at the same rate (pgbench -R, latency including the schedule lag), the machine'"'"'s own tail at that load. Compare both across sizes (subjects-10000.md, subjects-1000000.md).\n\n' \
    "$paced_rate" "$((64 * 1000 / paced_rate))"
  [ "$only" = all ] && printf 'credential-verify scans %s e-credentials (each scan checks the signature, reads the certificate and writes an audit entry).\n\n' "$(wc -l < "$work/ecredentials.txt")"
  read -r _ hub_cpu pg_cpu < "$work/cpu.txt"
  window=$((5 + duration))
  printf 'subject-lookup was measured in %s s rounds (each after 5 s of warm-up) until two agreed within 5%%: %s. Rounds (round, load average 1/5/15 min, req/s, p50, p99, non-2xx):\n\n```\n%s\n```\n\n' \
    "$duration" "$(tail -1 "$work/lookup-rounds.txt")" "$(cat "$work/lookup-rounds.txt")"
  printf 'Its baseline, pgbench -M prepared running the same statement, in %s s rounds (round, load average, tps, average latency in ms):\n\n```\n%s\n```\n\n' \
    "$duration" "$(cat "$work/pgbench-lookup-rounds.txt")"
  printf 'CPU during the last subject-lookup round, 5 s warm-up included (%s s on %s cores = %s CPU-seconds): hub %s s, PostgreSQL %s s, the rest (wrk, system) %s s.\n\n' \
    "$window" "$(nproc)" "$((window * $(nproc)))" "$hub_cpu" "$pg_cpu" \
    "$(awk -v h="$hub_cpu" -v p="$pg_cpu" -v w="$window" -v c="$(nproc)" 'BEGIN {printf "%.1f", w * c - h - p}')"
  printf 'Hottest code during the lookup load (JFR execution samples of the hub, 20 s after 30 s of load, top frame grouped by package):\n\n```\n%s\n```\n\n' "$(cat "$work/profile.txt")"
  printf 'The same samples by call path (bench/jfr-paths.py: each sample charged to the most specific piece of work on its stack):\n\n```\n%s\n```\n' "$(cat "$work/paths.txt")"
} > "$report"
cat "$report"

[ "$only" = all ] && run_search_benchmark
exit 0
