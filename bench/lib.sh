# Shared by the bench/*/run.sh scripts (sourced, not run). Before sourcing, set:
#   db    the benchmark's own database (never hub or hub_test)
#   port  the hub's HTTP port (management port: port + 1000)
#   work  the scratch directory (under target/)
# Gives: psql_admin, psql_db, start_hub/stop_hub (the packaged hub, demo profile), until_stable, cpu_seconds,
# jfr_top, and $BENCH_MAX_ROUNDS / $duration handling.
set -euo pipefail
max_rounds=${BENCH_MAX_ROUNDS:-6}
mkdir -p "$work" bench/results

command -v wrk >/dev/null 2>&1 && command -v hey >/dev/null 2>&1 && command -v pgbench >/dev/null 2>&1 || {
  apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk hey postgresql-contrib >/dev/null; }
HUB_DB_NAME=$db HUB_TEST_DB_NAME=$db bash scripts/ensure-postgres.sh   # only the bench database, never hub or hub_test
bash scripts/ensure-redis.sh
psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -qtA "$@" 2>/dev/null || runuser -u postgres -- psql -d postgres -qtA "$@"; }
[ "$(psql_admin -c "select count(*) from pg_database where datname = '$db'")" = "1" ] || psql_admin -c "create database $db owner hub"
psql_db() { psql -h 127.0.0.1 -U hub -d "$db" -v ON_ERROR_STOP=1 -qtA "$@"; }

# The hub measured: this checkout's package, or $BENCH_APP (another build's target/quarkus-app, e.g. the commit
# before a change, to compare both in one run).
app=${BENCH_APP:-target/quarkus-app}
[ -n "${BENCH_SKIP_BUILD:-}" ] || [ -n "${BENCH_APP:-}" ] || mvn -B -ntp -q package -DskipTests

hub=""
start_hub() { # extra JVM options
  HUB_DB_NAME=$db java -Dquarkus.profile=demo -Dquarkus.http.port="$port" -Dquarkus.management.port=$((port + 1000)) \
    -Dquarkus.log.level=WARN "$@" -jar "$app/quarkus-run.jar" > "$work/hub.log" 2>&1 &
  hub=$!
  for _ in $(seq 1 120); do curl -fs "http://127.0.0.1:$((port + 1000))/q/health/ready" >/dev/null 2>&1 && return; sleep 1; done
  echo "hub did not start; see $work/hub.log" >&2; exit 1
}
stop_hub() { [ -n "$hub" ] && kill "$hub" 2>/dev/null && wait "$hub" 2>/dev/null || true; hub=""; }
trap stop_hub EXIT

# Rounds of a measurement until two consecutive rounds agree within 5% (at most $max_rounds): prints every round,
# one per line ("round load1 load5 load15 <the measurement's line>"), and "stable <round>" or "unstable <round>" last.
# The measurement prints one line whose first field is the rate.
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
# The measurement's line of the last round (without the round number and the load average).
last_round() { grep -v '^stable\|^unstable' "$1" | tail -1 | cut -d' ' -f5-; }

# Cumulative CPU seconds of the processes named, from /proc (utime + stime).
cpu_seconds() {
  local total=0 pid
  for pid in "$@"; do
    [ -r "/proc/$pid/stat" ] && total=$((total + $(awk '{print $14 + $15}' "/proc/$pid/stat")))
  done
  awk -v t="$total" -v hz="$(getconf CLK_TCK)" 'BEGIN { printf "%.1f", t / hz }'
}
# The PostgreSQL backends connected to the bench database (the hub's pool), for cpu_seconds.
pool_backends() { psql_db -c "select pid from pg_stat_activity where datname = current_database() and pid <> pg_backend_pid()"; }

# JFR execution samples of a recording, top frame grouped by package (three levels), the 15 largest shares.
jfr_top() { # recording
  jfr print --events jdk.ExecutionSample "$1" \
    | awk '/stackTrace = \[/ {getline; sub(/^[ \t]+/, ""); sub(/\(.*/, ""); n = split($0, p, ".");
                                pkg = p[1]; for (i = 2; i <= 3 && i < n - 1; i++) pkg = pkg "." p[i]; top[pkg]++; total++}
           END {for (f in top) printf "%6.1f%%  %s\n", 100 * top[f] / total, f}' \
    | sort -rn | head -15 || true
}

# One wrk round: prints "rps p50 p99 non2xx" (latencies as wrk prints them).
wrk_round() { # output file, then wrk's arguments
  local out=$1; shift
  wrk -t2 -d"${duration}s" --timeout 10s --latency "$@" > "$out" 2>&1
  awk '/Requests\/sec/ {r=$2} $1=="50%" {p50=$2} $1=="99%" {p99=$2} /Non-2xx/ {e=$5}
       END {printf "%s %s %s %s\n", r, p50, p99, (e == "" ? 0 : e)}' "$out"
}

# Open loop: hey processes at a fixed total rate (-q per worker), every response time kept (-o csv); prints
# "served/s p50_ms p99_ms max_ms non200" over all of them. Arguments: total rate, then one URL per process
# (hey sends one URL), then optional headers after "--". A hey worker waits for each answer before its next
# request, so there are $BENCH_OPEN_WORKERS workers in all (default 64): enough that the asked rate needs no more
# than one request in flight per worker until answers take longer than workers / rate (21 ms at 3,000/s); when
# they do, "served" falls short of the rate, which the report shows.
open_loop() {
  local rate=$1; shift
  local urls=() headers=() i=0 pids=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do urls+=("$1"); shift; done
  [ $# -gt 0 ] && { shift; headers=("$@"); }
  local per_url=$(( (${BENCH_OPEN_WORKERS:-64} + ${#urls[@]} - 1) / ${#urls[@]} ))
  local workers=$(( ${#urls[@]} * per_url ))
  rm -f "$work"/hey-*.csv
  for url in "${urls[@]}"; do
    i=$((i + 1))
    hey -z "${duration}s" -c "$per_url" -q "$(awk -v r="$rate" -v w="$workers" 'BEGIN {printf "%.2f", r / w}')" -o csv -t 10 \
      "${headers[@]}" "$url" > "$work/hey-$i.csv" 2>/dev/null &
    pids+=($!)
  done
  wait "${pids[@]}"   # not a bare wait: the hub is a child too
  cat "$work"/hey-*.csv | awk -F, '$1 ~ /^[0-9.]+$/ {print $1 * 1000, $7}' | sort -n > "$work/hey-all.txt"
  awk -v d="$duration" '{t[NR] = $1; if ($2 != 200) e++} END {
      printf "%.0f %.2f %.2f %.2f %d\n", NR / d, t[int(NR * 0.5) + 1], t[int(NR * 0.99) + 1], t[NR], e + 0}' "$work/hey-all.txt"
}
