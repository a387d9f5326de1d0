#!/usr/bin/env bash
# Relay throughput against the national simulator with 20 ms of injected latency per push:
#   bench/sync/relay.sh [events, default 100000] [concurrencies, default "1 4 8"]
# For each hub.sync.relay.concurrency (1 first: the baseline of one batch in flight), in the same run:
# a fresh hub (demo profile, port 8083, management 9083, database hub_bench_relay) with the simulator reset and slowed
# by 20 ms; <events> outbox events (about 500 bytes of a behaviour record's fields each, one aggregate each) are
# inserted not yet due, then released in one statement and the relay woken (pg_notify, as the insert trigger does).
# Measured: events/s from the release's commit to the last delivered_at (both by the database's clock). Checked:
# the simulator applied every event exactly once (events applied = records = <events>, no re-delivery recognised).
# Ceiling: bench/sync/PlainPush.java pushes the same batches to the same slowed simulator at the same concurrency,
# no hub and no database. A JFR profile of the hub is taken during the drain at the largest concurrency (top frames
# by package), and the CPU seconds of the hub and of its PostgreSQL backends during each drain are given.
# Writes bench/results/relay-<date>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
events=${1:-100000}
concurrencies=${2:-"1 4 8"}
latency=${BENCH_LATENCY_MS:-20}
db=hub_bench_relay
port=8083
sim_port=8197 sim_control=8196   # not the tests' (random free ports), the demo's (8099) nor bench/sync/run.sh's (8199)
work=target/bench-relay
rm -rf "$work"
source bench/lib.sh
psql_admin -c "drop database if exists $db" >/dev/null   # a fresh database: no backlog left by an earlier run
psql_admin -c "create database $db owner hub" >/dev/null

java adapters/national-simulator/NationalSimulator.java --port $sim_port --control-port $sim_control \
  > "$work/simulator.log" 2>&1 &
simulator=$!
trap 'stop_hub; kill "$simulator" 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$sim_control/sim/stats" >/dev/null 2>&1 && break; sleep 1; done
sim() { curl -fs "http://127.0.0.1:$sim_control$1"; }
sim_post() { curl -fs -X POST -H 'Content-Type: application/json' -d "$2" "http://127.0.0.1:$sim_control$1" >/dev/null; }
slow() { sim_post /sim/reset '{}'; sim_post /sim/faults "{\"mode\": \"slow\", \"latencyMs\": $latency, \"count\": -1}"; }
pending() { psql_db -c "select count(*) from outbox where target = 'national' and status <> 'DELIVERED'"; }
batch_size=200

run() { # concurrency; prints "events/s seconds applied records duplicates batches hub-cpu-s postgres-cpu-s"
  local c=$1 first=$2
  slow
  start_hub -Xmx512m -Dhub.demo.data=false -Dhub.sync.national.url="http://127.0.0.1:$sim_port" \
    -Dhub.sync.relay.concurrency="$c" -Dhub.sync.relay.batch-size=$batch_size
  cp "$work/hub.log" "$work/hub-$c.log" 2>/dev/null || true
  psql_db -c "insert into outbox (target, aggregate_type, aggregate_id, event_type, payload, next_attempt_at)
    select 'national', 'bench-relay', n::text, 'record.upserted',
           format('{\"sourceRecordId\":\"BENCH-%s\",\"creditCode\":\"91450100MA5KBENCH%s\",\"subjectName\":\"南宁市基准测试有限公司\",\"itemCode\":\"4500001234567890123\",\"checkActionName\":\"食品经营日常监督检查\",\"checkType\":\"1\",\"checkMode\":\"2\",\"checkResult\":\"1\",\"checkDate\":\"2026-11-30\",\"areaNumber\":\"450100\",\"implementInstitution\":\"南宁市市场监督管理局\",\"implementInstitutionCode\":\"11450100MB1234567X\",\"checkPersonnel\":\"王亚军,杜晓颖\",\"checkPersonnelCode\":\"45010020190001,45010020190002\"}', n, n % 10)::jsonb,
           'infinity'
    from generate_series($first, $first + $events - 1) n" >/dev/null
  psql_db -c "vacuum analyze outbox" >/dev/null
  local released
  # Released without analysing: the statistics still say "nothing due", as after an outage of the platform (the
  # claim must not depend on them; before 2026-12-01 it sorted the whole backlog per claim under such statistics).
  # The profile covers the drain only (not the start-up).
  [ "$c" = "$max_concurrency" ] && jcmd "$hub" JFR.start name=relay settings=profile >/dev/null
  local backends hub_cpu0 pg_cpu0
  backends=$(pool_backends | tr '\n' ' ')
  hub_cpu0=$(cpu_seconds "$hub"); pg_cpu0=$(cpu_seconds $backends)
  released=$(psql_db <<'SQL' | tail -1
update outbox set next_attempt_at = now() where target = 'national' and next_attempt_at = 'infinity';
select pg_notify('hub_outbox', '');
select extract(epoch from clock_timestamp());
SQL
)
  until [ "$(pending)" = "0" ]; do sleep 2; done   # the end is read from delivered_at: no need to poll often
  local hub_cpu pg_cpu
  hub_cpu=$(awk -v a="$(cpu_seconds "$hub")" -v b="$hub_cpu0" 'BEGIN {print a - b}')
  pg_cpu=$(awk -v a="$(cpu_seconds $backends)" -v b="$pg_cpu0" 'BEGIN {print a - b}')
  [ "$c" = "$max_concurrency" ] && jcmd "$hub" JFR.dump name=relay filename="$(pwd)/$work/relay-$c.jfr" >/dev/null
  local finished
  finished=$(psql_db -c "select extract(epoch from max(delivered_at)) from outbox where aggregate_type = 'bench-relay' and aggregate_id::bigint >= $first")
  sim /sim/stats > "$work/stats-$c.json"
  stop_hub
  python3 - "$work/stats-$c.json" "$events" "$released" "$finished" "$hub_cpu" "$pg_cpu" <<'PY'
import json, sys
s = json.load(open(sys.argv[1])); n = int(sys.argv[2]); secs = float(sys.argv[4]) - float(sys.argv[3])
print(f"{n / secs:.0f} {secs:.2f} {s['events']} {s['records']} {s['duplicates']} {s['batches']} {sys.argv[5]} {sys.argv[6]}")
PY
}

max_concurrency=$(tr ' ' '\n' <<< "$concurrencies" | sort -n | tail -1)
declare -A relay=() ceiling=() loads=()
first=1
for c in $concurrencies; do
  loads[$c]=$(cut -d' ' -f1-3 /proc/loadavg)
  run "$c" "$first" > "$work/relay-$c.txt"   # not in a subshell: the hub it starts is stopped by the trap on failure
  relay[$c]=$(cat "$work/relay-$c.txt")
  first=$((first + events))
  slow
  ceiling[$c]=$(java bench/sync/PlainPush.java "http://127.0.0.1:$sim_port/national/v1/push" "$events" $batch_size "$c" 0)
done
jfr_top "$work/relay-$max_concurrency.jfr" > "$work/jfr-top.txt"

report=bench/results/relay-$(date -u +%Y-%m-%d).md
{
  printf '# Outbox relay throughput, simulator with %s ms per push\n\n' "$latency"
  printf 'Run %s on %s cores (%s), %s. The machine is shared and was busy: the load average (1/5/15 min) before each phase is given. One hub (heap 512 MiB), one PostgreSQL, the simulator and the client on the same machine. %s outbox events per phase, one aggregate each, about 500 bytes of payload; batches of %s. Measured from the commit that makes the backlog due to the last `delivered_at`; every phase checks that the simulator applied each event exactly once.\n\n' \
    "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')" \
    "$(free -g | awk '/Mem:/ {print $2 " GiB RAM"}')" "$events" "$batch_size"
  printf '| concurrency | load before | relay events/s | seconds | applied / records / re-deliveries / pushes | CPU s hub / PostgreSQL (pool backends) | plain client to the simulator, events/s (ceiling) |\n|---|---|---|---|---|---|---|\n'
  for c in $concurrencies; do
    read -r rate secs applied records dups batches hcpu pcpu <<< "${relay[$c]}"
    read -r crate _ crefused <<< "${ceiling[$c]}"
    printf '| %s | %s | **%s** | %s | %s / %s / %s / %s | %s / %s | %s (%s refused) |\n' "$c" "${loads[$c]}" "$rate" "$secs" \
      "$applied" "$records" "$dups" "$batches" "$hcpu" "$pcpu" "$crate" "$crefused"
  done
  printf '\nJFR execution samples of the hub during the drain at concurrency %s, top frame by package:\n\n```\n%s\n```\n' \
    "$max_concurrency" "$(cat "$work/jfr-top.txt")"
} > "$report"
cat "$report"
