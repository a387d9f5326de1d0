#!/usr/bin/env bash
# Subject lookup and name search at provincial scale, against a bare pgbench baseline in the same run.
#   bench/subjects/run.sh [subjects, default 1000000] [seconds per measurement, default 15] [officers, default 50000]
# Creates database hub_bench_<subjects> (kept for re-runs), loads the Guangxi demo set and the subjects,
# starts the hub on a spare port, measures, and writes bench/results/subjects-<subjects>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000000}
duration=${2:-15}
officers=${3:-50000}
port=${BENCH_PORT:-8089}
db=hub_bench_${count}
work=target/bench-subjects
mkdir -p "$work" bench/results
rm -f "$work/load.txt"

command -v wrk >/dev/null 2>&1 && command -v pgbench >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk postgresql-contrib >/dev/null; }
bash scripts/ensure-postgres.sh
bash scripts/ensure-redis.sh
psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -qtA "$@" 2>/dev/null || runuser -u postgres -- psql -d postgres -qtA "$@"; }
[ "$(psql_admin -c "select count(*) from pg_database where datname = '$db'")" = "1" ] || psql_admin -c "create database $db owner hub"
psql_db() { psql -h 127.0.0.1 -U hub -d "$db" -v ON_ERROR_STOP=1 -qtA "$@"; }

mvn -B -ntp -q package -DskipTests

hub=""
start_hub() { # extra JVM options
  HUB_DB_NAME=$db java -Dquarkus.profile=demo -Dquarkus.http.port="$port" -Dquarkus.management.port=$((port + 1000)) -Dquarkus.log.level=WARN "$@" \
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
present_officers=$(psql_db -c "select count(*) from officer")
if [ "$present_officers" -lt "$officers" ]; then
  started=$(date +%s)
  psql_db -v count="$officers" -f src/main/resources/db/demo/generators.sql -f bench/subjects/generate-officers.sql >/dev/null
  echo "loaded $officers officers in $(( $(date +%s) - started )) s" | tee -a "$work/load.txt"
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

pgbench -n -h 127.0.0.1 -U hub -c 16 -j 2 -T "$duration" -D codes="$codes" -f bench/subjects/pgbench-lookup.sql "$db" \
  > "$work/pgbench.txt" 2>&1
pg_tps=$(awk '/^tps/ {print $3; exit}' "$work/pgbench.txt")
pg_latency=$(awk '/latency average/ {print $4; exit}' "$work/pgbench.txt")

cpu_seconds() { # cumulative CPU seconds of the processes named, from /proc (utime + stime)
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'
}
issue_ecredentials   # tokens live 5 minutes: issued just before the measurements
results=$(
  run_wrk health-baseline "http://127.0.0.1:$((port + 1000))/q/health/live"
  hub_before=$(cpu_seconds "$hub"); pg_before=$(cpu_seconds $(pgrep -f 'postgres'))
  run_wrk subject-lookup -s bench/subjects/lookup.lua "$base"
  echo "cpu $(awk -v a="$(cpu_seconds "$hub")" -v b="$hub_before" 'BEGIN {print a - b}') $(awk -v a="$(cpu_seconds $(pgrep -f 'postgres'))" -v b="$pg_before" 'BEGIN {print a - b}')" > "$work/cpu.txt"
  run_wrk name-search -s bench/subjects/search.lua "$base"
  BENCH_ECREDENTIALS=$work/ecredentials.txt run_wrk credential-verify -s bench/subjects/verify.lua "$base"
)
# Where the time goes: the same lookup load under Java Flight Recorder, then the hottest frames.
stop_hub
start_hub -XX:StartFlightRecording=filename="$work/lookup.jfr",settings=profile
run_wrk subject-lookup-profiled -s bench/subjects/lookup.lua "$base" > /dev/null
stop_hub
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
  printf 'Run %s on %s cores, %s, %s; %s; PostgreSQL %s. wrk -t2 -c16 and pgbench -c16 -j2 share the machine with the hub and the database.\n\n' \
    "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
    "$(free -g | awk '/Mem:/ {print $2 " GiB"}')" "$(java -version 2>&1 | head -1)" "$(psql -V | awk '{print $3}')"
  [ -f "$work/load.txt" ] && printf '%s.\n\n' "$(cat "$work/load.txt")"
  printf '| measurement | req/s | ratio to pgbench lookup | p50 | p99 | non-2xx |\n|---|---|---|---|---|---|\n'
  printf '| pgbench: same indexed lookup, straight to PostgreSQL | %s | 1.000 | %s ms (avg) | | |\n' "$pg_tps" "$pg_latency"
  while read -r name rps p50 p99 errors; do
    ratio=$(awk -v a="$rps" -v b="$pg_tps" 'BEGIN { printf "%.3f", a / b }')
    printf '| %s | %s | %s | %s | %s | %s |\n' "$name" "$rps" "$ratio" "$p50" "$p99" "$errors"
  done <<< "$results
$nocache"
  printf '\nnon-2xx on subject-lookup are the 10%% of drawn codes that do not exist (404 by design). credential-verify scans %s e-credentials (each scan checks the signature, reads the certificate and writes an audit entry).\n\n' "$(wc -l < "$work/ecredentials.txt")"
  read -r _ hub_cpu pg_cpu < "$work/cpu.txt"
  window=$((5 + duration))
  printf 'CPU during the subject-lookup run, 5 s warm-up included (%s s on %s cores = %s CPU-seconds): hub %s s, PostgreSQL %s s, the rest (wrk, system) %s s.\n\n' \
    "$window" "$(nproc)" "$((window * $(nproc)))" "$hub_cpu" "$pg_cpu" \
    "$(awk -v h="$hub_cpu" -v p="$pg_cpu" -v w="$window" -v c="$(nproc)" 'BEGIN {printf "%.1f", w * c - h - p}')"
  printf 'Hottest code during the lookup load (JFR execution samples of the hub, top frame grouped by package):\n\n```\n%s\n```\n' "$(cat "$work/profile.txt")"
} > "$report"
cat "$report"
