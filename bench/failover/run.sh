#!/usr/bin/env bash
# Failover proof on this machine: a PostgreSQL primary with a synchronous streaming standby, two hub replicas
# connected to both (HUB_DB_HOSTS, target_session_attrs=read-write), the national platform simulator, and a steady
# upload load. Then:
#   1. kill -9 of the primary (every process of it, as a crashed node), promotion of the standby after
#      DETECT_SECONDS (what a failure detector such as Patroni or CloudNativePG takes), the load going on throughout;
#   2. kill -9 of one hub replica while it processes an NDJSON upload job (async=true; the killed replica restarts,
#      as Kubernetes would restart its pod);
#   3. kill -9 of one hub replica while both relays deliver to the (slowed) simulator.
# Reports acknowledged records lost, records applied twice at the simulator, the audit chain's verification and
# seconds until writes succeeded again, in bench/results/failover-<date>.md. Stops everything it started and removes
# its clusters on exit, failed or not. Run it with nice on a shared machine:
#   nice -n 10 bench/failover/run.sh
# Settings (environment): PRIMARY_PORT=55432 STANDBY_PORT=55433 PORT_A=8091 PORT_B=8092 MANAGEMENT_PORT_A=9091
#   MANAGEMENT_PORT_B=9092 SIM_PORT=8299 SIM_CONTROL_PORT=8298 STEADY_SECONDS=15 DETECT_SECONDS=5 AFTER_SECONDS=15
#   JOB_RECORDS=20000 RELAY_RECORDS=10000 HUB_HEAP=384m BUILD=1 (0: use the jar in target/) PG_BIN=(newest installed)
#   REPORT=bench/results/failover-<date>.md
set -euo pipefail
cd "$(dirname "$0")/../.."

PG_BIN=${PG_BIN:-$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1)}
PRIMARY_PORT=${PRIMARY_PORT:-55432} STANDBY_PORT=${STANDBY_PORT:-55433}
PORT_A=${PORT_A:-8091} PORT_B=${PORT_B:-8092}
MANAGEMENT_PORT_A=${MANAGEMENT_PORT_A:-9091} MANAGEMENT_PORT_B=${MANAGEMENT_PORT_B:-9092}
SIM_PORT=${SIM_PORT:-8299} SIM_CONTROL_PORT=${SIM_CONTROL_PORT:-8298}
STEADY_SECONDS=${STEADY_SECONDS:-15} DETECT_SECONDS=${DETECT_SECONDS:-5} AFTER_SECONDS=${AFTER_SECONDS:-15}
JOB_RECORDS=${JOB_RECORDS:-20000} RELAY_RECORDS=${RELAY_RECORDS:-10000}
HUB_HEAP=${HUB_HEAP:-384m} BUILD=${BUILD:-1}
REPORT=${REPORT:-bench/results/failover-$(date +%F).md}
DB=hub_failover

logs=target/bench-failover
rm -rf "$logs" && mkdir -p "$logs" "$(dirname "$REPORT")"
log() { printf '[failover %s] %s\n' "$(date +%T)" "$*" >&2; }
now() { date +%s.%N; }
seconds() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.1f", a - b }'; }

[ -x "$PG_BIN/initdb" ] || { log "no PostgreSQL server binaries (PG_BIN=$PG_BIN); apt-get install postgresql"; exit 1; }
for port in "$PRIMARY_PORT" "$STANDBY_PORT" "$PORT_A" "$PORT_B" "$SIM_PORT" "$SIM_CONTROL_PORT"; do
  if (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then log "port $port is taken; choose others (see the header)"; exit 1; fi
done

# ---- everything started here is stopped on exit ------------------------------------------------------------------
work=$(mktemp -d "${TMPDIR:-/tmp}/hub-failover.XXXXXX")
chmod 755 "$work"
declare -A hubs=()
simulator='' load=''
if [ "$(id -u)" -eq 0 ]; then
  chown postgres "$work"
  as_pg() { runuser -u postgres -- "$@"; }
else
  as_pg() { "$@"; }
fi
cleanup() {
  set +e
  touch "$logs/load/stop" 2>/dev/null
  [ -n "$load" ] && kill "$load" 2>/dev/null
  for pid in "${hubs[@]}"; do kill "$pid" 2>/dev/null; done
  for pid in "${hubs[@]}"; do
    for _ in $(seq 1 20); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
    kill -9 "$pid" 2>/dev/null
  done
  [ -n "$simulator" ] && kill "$simulator" 2>/dev/null
  for cluster in standby primary; do
    [ -f "$work/$cluster/postmaster.pid" ] && as_pg "$PG_BIN/pg_ctl" -D "$work/$cluster" -m immediate stop >/dev/null 2>&1
  done
  rm -rf "$work"
  log "stopped everything and removed $work"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

# ---- two clusters: a primary and a synchronous streaming standby ---------------------------------------------------
psql_at() { psql -h 127.0.0.1 -p "$1" -U postgres -d "${2:-postgres}" -v ON_ERROR_STOP=1 -qtA -c "$3"; }
log "primary on :$PRIMARY_PORT, standby on :$STANDBY_PORT, in $work"
as_pg "$PG_BIN/initdb" -D "$work/primary" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >"$logs/initdb.log"
cat >> "$work/primary/postgresql.conf" <<CONF
port = $PRIMARY_PORT
listen_addresses = '127.0.0.1'
unix_socket_directories = '$work'
shared_buffers = 128MB
wal_level = replica
max_wal_senders = 4
synchronous_commit = on
synchronous_standby_names = 'standby'
CONF
echo "host replication all 127.0.0.1/32 trust" >> "$work/primary/pg_hba.conf"
as_pg "$PG_BIN/pg_ctl" -D "$work/primary" -l "$work/primary.log" -w start >/dev/null
as_pg "$PG_BIN/pg_basebackup" -h 127.0.0.1 -p "$PRIMARY_PORT" -U postgres -D "$work/standby" -X stream -c fast
# The standby, once promoted, waits for no standby of its own (it has none until the old primary is rebuilt).
cat >> "$work/standby/postgresql.conf" <<CONF
port = $STANDBY_PORT
synchronous_standby_names = ''
primary_conninfo = 'host=127.0.0.1 port=$PRIMARY_PORT user=postgres application_name=standby'
CONF
as_pg touch "$work/standby/standby.signal"
as_pg "$PG_BIN/pg_ctl" -D "$work/standby" -l "$work/standby.log" -w start >/dev/null
for _ in $(seq 1 60); do
  [ "$(psql_at "$PRIMARY_PORT" postgres "select sync_state from pg_stat_replication where application_name = 'standby'")" = sync ] && break
  sleep 0.5
done
replication=$(psql_at "$PRIMARY_PORT" postgres "select application_name || ' ' || state || ' ' || sync_state from pg_stat_replication")
log "replication: $replication"
[ "${replication##* }" = sync ] || { log "the standby is not synchronous"; exit 1; }
psql_at "$PRIMARY_PORT" postgres "create role hub login password 'hub'" >/dev/null
psql_at "$PRIMARY_PORT" postgres "create database $DB owner hub" >/dev/null
pg_version=$(psql_at "$PRIMARY_PORT" postgres "show server_version")

# ---- the hub: build, simulator, two replicas on both servers -------------------------------------------------------
if [ "$BUILD" = 1 ]; then
  log "building the hub"
  mvn -B -q -o package -DskipTests >"$logs/build.log" 2>&1 || { tail -20 "$logs/build.log" >&2; exit 1; }
fi
java adapters/national-simulator/NationalSimulator.java --port "$SIM_PORT" --control-port "$SIM_CONTROL_PORT" \
  > "$logs/simulator.log" 2>&1 &
simulator=$!
sim() { curl -fsS "http://127.0.0.1:$SIM_CONTROL_PORT$1"; }
fault() { curl -fsS -X POST -H 'Content-Type: application/json' -d "$1" "http://127.0.0.1:$SIM_CONTROL_PORT/sim/faults" >/dev/null; }
for _ in $(seq 1 120); do sim /sim/stats >/dev/null 2>&1 && break; sleep 0.5; done

declare -A http_port=([a]=$PORT_A [b]=$PORT_B) management_port=([a]=$MANAGEMENT_PORT_A [b]=$MANAGEMENT_PORT_B)
start_hub() { # name
  HUB_DB_HOSTS="127.0.0.1:$PRIMARY_PORT,127.0.0.1:$STANDBY_PORT" HUB_DB_NAME=$DB \
    java -Xmx"$HUB_HEAP" -Dquarkus.profile=demo -Dhub.demo.data=false \
    -Dquarkus.http.port="${http_port[$1]}" -Dquarkus.management.port="${management_port[$1]}" \
    -Dhub.sync.national.url="http://127.0.0.1:$SIM_PORT" -Dhub.records.max-ndjson-lines=$((JOB_RECORDS + RELAY_RECORDS)) \
    -jar target/quarkus-app/quarkus-run.jar >> "$logs/hub-$1.log" 2>&1 &
  hubs[$1]=$!
  disown "${hubs[$1]}" # killed on purpose: no job-control notice
}
ready() { # name: ready on the main port, or on the management port where health lives in some configurations
  curl -fs "http://127.0.0.1:${http_port[$1]}/q/health/ready" >/dev/null 2>&1 \
    || curl -fs "http://127.0.0.1:${management_port[$1]}/q/health/ready" >/dev/null 2>&1
}
await_hub() { # name
  for _ in $(seq 1 300); do
    ready "$1" && return
    kill -0 "${hubs[$1]}" 2>/dev/null || break
    sleep 1
  done
  log "hub $1 did not become ready; see $logs/hub-$1.log"; tail -20 "$logs/hub-$1.log" >&2; exit 1
}
log "starting hub replicas a (:$PORT_A) and b (:$PORT_B)"
start_hub a && await_hub a   # the first one migrates the schema
start_hub b && await_hub b

psql_hub() { psql -h 127.0.0.1 -p "$1" -U hub -d "$DB" -v ON_ERROR_STOP=1 -qtA "${@:2}"; }
credit_code=$(psql_hub "$PRIMARY_PORT" -f src/main/resources/db/demo/generators.sql -f bench/records/fixture.sql | tail -1)
token=$(scripts/demo-token.sh system BENCH_DEPT 450100 bench-failover)
admin=$(scripts/demo-token.sh hub-admin)
hub_url() { echo "http://127.0.0.1:${http_port[$1]}"; }
kill_tree() { # pid...: the processes and their children, all at once (as a crashed machine loses them)
  local pids=("$@") child
  for pid in "$@"; do for child in $(pgrep -P "$pid" || true); do pids+=("$child"); done; done
  kill -9 "${pids[@]}" 2>/dev/null || true
}
# Every record the hub stored reached the simulator exactly once: ids compared, applied events counted.
pending() { psql_hub "$1" -c "select count(*) from outbox where target = 'national' and status <> 'DELIVERED'"; }
drain() { # port, timeout seconds
  for _ in $(seq 1 $(($2 * 2))); do [ "$(pending "$1")" = 0 ] && return 0; sleep 0.5; done
  log "outbox not drained after $2 s"; return 1
}
compare_sim() { # port, label, file to write the figures to
  psql_hub "$1" -c "select 'record:' || id from behaviour_record" > "$logs/hub-ids.txt"
  sim "/sim/ids?kind=record" > "$logs/sim-ids.json"
  sim /sim/stats > "$logs/sim-stats.json"
  python3 - "$logs/hub-ids.txt" "$logs/sim-ids.json" "$logs/sim-stats.json" "$2" > "$3" <<'PY'
import json, sys
hub = set(open(sys.argv[1]).read().split())
sim = json.load(open(sys.argv[2]))
stats = json.load(open(sys.argv[3]))
print(json.dumps({"label": sys.argv[4], "hub": len(hub), "sim": len(sim), "missing": len(hub - set(sim)),
                  "unknown": len(set(sim) - hub), "applied": stats["events"], "records": stats["records"],
                  "appliedTwice": stats["events"] - stats["records"], "recognised": stats["duplicates"]}))
PY
}
field() { python3 -c 'import json,sys; print(json.load(open(sys.argv[1]))[sys.argv[2]])' "$1" "$2"; }

# ---- 1. kill -9 of the primary under load ----------------------------------------------------------------------------
mkdir -p "$logs/load"
log "phase 1: steady load for ${STEADY_SECONDS}s"
python3 bench/failover/load.py "$logs/load" "$token" "$credit_code" "$(hub_url a)" "$(hub_url b)" \
  2> "$logs/load.err" &
load=$!
sleep "$STEADY_SECONDS"
acked_before=$(wc -l < "$logs/load/acked.txt")
read -r head_seq head_hash < <(psql_hub "$PRIMARY_PORT" -F ' ' -c "select chain_seq, hash from audit_log order by chain_seq desc limit 1")
lsn_before=$(psql_at "$PRIMARY_PORT" postgres "select pg_current_wal_lsn()")
primary_pid=$(as_pg head -1 "$work/primary/postmaster.pid")
killed_at=$(now)
kill_tree "$primary_pid"
log "phase 1: primary killed (pid $primary_pid and its children) with $acked_before records acknowledged"
sleep "$DETECT_SECONDS"
promote_at=$(now)
as_pg "$PG_BIN/pg_ctl" -D "$work/standby" -w promote >/dev/null
promoted_at=$(now)
log "phase 1: standby promoted in $(seconds "$promoted_at" "$promote_at") s"
resumed_at=''
for _ in $(seq 1 240); do
  resumed_at=$(awk -F, -v t="$killed_at" '$5 == 200 && $1 > t { print $2 }' "$logs/load/requests.csv" | sort -n | head -1)
  [ -n "$resumed_at" ] && break
  sleep 0.5
done
[ -n "$resumed_at" ] || { log "writes did not resume within 120 s"; exit 1; }
log "phase 1: writes resumed $(seconds "$resumed_at" "$killed_at") s after the kill; load goes on for ${AFTER_SECONDS}s"
sleep "$AFTER_SECONDS"
touch "$logs/load/stop"
wait "$load" || true
load=''
NEW=$STANDBY_PORT
drain "$NEW" 120 || true
psql_hub "$NEW" -c "select source_record_id from behaviour_record where source_system = 'BENCH-FAILOVER'" \
  | sort > "$logs/stored-load.txt"
sort "$logs/load/acked.txt" > "$logs/acked-load.txt"
acked=$(wc -l < "$logs/acked-load.txt")
lost=$(comm -23 "$logs/acked-load.txt" "$logs/stored-load.txt" | wc -l)
duplicates_at_hub=$(psql_hub "$NEW" -c "select count(*) - count(distinct (department_code, source_system, source_record_id)) from behaviour_record")
head_kept=$(psql_hub "$NEW" -c "select count(*) from audit_log where chain_seq = $head_seq and hash = '$head_hash'")
audit=$(curl -fsS -H "Authorization: Bearer $admin" "$(hub_url a)/api/v1/audit/verification")
compare_sim "$NEW" "after the failover" "$logs/phase1-sim.json"
requests=$(wc -l < "$logs/load/requests.csv")
failed=$(awk -F, '$5 != 200' "$logs/load/requests.csv" | wc -l)
statuses=$(awk -F, '$5 != 200 { n[$5]++ } END { for (s in n) { printf "%s%s× %s", sep, n[s], (s == 0 ? "no answer" : "HTTP " s); sep = ", " } }' "$logs/load/requests.csv" | sed 's/^$/none/')
rate_before=$(awk -F, -v t="$killed_at" -v s="$STEADY_SECONDS" '$5 == 200 && $2 <= t && $2 > t - s { n += $6 } END { printf "%.0f", n / s }' "$logs/load/requests.csv")
rate_after=$(awk -F, -v t="$resumed_at" -v s="$AFTER_SECONDS" '$5 == 200 && $1 >= t && $2 <= t + s { n += $6 } END { printf "%.0f", n / s }' "$logs/load/requests.csv")
log "phase 1: acknowledged $acked, lost $lost; $(cat "$logs/phase1-sim.json")"

# ---- 2. kill -9 of a hub replica during an NDJSON upload job ---------------------------------------------------------
log "phase 2: NDJSON upload job of $JOB_RECORDS records; a replica is killed while it runs"
python3 bench/failover/load.py --ndjson "$JOB_RECORDS" FJ "$credit_code" > "$logs/job.ndjson"
job_status=$(curl -sS -o "$logs/job.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/x-ndjson' --data-binary @"$logs/job.ndjson" "$(hub_url a)/api/v1/records?async=true")
[ "$job_status" = 202 ] || { log "the job was not accepted: HTTP $job_status $(cat "$logs/job.json")"; exit 1; }
job=$(field "$logs/job.json" id)
job_sql="select status || ' ' || records_read || ' ' || coalesce(lease_owner, '-') from upload_job where id = '$job'"
state=''
for _ in $(seq 1 600); do
  read -r status read_so_far owner < <(psql_hub "$NEW" -c "$job_sql")
  if [ "$status" = RUNNING ] && [ "$read_so_far" -gt 0 ]; then break; fi
  [ "$status" = SUCCEEDED ] || [ "$status" = FAILED ] && break
  sleep 0.1
done
owners=("$owner")
if [ "$status" != RUNNING ]; then
  log "phase 2: the job was $status before a replica could be killed; lower the machine load or raise JOB_RECORDS"
  job_kill="not killed: the job was already $status"
else
  # The replica that received the upload woke its own worker: it holds the lease, which the log of owners confirms.
  kill_tree "${hubs[a]}"
  job_killed_at=$(now)
  job_kill="replica a killed with $read_so_far of $JOB_RECORDS records processed (lease owner $owner)"
  log "phase 2: $job_kill; restarting it"
  start_hub a
fi
for _ in $(seq 1 1800); do
  read -r status read_so_far owner < <(psql_hub "$NEW" -c "$job_sql")
  [ "$owner" != - ] && [ "$owner" != "${owners[-1]}" ] && owners+=("$owner")
  [ "$status" = SUCCEEDED ] || [ "$status" = FAILED ] && break
  sleep 0.2
done
job_done_at=$(now)
await_hub a
curl -fsS -H "Authorization: Bearer $token" "$(hub_url b)/api/v1/upload-jobs/$job" > "$logs/job-final.json"
job_final=$(field "$logs/job-final.json" status)
job_failure=$(python3 -c 'import json,sys; print(json.load(open(sys.argv[1])).get("failureReason", "-"))' "$logs/job-final.json")
job_stored=$(psql_hub "$NEW" -c "select count(*) from behaviour_record where source_record_id like 'FJ-%'")
job_lost=$((JOB_RECORDS - job_stored))
job_seconds=$( [ -n "${job_killed_at:-}" ] && seconds "$job_done_at" "$job_killed_at" || echo -)
drain "$NEW" 180 || true
compare_sim "$NEW" "after the job" "$logs/phase2-sim.json"
log "phase 2: job $job_final, $job_stored of $JOB_RECORDS stored, lease owners ${owners[*]}; $(cat "$logs/phase2-sim.json")"

# ---- 3. kill -9 of a hub replica during the relay's delivery ---------------------------------------------------------
log "phase 3: $RELAY_RECORDS records uploaded while the simulator is slow; a replica is killed mid-delivery"
python3 bench/failover/load.py --ndjson "$RELAY_RECORDS" FR "$credit_code" > "$logs/relay.ndjson"
fault '{"mode": "slow", "latencyMs": 300}'
mark=$(psql_hub "$NEW" -c "select coalesce(max(id), 0) from outbox")
relay_status=$(curl -sS -o "$logs/relay-result.json" -w '%{http_code}' -X POST -H "Authorization: Bearer $token" \
  -H 'Content-Type: application/x-ndjson' -H 'Transfer-Encoding: chunked' -T "$logs/relay.ndjson" \
  "$(hub_url b)/api/v1/records")
relay_acked=$( [ "$relay_status" = 200 ] && field "$logs/relay-result.json" accepted || echo 0)
for _ in $(seq 1 100); do
  delivered=$(psql_hub "$NEW" -c "select count(*) from outbox where target = 'national' and status = 'DELIVERED' and id > $mark")
  [ "$delivered" -gt 0 ] && break
  sleep 0.2
done
in_flight=$(psql_hub "$NEW" -c "select count(*) from outbox where target = 'national' and status = 'IN_FLIGHT'")
kill_tree "${hubs[a]}"
relay_killed_at=$(now)
log "phase 3: replica a killed with $in_flight events in flight, $delivered of this upload delivered; restarting it"
fault '{"mode": "none"}'
start_hub a
drain "$NEW" 240 || true
relay_drained=$(seconds "$(now)" "$relay_killed_at")
await_hub a
relay_stored=$(psql_hub "$NEW" -c "select count(*) from behaviour_record where source_record_id like 'FR-%'")
compare_sim "$NEW" "after the relay kill" "$logs/phase3-sim.json"
audit_end=$(curl -fsS -H "Authorization: Bearer $admin" "$(hub_url b)/api/v1/audit/verification")
log "phase 3: $relay_stored of $relay_acked stored; $(cat "$logs/phase3-sim.json")"

# ---- report --------------------------------------------------------------------------------------------------------
j() { python3 -c 'import json,sys; print(json.loads(sys.argv[1])[sys.argv[2]])' "$(cat "$1")" "$2"; }
valid() { python3 -c 'import json,sys; r=json.loads(sys.argv[1]); print(("valid" if r["valid"] else "BROKEN at %s" % r["firstBrokenSeq"]) + ", %d rows" % r["checkedRows"])' "$1"; }
verdict() { [ "$1" = 0 ] && echo "0 ✔" || echo "**$1 ✘**"; }
outage=$(seconds "$resumed_at" "$killed_at")
{
  printf '# Failover of the database under load, and replica crashes\n\n'
  printf 'Run %s on %s cores (shared), `bench/failover/run.sh`: PostgreSQL %s primary (:%s) with a synchronous streaming standby (:%s, `synchronous_commit = on`, `synchronous_standby_names = '"'"'standby'"'"'`); two hub replicas (profile `demo` without demo data, heap %s) with `HUB_DB_HOSTS=127.0.0.1:%s,127.0.0.1:%s` (target_session_attrs=read-write); the national platform simulator; the load, the clusters and the hubs on the same machine.\n\n' \
    "$(date -u +%Y-%m-%dT%H:%MZ)" "$(nproc)" "$pg_version" "$PRIMARY_PORT" "$STANDBY_PORT" "$HUB_HEAP" "$PRIMARY_PORT" "$STANDBY_PORT"
  printf '| figure | result | target |\n|---|---|---|\n'
  printf '| acknowledged records lost (primary killed) | %s of %s | 0 |\n' "$(verdict "$lost")" "$acked"
  printf '| records applied twice at the simulator (after all phases) | %s | 0 |\n' "$(verdict "$(j "$logs/phase3-sim.json" appliedTwice)")"
  printf '| stored records missing at the simulator (after all phases) | %s | 0 |\n' "$(verdict "$(j "$logs/phase3-sim.json" missing)")"
  printf '| audit chain after the failover / at the end | %s / %s; the head before the kill (seq %s) kept: %s | valid |\n' \
    "$(valid "$audit")" "$(valid "$audit_end")" "$head_seq" "$( [ "$head_kept" = 1 ] && echo yes || echo '**no**')"
  printf '| seconds until writes succeeded again (kill → first acknowledged write sent after it) | **%s s** (%s s detection, promotion %s s, hub %s s) | < 30 s |\n' \
    "$outage" "$DETECT_SECONDS" "$(seconds "$promoted_at" "$promote_at")" "$(seconds "$resumed_at" "$promoted_at")"
  printf '| NDJSON job, replica killed mid-job: acknowledged records lost | %s of %s (job %s) | 0 |\n' "$(verdict "$job_lost")" "$JOB_RECORDS" "$job_final"
  printf '| relay, replica killed mid-delivery: acknowledged records lost | %s of %s | 0 |\n\n' "$(verdict "$((relay_acked - relay_stored))")" "$relay_acked"
  printf '## 1. kill -9 of the primary under a steady upload load\n\n'
  printf -- '- Load: 2 clients, JSON batches of 20 new records, alternating between the replicas; a batch that is not acknowledged is sent again unchanged (same sourceRecordIds) to the other replica. %s records/s before the kill, %s records/s after writes resumed.\n' "$rate_before" "$rate_after"
  printf -- '- Killed: every process of the primary at once (`kill -9`), %s records acknowledged by then, WAL at %s. Promotion (`pg_ctl promote`) %s s after the kill, simulating failure detection.\n' "$acked_before" "$lsn_before" "$DETECT_SECONDS"
  printf -- '- Writes resumed %s s after the kill, %s s after the promotion. Requests that failed during the failover: %s of %s (%s); each was retried by the client until acknowledged.\n' \
    "$outage" "$(seconds "$resumed_at" "$promoted_at")" "$failed" "$requests" "$statuses"
  printf -- '- Acknowledged: %s records; stored on the promoted standby: %s of them; lost: %s. Duplicate keys at the hub: %s.\n' "$acked" "$((acked - lost))" "$lost" "$duplicates_at_hub"
  printf -- '- Audit chain: %s after the failover; the last entry committed before the kill (seq %s, %s…) is on the new primary: %s.\n' \
    "$(valid "$audit")" "$head_seq" "${head_hash:0:12}" "$( [ "$head_kept" = 1 ] && echo yes || echo no)"
  printf -- '- Simulator after draining (counts over all phases so far): %s\n\n' "$(cat "$logs/phase1-sim.json")"
  printf '## 2. kill -9 of a hub replica during an NDJSON upload job\n\n'
  printf -- '- %s records as one NDJSON upload, `async=true` to replica a: HTTP 202 (the job'"'"'s chunks committed: acknowledged).\n' "$JOB_RECORDS"
  printf -- '- %s; replica a restarted at once. %s\n' "$job_kill" \
    "$( [ "${#owners[@]}" -ge 2 ] && echo "The job's lease passed from the killed worker to another (${#owners[@]} owners seen)." || echo "The job had one owner throughout: the killed replica did not hold it.")"
  printf -- '- The job ended %s (%s s after the kill; the job lease is 60 s)%s. Records stored: %s of %s; lost: %s.\n' \
    "$job_final" "$job_seconds" "$( [ "$job_failure" != - ] && echo ", reason: $job_failure")" "$job_stored" "$JOB_RECORDS" "$job_lost"
  printf -- '- Simulator after draining (counts over all phases so far): %s\n\n' "$(cat "$logs/phase2-sim.json")"
  printf '## 3. kill -9 of a hub replica during the relay'"'"'s delivery\n\n'
  printf -- '- %s records as one chunked NDJSON upload to replica b: HTTP %s, %s accepted; the simulator answered each push after 300 ms.\n' "$RELAY_RECORDS" "$relay_status" "$relay_acked"
  printf -- '- Replica a killed with %s events in flight (both replicas'"'"' leases) and %s of this upload delivered; restarted; the outbox drained %s s after the kill (a dead replica'"'"'s leases expire after 30 s).\n' "$in_flight" "$delivered" "$relay_drained"
  printf -- '- Simulator after draining (counts over all phases so far): %s\n' "$(cat "$logs/phase3-sim.json")"
  printf -- '- "recognised" counts re-deliveries the simulator recognised by idempotency key (a batch whose acknowledgement the hub never recorded, delivered again): harmless; "appliedTwice" counts events applied twice: must be 0.\n'
} > "$REPORT"
cat "$REPORT"
