#!/usr/bin/env bash
# Record upload throughput against the like-for-like ceiling of the same tables, measured in one run.
#   bench/records/run.sh [records, default 1000000] [parallel JSON uploads, default 4]
# Recreates database hub_bench_records, starts the hub (heap capped at 512 MiB so the stream's memory is bounded by
# design, not by luck), then measures (a) JSON batches of 1,000 through POST /api/v1/records, (b) one NDJSON stream
# of every record, (c) the same batches' rows sent by plain psql clients, one multi-row INSERT per batch and
# transaction (bench/records/ceiling.py).
# The risk models' scheduled passes are off (they read what the uploads write, competing for the same 2 cores;
# bench/risk/run.sh measures them); set BENCH_HUB_OPTS to add or override JVM options.
# Writes bench/results/records-<records>.md (or $BENCH_REPORT), with the CPU the hub and PostgreSQL spent on the JSON
# batches.
# BENCH_SKIP_BUILD=1 measures the package already built; BENCH_APP=<another build's target/quarkus-app> measures that
# build instead (say, the commit before a change, to compare both on one machine).
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-1000000}
parallel=${2:-4}
port=${BENCH_PORT:-8089}
db=hub_bench_records
work=target/bench-records
rm -rf "$work" && mkdir -p "$work/batches" bench/results

bash scripts/ensure-postgres.sh
bash scripts/ensure-redis.sh
psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -qtA "$@" 2>/dev/null || runuser -u postgres -- psql -d postgres -qtA "$@"; }
psql_admin -c "drop database if exists $db" >/dev/null
psql_admin -c "create database $db owner hub" >/dev/null
psql_db() { psql -h 127.0.0.1 -U hub -d "$db" -v ON_ERROR_STOP=1 -qtA "$@"; }

app=${BENCH_APP:-target/quarkus-app}
[ -n "${BENCH_SKIP_BUILD:-}" ] || [ -n "${BENCH_APP:-}" ] || mvn -B -ntp -q package -DskipTests

hub=""
start_hub() {
  HUB_DB_NAME=$db java -Xmx512m -Dquarkus.profile=demo -Dhub.demo.data=false -Dquarkus.http.port="$port" \
    -Dquarkus.management.port=$((port + 1000)) \
    -Dquarkus.log.level=WARN -Dhub.records.max-ndjson-lines=$((count + 1)) -Dhub.records.max-ndjson-bytes=4294967296 \
    -Dquarkus.http.limits.max-body-size=4G -Dhub.risk.enabled=false ${BENCH_HUB_OPTS:-} -jar "$app/quarkus-run.jar" > "$work/hub.log" 2>&1 &
  hub=$!
  for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$((port + 1000))/q/health/ready" >/dev/null 2>&1 && return; sleep 1; done
  echo "hub did not start; see $work/hub.log" >&2; exit 1
}
stop_hub() { [ -n "$hub" ] && kill "$hub" 2>/dev/null && wait "$hub" 2>/dev/null || true; hub=""; }
trap 'stop_hub; kill $(jobs -p) 2>/dev/null || true' EXIT

start_hub   # applies the migrations
department_credit_code=$(psql_db -f src/main/resources/db/demo/generators.sql -f bench/records/fixture.sql | tail -1)
token=$(scripts/demo-token.sh system BENCH_DEPT 450100 bench-system)
base="http://127.0.0.1:$port"

echo "generating $count records twice (JSON batches and one NDJSON stream)"
python3 bench/records/generate.py "$count" BENCH-JSON "$department_credit_code" \
  | split -l 1000 -d -a 5 --additional-suffix=.ndjson - "$work/batches/b"
for f in "$work"/batches/*.ndjson; do { printf '['; paste -sd, "$f"; printf ']'; } > "${f%.ndjson}.json"; rm "$f"; done
python3 bench/records/generate.py "$count" BENCH-NDJSON "$department_credit_code" > "$work/stream.ndjson"
stream_bytes=$(stat -c %s "$work/stream.ndjson")

now() { date +%s.%N; }
rate() { awk -v n="$1" -v s="$2" 'BEGIN { printf "%.0f", n / s }'; }
inserted() { psql_db -c "select last_value from behaviour_record_key_id_seq"; }

# (c) The like-for-like ceiling first, into the empty tables (the hub then writes into fuller ones): the same
# batches of 1,000 (under another source system), their valid records written by plain psql clients, one transaction
# per batch (one statement inserting keys, records and outbox events, bench/records/ceiling.py), $parallel sessions at
# once like the JSON uploads. What the hub adds: HTTP, parsing, validation, upsert by key, versions, audit.
mkdir -p "$work/ceiling"
python3 bench/records/generate.py "$count" BENCH-CEIL "$department_credit_code" \
  | split -l 1000 -d -a 5 --additional-suffix=.ndjson - "$work/ceiling/c"
python3 bench/records/ceiling.py "$work/ceiling" "$work/ceiling-sql"
sessions=$parallel
started=$(now)
raw_pids=()
mapfile -t ceiling_files < <(ls "$work"/ceiling-sql/*.sql)
for s in $(seq 0 $((sessions - 1))); do
  for ((i = s; i < ${#ceiling_files[@]}; i += sessions)); do cat "${ceiling_files[$i]}"; done \
    | psql -h 127.0.0.1 -U hub -d "$db" -q -v ON_ERROR_STOP=1 -f - > "$work/raw-$s.txt" &
  raw_pids+=($!)
done
wait "${raw_pids[@]}"
raw_seconds=$(awk -v a="$(now)" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
raw_stored=$(psql_db -c "select count(*) from behaviour_record where source_system = 'BENCH-CEIL'")

# CPU seconds (user + system) of the hub or of every PostgreSQL process, from /proc.
cpu_of() { awk -v hz="$(getconf CLK_TCK)" '{t += $14 + $15} END {printf "%.1f", t / hz}' "$@" 2>/dev/null || echo 0; }
hub_cpu() { cpu_of "/proc/$hub/stat"; }
pg_cpu() { cpu_of $(pgrep -x postgres | sed 's|.*|/proc/&/stat|'); }

# (a) JSON batches of 1,000, $parallel at a time.
json_hub_before=$(hub_cpu); json_pg_before=$(pg_cpu)
started=$(now)
ls "$work"/batches/*.json | xargs -P "$parallel" -I{} curl -s -o /dev/null -w '%{http_code}\n' -X POST \
  -H "Authorization: Bearer $token" -H "Content-Type: application/json" --data-binary @{} "$base/api/v1/records" \
  > "$work/json-statuses.txt"
json_seconds=$(awk -v a="$(now)" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
json_stored=$(psql_db -c "select count(*) from behaviour_record where source_system = 'BENCH-JSON'")
json_non200=$(grep -vc '^200$' "$work/json-statuses.txt" || true)
json_hub_cpu=$(awk -v a="$(hub_cpu)" -v b="$json_hub_before" 'BEGIN { printf "%.1f", a - b }')
json_pg_cpu=$(awk -v a="$(pg_cpu)" -v b="$json_pg_before" 'BEGIN { printf "%.1f", a - b }')

# (b) One NDJSON stream of every record, chunked (no Content-Length: answered in the request, not as a job),
# sampling the hub's resident memory and the table's insert counter every half second.
( while kill -0 "$hub" 2>/dev/null; do
    echo "$(now) $(awk '/VmRSS/ {print $2}' "/proc/$hub/status") $(inserted)"; sleep 0.5; done ) > "$work/samples.txt" &
sampler=$!
rss_before=$(awk '/VmRSS/ {print $2}' "/proc/$hub/status")
stream_base=$(inserted)   # the insert counter before the stream (the sampler's first line may come after its start)
started=$(now)
curl -s -o "$work/stream-result.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H "Content-Type: application/x-ndjson" -H "Transfer-Encoding: chunked" -T "$work/stream.ndjson" \
  "$base/api/v1/records" > "$work/stream-status.txt"
stream_seconds=$(awk -v a="$(now)" -v b="$started" 'BEGIN { printf "%.1f", a - b }')
sleep 1; kill "$sampler" 2>/dev/null || true
stream_stored=$(psql_db -c "select count(*) from behaviour_record where source_system = 'BENCH-NDJSON'")
rss_peak=$(awk -v s="$started" '$1 >= s && $2 > m {m = $2} END {print m}' "$work/samples.txt")
# Rate over the first and the last tenth of the stream, from the insert counter.
read -r first_rate last_rate < <(awk -v s="$started" -v base_n="$stream_base" \
  -v total="$stream_stored" '
  $1 >= s { t[++k] = $1; n[k] = $3 - base_n }
  END { tenth = total / 10;
        for (i = 1; i <= k; i++) { if (!a && n[i] >= tenth) a = i; if (!b && n[i] >= total - tenth) b = i; if (!c && n[i] >= total) c = i }
        if (!c) c = k;
        printf "%.0f %.0f\n", n[a] / (t[a] - s), (n[c] - n[b]) / (t[c] - t[b]) }' "$work/samples.txt")
stop_hub


raw_rate=$(rate "$count" "$raw_seconds")
json_rate=$(rate "$count" "$json_seconds")
stream_rate=$(rate "$count" "$stream_seconds")
report=${BENCH_REPORT:-bench/results/records-$count.md}
{
  printf '# Record upload, %s records\n\n' "$count"
  printf 'Run %s on %s cores, %s, %s; %s; PostgreSQL %s. The hub (heap capped at 512 MiB), PostgreSQL and the client share the machine.\n\n' \
    "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(awk -F': ' '/model name/ {print $2; exit}' /proc/cpuinfo)" \
    "$(free -g | awk '/Mem:/ {print $2 " GiB"}')" "$(java -version 2>&1 | head -1)" "$(psql -V | awk '{print $3}')"
  if [ -n "${BENCH_APP:-}" ]; then printf 'Hub measured: the build in %s.\n\n' "$BENCH_APP"
  else printf 'Hub measured: this checkout, %s.\n\n' "$(git log -1 --format='%h %s' | cut -c1-100)"; fi
  printf 'Records: 50%% inspections, 20%% penalties, 10%% each enforcement, other, complaint; 5%% invalid (one error each). '
  printf 'Every accepted record is validated (codes, claimed item, certificates on the act date, dates), written with its outbox event, and each batch of 500 with one audit entry.\n\n'
  printf "JVM options beyond the limits: -Dhub.risk.enabled=false %s (the risk models' passes off: bench/risk/run.sh measures them).\n\n" "${BENCH_HUB_OPTS:-}"
  printf '| path | records | seconds | records/s | ratio to the ceiling | stored |\n|---|---|---|---|---|---|\n'
  printf '| like-for-like ceiling: the same batches of 1,000, valid records only, one statement inserting keys, records and outbox events per transaction, %s psql sessions | %s | %s | %s | 1.000 | %s |\n' "$sessions" "$count" "$raw_seconds" "$raw_rate" "$raw_stored"
  printf '| POST /api/v1/records, JSON batches of 1,000, %s in parallel | %s | %s | %s | %s | %s |\n' "$parallel" "$count" \
    "$json_seconds" "$json_rate" "$(awk -v a="$json_rate" -v b="$raw_rate" 'BEGIN { printf "%.3f", a / b }')" "$json_stored"
  printf '| POST /api/v1/records, one NDJSON stream (%s MB) | %s | %s | %s | %s (%s of the JSON batches) | %s |\n' "$((stream_bytes / 1000000))" \
    "$count" "$stream_seconds" "$stream_rate" "$(awk -v a="$stream_rate" -v b="$raw_rate" 'BEGIN { printf "%.3f", a / b }')" \
    "$(awk -v a="$stream_rate" -v b="$json_rate" 'BEGIN { printf "%.2f", a / b }')" "$stream_stored"
  printf '\nJSON uploads not answered 200: %s. NDJSON answer: HTTP %s, %s\n\n' "$json_non200" "$(cat "$work/stream-status.txt")" \
    "$(head -c 300 "$work/stream-result.json" | sed 's/"issues".*//')"
  printf 'CPU during the JSON batches: hub %s s, PostgreSQL %s s, per record sent %s ms of the hub'"'"'s and %s ms of PostgreSQL'"'"'s (the ceiling: PostgreSQL alone, %s ms of both cores per record).\n\n' \
    "$json_hub_cpu" "$json_pg_cpu" "$(awk -v c="$json_hub_cpu" -v n="$count" 'BEGIN { printf "%.3f", 1000 * c / n }')" \
    "$(awk -v c="$json_pg_cpu" -v n="$count" 'BEGIN { printf "%.3f", 1000 * c / n }')" \
    "$(awk -v s="$raw_seconds" -v n="$count" -v c="$(nproc)" 'BEGIN { printf "%.3f", 1000 * s * c / n }')"
  printf 'Memory during the NDJSON stream: resident set %s MiB before, peak %s MiB.\n\n' "$((rss_before / 1024))" "$((rss_peak / 1024))"
  printf 'Steadiness of the stream: %s records/s over the first tenth, %s records/s over the last tenth (ratio %s).\n' \
    "$first_rate" "$last_rate" "$(awk -v a="$last_rate" -v b="$first_rate" 'BEGIN { printf "%.2f", a / b }')"
} > "$report"
cat "$report"
