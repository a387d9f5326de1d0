#!/usr/bin/env bash
# The risk models (rules/*.yaml) over a province's worth of data, in one run:
#   bench/risk/run.sh [records, default 1000000] [subjects, default 200000]
# Recreates database hub_bench_risk, starts the hub (its incremental pass every 2 s), loads the subjects and then the
# records straight into the tables (every record a change), and measures (a) the incremental passes reading those
# changes until they have caught up: records per second and subjects evaluated per second, and (b) the full pass over
# every subject, started by its cron a minute later. The baseline in the same run is the signals' own SQL over every
# subject, run by psql without the hub. Writes bench/results/risk-<records>.md.
set -euo pipefail
cd "$(dirname "$0")/../.."
records=${1:-1000000}
subjects=${2:-200000}
port=${BENCH_PORT:-8089}
db=hub_bench_risk
work=target/bench-risk
rm -rf "$work" && mkdir -p "$work" bench/results

bash scripts/ensure-postgres.sh
bash scripts/ensure-redis.sh
psql_admin() { psql -h 127.0.0.1 -U postgres -d postgres -qtA "$@" 2>/dev/null || runuser -u postgres -- psql -d postgres -qtA "$@"; }
psql_admin -c "drop database if exists $db" >/dev/null
psql_admin -c "create database $db owner hub" >/dev/null
psql_db() { psql -h 127.0.0.1 -U hub -d "$db" -v ON_ERROR_STOP=1 -qtA "$@"; }

mvn -B -ntp -q package -DskipTests -Dconsole.skip=true

hub=""
start_hub() { # extra JVM options
  HUB_DB_NAME=$db java -Dquarkus.profile=demo -Dhub.demo.data=false -Dquarkus.http.port="$port" \
    -Dquarkus.management.port=$((port + 1000)) -Dquarkus.log.level=WARN \
    -Dquarkus.log.category.\"org.supervisionhub.risk\".level=INFO -Dhub.risk.incremental-every=2s "$@" \
    -jar target/quarkus-app/quarkus-run.jar >> "$work/hub.log" 2>&1 &
  hub=$!
  for _ in $(seq 1 90); do curl -fs "http://127.0.0.1:$((port + 1000))/q/health/ready" >/dev/null 2>&1 && return; sleep 1; done
  echo "hub did not start; see $work/hub.log" >&2; exit 1
}
stop_hub() { [ -n "$hub" ] && kill "$hub" 2>/dev/null && wait "$hub" 2>/dev/null || true; hub=""; }
trap stop_hub EXIT

start_hub -Dhub.risk.enabled=false   # applies the migrations
psql_db -f src/main/resources/db/demo/generators.sql -f bench/records/fixture.sql > /dev/null
started=$(date +%s)
psql_db -v count="$subjects" -f src/main/resources/db/demo/generators.sql -f bench/subjects/generate.sql > /dev/null
psql_db -v count="$records" -f bench/risk/load.sql > /dev/null
echo "loaded $subjects subjects and $records records in $(( $(date +%s) - started )) s" | tee "$work/load.txt"
stop_hub

# The cursor starts before the load: the incremental pass reads every record as a change. The full pass waits until
# the incremental passes have caught up (a pass reads less than a full batch, or none has logged for 30 s), then runs
# alone in a restarted hub whose incremental pass is idle, so neither measurement includes the other.
psql_db -c "update risk_cursor set changed_to = now() - interval '1 hour'" > /dev/null
start_hub "-Dhub.risk.full-pass-cron=0 0 0 1 1 ? 2099"
batch=$(grep -o 'BATCH = [0-9_]*' src/main/java/org/supervisionhub/risk/RiskPasses.java | tr -d '_' | cut -d' ' -f3)
echo "waiting for the incremental passes to catch up (batches of $batch subjects)"
caught_up=""
for _ in $(seq 1 5400); do
  last=$(grep "incremental pass" "$work/hub.log" | tail -1 || true)
  if [ -n "$last" ]; then
    n=$(sed -n 's/.*subjects=\([0-9]*\).*/\1/p' <<< "$last")
    if [ "$n" -lt "$batch" ] || [ $(( $(date +%s) - $(stat -c %Y "$work/hub.log") )) -ge 30 ]; then caught_up=1; break; fi
  fi
  sleep 1
done
[ -n "$caught_up" ] || { echo "the incremental passes did not catch up within 90 minutes; see $work/hub.log" >&2; exit 1; }
stop_hub
full_at=$(TZ=Asia/Shanghai date -d '+75 seconds' '+%-S %-M %-H')
start_hub "-Dhub.risk.full-pass-cron=$full_at * * ?" -Dhub.risk.incremental-every=1h
echo "waiting for the full pass (cron $full_at * * ?)"
for _ in $(seq 1 3600); do grep -q "full pass" "$work/hub.log" && break; sleep 1; done
grep -q "full pass" "$work/hub.log" || { echo "no full pass within 60 minutes; see $work/hub.log" >&2; exit 1; }
stop_hub

# Baseline: the signals' statements of every model over every subject, straight in PostgreSQL.
sql_started=$(date +%s%N)
psql_db > /dev/null <<'SQL'
select count(*) from (select r.subject_credit_code from behaviour_record r where r.kind = 'COMPLAINT' and not r.deleted
  and r.subject_credit_code is not null and r.act_date > current_date - 90 group by 1 having count(*) >= 1) a;
select count(*) from (select r.subject_credit_code from behaviour_record r where r.kind = 'PENALTY' and not r.deleted
  and r.subject_credit_code is not null and r.act_date > current_date - 365 group by 1 having count(*) >= 2) a;
select count(*) from (select r.subject_credit_code from behaviour_record r where r.kind = 'PENALTY' and not r.deleted
  and r.subject_credit_code is not null and r.act_date > current_date - 180 group by 1 having count(*) >= 1) a;
select count(*) from (select r.subject_credit_code from behaviour_record r where r.kind = 'ENFORCEMENT' and not r.deleted
  and r.subject_credit_code is not null and r.act_date > current_date - 180 group by 1 having count(*) >= 1) a;
select count(*) from (select r.subject_credit_code from behaviour_record r where r.kind = 'INSPECTION' and not r.deleted
  and r.subject_credit_code is not null and r.act_date > current_date - 30 group by 1
  having count(distinct r.department_code) >= 3) a;
select count(*) from subject where credit_code is not null and (abnormal_listed or serious_illegal_listed);
select count(*) from subject where credit_code is not null and credit_level = any(array['C', 'D']);
SQL
sql_ms=$(( ($(date +%s%N) - sql_started) / 1000000 ))

# The hub's figures, from its log lines "incremental pass: Tally[subjects=N, ...] in M ms" and "full pass: ... in M ms".
read -r passes evaluated incremental_ms < <(grep "incremental pass" "$work/hub.log" \
  | sed -n 's/.*subjects=\([0-9]*\).* in \([0-9]*\) ms.*/\1 \2/p' | awk '{n++; s+=$1; t+=$2} END {print n+0, s+0, t+0}')
full_ms=$(sed -n 's/.*full pass: .* in \([0-9]*\) ms.*/\1/p' "$work/hub.log" | tail -1)
hits=$(psql_db -c "select string_agg(model_id || ' ' || n, ', ' order by model_id) from (select model_id, count(*) n from risk_hit group by 1) h")
rate() { awk -v a="$1" -v b="$2" 'BEGIN { printf "%.0f", (b > 0 ? a * 1000 / b : 0) }'; }

out=bench/results/risk-$records.md
cat > "$out" <<MD
# Risk models over $records records and $subjects subjects ($(date -u +%Y-%m-%d))

Machine: $(nproc) cores, $(free -g | awk '/Mem:/ {print $2}') GiB; hub, PostgreSQL and the loader on the same machine;
load average at the end: $(cut -d' ' -f1-3 /proc/loadavg).
Models: $(ls rules/*.yaml | xargs -n1 basename | sed 's/.yaml//' | paste -sd, -). $(cat "$work/load.txt").

| measurement | value |
|---|---|
| incremental passes until caught up | $passes passes, $evaluated subjects evaluated, $incremental_ms ms of passes |
| changes (records) read per second of pass | $(rate "$records" "$incremental_ms") |
| subjects evaluated per second (every model) | $(rate "$evaluated" "$incremental_ms") |
| full pass, every model over every subject | $full_ms ms |
| baseline: the signals' SQL over every subject, psql | $sql_ms ms |
| full pass / baseline | $(awk -v a="$full_ms" -v b="$sql_ms" 'BEGIN { printf "%.2f", (b > 0 ? a / b : 0) }') |
| clues raised per model | $hits |

The incremental pass evaluates every model for each changed subject ($(grep -o 'BATCH = [0-9_]*' src/main/java/org/supervisionhub/risk/RiskPasses.java | tr -d '_' | cut -d' ' -f3) per pass), so its cost grows with the subjects touched, not with the table. The full pass runs each signal once over all subjects; raising a clue is one short transaction per finding, so the full pass of a first run (every finding new) is dominated by raising, a later one by the SQL.
MD
cat "$out"
