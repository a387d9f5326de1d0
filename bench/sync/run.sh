#!/usr/bin/env bash
# Sync proofs and figures against the national platform simulator, two hub replicas on one database:
#   bench/sync/run.sh [records, default 100000]
# 1. The simulator is down while <records> records are uploaded; it comes back; both replicas drain the backlog.
#    Measured: delivery throughput (records/s) and recovery time (simulator back -> lag 0).
# 2. While a second upload drains, replica A is killed with SIGKILL mid-delivery and restarted.
# After each phase: every stored record is at the simulator exactly once (counts and ids compared), and the
# simulator's count of re-deliveries it recognised by idempotency key (a retry after a lost answer) is reported.
# Writes bench/results/sync-<records>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
count=${1:-100000}
db=hub_bench_sync
work=target/bench-sync
port_a=8089 port_b=8090 sim_port=8199 sim_control=8198
rm -rf "$work" && mkdir -p "$work" bench/results

bash scripts/ensure-postgres.sh
bash scripts/ensure-redis.sh
psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -qtA "$@" 2>/dev/null || runuser -u postgres -- psql -d postgres -qtA "$@"; }
psql_admin -c "drop database if exists $db" >/dev/null
psql_admin -c "create database $db owner hub" >/dev/null
psql_db() { psql -h 127.0.0.1 -U hub -d "$db" -v ON_ERROR_STOP=1 -qtA "$@"; }
mvn -B -ntp -q package -DskipTests

java adapters/national-simulator/NationalSimulator.java --port $sim_port --control-port $sim_control \
  > "$work/simulator.log" 2>&1 &
simulator=$!
declare -A hubs=()
start_hub() { # name port
  HUB_DB_NAME=$db java -Xmx512m -Dquarkus.profile=demo -Dhub.demo.data=false -Dquarkus.http.port="$2" \
    -Dquarkus.management.port=$(($2 + 1000)) -Dquarkus.log.level=WARN -Dhub.sync.national.url="http://127.0.0.1:$sim_port" \
    -Dhub.records.max-ndjson-lines=$((count + 1)) -jar target/quarkus-app/quarkus-run.jar >> "$work/hub-$1.log" 2>&1 &
  hubs[$1]=$!
  for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$(($2 + 1000))/q/health/ready" >/dev/null 2>&1 && return; sleep 1; done
  echo "hub $1 did not start; see $work/hub-$1.log" >&2; exit 1
}
cleanup() { for pid in "${hubs[@]}"; do kill "$pid" 2>/dev/null || true; done; kill "$simulator" 2>/dev/null || true; }
trap cleanup EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$sim_control/sim/stats" >/dev/null 2>&1 && break; sleep 1; done
start_hub a $port_a
start_hub b $port_b
credit_code=$(psql_db -f src/main/resources/db/demo/generators.sql -f bench/records/fixture.sql | tail -1)
token=$(scripts/demo-token.sh system BENCH_DEPT 450100 bench-sync)

now() { date +%s.%N; }
sim() { curl -fs "http://127.0.0.1:$sim_control$1"; }
fault() { curl -fs -X POST -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$sim_control/sim/faults" >/dev/null; }
pending() { psql_db -c "select count(*) from outbox where target = 'national' and status <> 'DELIVERED'"; }
upload() { # source-system
  python3 bench/records/generate.py "$count" "$1" "$credit_code" > "$work/$1.ndjson"
  curl -s -o "$work/$1-result.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
    -H "Content-Type: application/x-ndjson" -H "Transfer-Encoding: chunked" -T "$work/$1.ndjson" \
    "http://127.0.0.1:$port_a/api/v1/records"
}
drain() { # waits until nothing is pending; prints the seconds it took
  local started; started=$(now)
  until [ "$(pending)" = "0" ]; do sleep 0.5; done
  awk -v a="$(now)" -v b="$started" 'BEGIN { printf "%.1f", a - b }'
}
# Every stored record at the simulator exactly once: the two sets of ids compared.
verify() { # label
  psql_db -c "select 'record:' || id from behaviour_record" > "$work/hub-ids.txt"
  sim "/sim/ids?kind=record" > "$work/sim-ids.json"
  sim "/sim/stats" > "$work/sim-stats.json"
  python3 - "$work/hub-ids.txt" "$work/sim-ids.json" "$work/sim-stats.json" "$1" <<'PY'
import json, sys
hub = set(open(sys.argv[1]).read().split())
sim = json.load(open(sys.argv[2]))
stats = json.load(open(sys.argv[3]))
print(f"{sys.argv[4]}: {len(hub)} records at the hub, {len(sim)} at the simulator ({len(sim) - len(set(sim))} twice), "
      f"missing {len(hub - set(sim))}, unknown {len(set(sim) - hub)}; events applied {stats['events']}, "
      f"re-deliveries recognised by idempotency key {stats['duplicates']}")
PY
}

# Phase 1: outage during the upload.
fault '{"mode": "down"}'
status=$(upload BENCH-OUTAGE)
stored=$(psql_db -c "select count(*) from behaviour_record")
sleep 3
attempts=$(psql_db -c "select count(*) from outbox where attempts > 0 and status <> 'DELIVERED'")
backlog=$(pending)
fault '{"mode": "none"}'
recovery=$(drain)
lag_after=$(curl -fs -H "Authorization: Bearer $(scripts/demo-token.sh hub-admin)" "http://127.0.0.1:$port_a/api/v1/sync/status")
phase1=$(verify "after the outage")
at_sim_1=$(sim "/sim/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["byKind"].get("record", 0))')
delivered_by=$(psql_db -c "select count(*) from outbox where status = 'DELIVERED'")

# Phase 2: SIGKILL of replica A while the second upload drains.
fault '{"mode": "slow", "latencyMs": 200}'
status2=$(upload BENCH-KILL)
sleep 2
kill -9 "${hubs[a]}"; killed_at=$(now)
in_flight_at_kill=$(psql_db -c "select count(*) from outbox where status = 'IN_FLIGHT'")
fault '{"mode": "none"}'
start_hub a $port_a
recovery2=$(drain)
phase2=$(verify "after the kill")
at_sim_2=$(sim "/sim/stats" | python3 -c 'import json,sys; print(json.load(sys.stdin)["byKind"].get("record", 0))')
stored2=$(psql_db -c "select count(*) from behaviour_record")
doubled=$(sim "/sim/stats" | python3 -c 'import json,sys; s=json.load(sys.stdin); print(s["events"] - s["records"])')

report=bench/results/sync-$count.md
{
  printf '# Sync with the national platform simulator, %s records per phase\n\n' "$count"
  printf 'Run %s on %s cores; two hub replicas (heap 512 MiB each), one PostgreSQL, the simulator and the client on the same machine. Relay batches of 200.\n\n' \
    "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)"
  printf '## 1. Outage during an upload\n\n'
  printf -- '- Upload answered HTTP %s while the simulator was down; %s records stored, %s outbox events waiting (%s already attempted).\n' \
    "$status" "$stored" "$backlog" "$attempts"
  printf -- '- Simulator back: backlog drained by both replicas in **%s s** = **%s events/s** delivered.\n' "$recovery" \
    "$(awk -v n="$backlog" -v s="$recovery" 'BEGIN { printf "%.0f", n / s }')"
  printf -- '- %s\n- Records at the simulator: %s of %s stored (every one exactly once: applied events = records).\n' "$phase1" "$at_sim_1" "$stored"
  printf -- '- Sync status afterwards: `%s`\n\n' "$lag_after"
  printf '## 2. SIGKILL of a replica mid-delivery\n\n'
  printf -- '- Second upload answered HTTP %s; replica A killed 2 s into the drain with %s events in flight; restarted.\n' "$status2" "$in_flight_at_kill"
  printf -- '- Drained %s s after the restart began.\n' "$recovery2"
  printf -- '- %s\n- Records at the simulator: %s, stored at the hub: %s. Events applied twice at the simulator: %s.\n' \
    "$phase2" "$at_sim_2" "$stored2" "$doubled"
} > "$report"
cat "$report"
