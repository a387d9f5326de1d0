#!/usr/bin/env bash
# Public credential scans (扫码查证), each audited, against pgbench doing the same read and audit insert in the same run.
#   bench/credentials/run.sh [officers, default 50000] [seconds per round, default 15]
# Creates database hub_bench_credentials (or $BENCH_DB; kept for re-runs), loads the demo set and the officers, issues
# e-credentials to 200 of them through the API, and measures in rounds until two agree within 5%
# ($BENCH_MAX_ROUNDS, default 6): pgbench running the scan's own statements (CredentialService's read,
# ElectronicCredentialService.SCANNED, and one audit insert, each scan committing its own entry), then the hub with
# wrk at 16 and 64 connections, then an open loop (hey at $BENCH_OPEN_RATE scans/s, default 3000), then a JFR
# profile. Afterwards the audit chain is verified through the API. Writes bench/results/credentials-<date>.md
# ($BENCH_LABEL, if set, is added to the file name: e.g. "before" with BENCH_APP pointing at an older build).
set -euo pipefail
cd "$(dirname "$0")/../.."
officers=${1:-50000}
duration=${2:-15}
port=${BENCH_PORT:-8085}
db=${BENCH_DB:-hub_bench_credentials}
open_rate=${BENCH_OPEN_RATE:-3000}
label=${BENCH_LABEL:+-$BENCH_LABEL}
work=target/bench-credentials
. bench/lib.sh

# The public verify endpoint is rate-limited per address; wrk is one address, so the limit is lifted here.
# The risk pass is off: after a bulk load it would re-read every new subject, for the hub and the baseline alike.
hub_options=(-Dhub.credentials.verify-rate-limit.requests=1000000000 -Dhub.risk.enabled=false)
start_hub "${hub_options[@]}"   # applies migrations and the demo data set
if [ "$(psql_db -c "select count(*) from officer where account like 'bench-officer-%'")" -eq 0 ]; then
  started=$(date +%s)
  psql_db -v count="$officers" -f src/main/resources/db/demo/generators.sql -f bench/subjects/generate-officers.sql >/dev/null
  echo "loaded $officers officers in $(( $(date +%s) - started )) s" > "$work/load.txt"
fi
base="http://127.0.0.1:$port"

# E-credentials of the officers with an account and a valid certificate, issued through the API just before use
# (a token lives five minutes).
issue_ecredentials() {
  : > "$work/ecredentials.txt"
  local account issuer cert status
  while IFS='|' read -r account issuer cert; do
    status=$(curl -s -o "$work/ecredential.json" -w '%{http_code}' -X POST -H "Content-Type: application/json" \
      -H "Authorization: Bearer $(scripts/demo-token.sh officer "" "" "$account" < /dev/null)" \
      -d "{\"issuer\":\"$issuer\",\"certNo\":\"$cert\"}" "$base/api/v1/credentials/e-credential" < /dev/null) || status=000
    [ "$status" = 200 ] && printf '%s\n' "$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' "$work/ecredential.json")" >> "$work/ecredentials.txt"
  done < <(psql_db -c "select o.account, c.issuer, c.cert_no from officer o join certificate c on c.officer_id = o.id
                        where o.account like 'bench-officer-%' and c.status = 'VALID'
                          and current_date between c.valid_from and c.valid_to")
  [ -s "$work/ecredentials.txt" ] || { echo "no e-credential issued" >&2; exit 1; }
}

# The same certificates for pgbench: their public ids and audit keys, drawn by primary key.
psql_db -c "drop table if exists bench_scans" -c "create table bench_scans as
  select row_number() over (order by c.id) as n, c.public_id, c.issuer || ':' || c.cert_no as cert_key
  from officer o join certificate c on c.officer_id = o.id
  where o.account like 'bench-officer-%' and c.status = 'VALID' and current_date between c.valid_from and c.valid_to" \
  -c "alter table bench_scans add primary key (n)"
scans=$(psql_db -c "select count(*) from bench_scans")
# ElectronicCredentialService.SCANNED word for word ($1 bound by -M prepared), then the audit entry each scan
# commits on its own (AuditTrail's single-row insert; the chain trigger and its advisory lock run as for the hub).
scanned_sql=$(sed -n '/private static final String SCANNED = """/,/""";/p' src/main/java/org/supervisionhub/officer/ElectronicCredentialService.java \
  | sed '1d; s/""";$//; s/\$1/:public_id/' | tr '\n' ' ' | tr -s ' ')
[ -n "$scanned_sql" ] || { echo "could not read ElectronicCredentialService.SCANNED" >&2; exit 1; }
{
  echo '\set n random(1, :scans)'
  echo 'select public_id, cert_key from bench_scans where n = :n \gset'
  echo "$scanned_sql;"
  echo "insert into audit_log (actor, actor_department, action, entity_type, entity_id, detail, request_id) values ('public:127.0.0.1', null, 'CREDENTIAL_VERIFIED', 'certificate', :cert_key, cast('{\"jti\": \"bench\", \"result\": \"VALID\"}' as jsonb), null);"
} > "$work/pgbench-scan.sql"

pgbench_scan() { # one round: "tps latency_ms"
  pgbench -n -M prepared -h 127.0.0.1 -U hub -c 16 -j 2 -T "$duration" -D scans="$scans" -f "$work/pgbench-scan.sql" "$db" \
    > "$work/pgbench-scan.txt" 2>&1 || { cat "$work/pgbench-scan.txt" >&2; exit 1; }
  awk '/^tps/ {t=$3} /latency average/ {l=$4} END {print t, l}' "$work/pgbench-scan.txt"
}
hub_scan() { # connections; one round: "rps p50 p99 non2xx"
  BENCH_ECREDENTIALS=$work/ecredentials.txt wrk_round "$work/wrk-scan-$1.txt" -c "$1" -s bench/subjects/verify.lua "$base"
}

pgbench -n -M prepared -h 127.0.0.1 -U hub -c 16 -j 2 -T 5 -D scans="$scans" -f "$work/pgbench-scan.sql" "$db" >/dev/null 2>&1
until_stable pgbench_scan > "$work/rounds-pgbench.txt"

issue_ecredentials
BENCH_ECREDENTIALS=$work/ecredentials.txt wrk -t2 -c16 -d10s -s bench/subjects/verify.lua "$base" > /dev/null 2>&1
backends=$(pool_backends)
hub_cpu0=$(cpu_seconds "$hub"); pg_cpu0=$(cpu_seconds $backends); audit0=$(psql_db -c "select count(*) from audit_log")
until_stable hub_scan 16 > "$work/rounds-hub-16.txt"
hub_cpu=$(awk -v a="$(cpu_seconds "$hub")" -v b="$hub_cpu0" 'BEGIN {print a - b}')
pg_cpu=$(awk -v a="$(cpu_seconds $backends)" -v b="$pg_cpu0" 'BEGIN {print a - b}')
scans_audited=$(( $(psql_db -c "select count(*) from audit_log") - audit0 ))
hub_requests=$(grep -v '^stable\|^unstable' "$work/rounds-hub-16.txt" | awk -v d="$duration" '{n += $5 * d} END {printf "%d", n}')
issue_ecredentials
until_stable hub_scan 64 > "$work/rounds-hub-64.txt"
# Batch sizes of the audit's group commit, from the hub's metrics.
curl -s "http://127.0.0.1:$((port + 1000))/q/metrics" | grep '^hub_audit_read_batch_size' > "$work/batches.txt" || true

stop_hub

# Every scan verified afresh, as when each scan is of a token never seen before: the verified-token memo off.
start_hub "${hub_options[@]}" -Dhub.credentials.verified-token-cache-size=0
issue_ecredentials
# A fresh JVM: 30 s of load first, or rounds of a cold JIT can agree with each other well below the plateau.
BENCH_ECREDENTIALS=$work/ecredentials.txt wrk -t2 -c16 -d30s -s bench/subjects/verify.lua "$base" > /dev/null 2>&1
until_stable hub_scan 16 > "$work/rounds-hub-16-fresh.txt"
stop_hub

start_hub "${hub_options[@]}"
issue_ecredentials
BENCH_ECREDENTIALS=$work/ecredentials.txt wrk -t2 -c16 -d30s -s bench/subjects/verify.lua "$base" > /dev/null 2>&1
mapfile -t open_urls < <(head -8 "$work/ecredentials.txt" | sed "s|^|$base/api/v1/credentials/verify?token=|")
open_loop "$open_rate" "${open_urls[@]}" > "$work/open-loop.txt"
stop_hub

# Where the hub's time goes under the scan load: JFR execution samples over 20 s, started after the e-credentials
# are issued (drawing their QR codes would dominate otherwise) and 20 s of load.
start_hub "${hub_options[@]}"
issue_ecredentials
BENCH_ECREDENTIALS=$work/ecredentials.txt wrk -t2 -c16 -d45s -s bench/subjects/verify.lua "$base" > /dev/null 2>&1 &
load=$!
sleep 20
jcmd "$hub" JFR.start name=scan duration=20s settings=profile filename="$(pwd)/$work/scan.jfr" > /dev/null
wait "$load"
sleep 2
jfr_top "$work/scan.jfr" > "$work/profile.txt"

# The chain still verifies after every scan's entry, through the hub's own verification.
admin_token=$(scripts/demo-token.sh hub-admin "" "")
curl -s -H "Authorization: Bearer $admin_token" "$base/api/v1/audit/verification" > "$work/chain.json"
stop_hub

pg=$(last_round "$work/rounds-pgbench.txt")
hub16=$(last_round "$work/rounds-hub-16.txt")
hub64=$(last_round "$work/rounds-hub-64.txt")
hub16fresh=$(last_round "$work/rounds-hub-16-fresh.txt")
report=bench/results/credentials-$(date -u +%Y-%m-%d)$label.md
{
  printf '# Credential scans (%s)\n\n' "$(date -u +'%Y-%m-%d %H:%M UTC')"
  printf 'Machine: %s, %s cores, %s; PostgreSQL %s. Hub: `%s`. %s e-credentials scanned at random; %s officers.\n\n' \
    "$(uname -m)" "$(nproc)" "$(awk '/MemTotal/ {printf "%.0f GiB", $2 / 1048576}' /proc/meminfo)" \
    "$(psql_db -c 'show server_version')" "$app" "$(wc -l < "$work/ecredentials.txt")" "$officers"
  printf '| measured | scans/s | p50 | p99 | non-2xx | ratio to pgbench |\n|---|---|---|---|---|---|\n'
  set -- $pg;    printf '| pgbench: read + own audit insert per scan, 16 clients | %s | (avg %s ms) | | | 1 |\n' "$1" "$2"; pg_tps=$1
  set -- $hub16fresh; printf '| hub, wrk 16 connections, every token verified afresh (memo off: as if each scan were of a new QR code) | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$(awk -v a="$1" -v b="$pg_tps" 'BEGIN {printf "%.2f", a / b}')"
  set -- $hub16; printf '| hub, wrk 16 connections (%s tokens rescanned: verified-token memo on) | %s | %s | %s | %s | %s |\n' "$(wc -l < "$work/ecredentials.txt")" "$1" "$2" "$3" "$4" "$(awk -v a="$1" -v b="$pg_tps" 'BEGIN {printf "%.2f", a / b}')"
  set -- $hub64; printf '| hub, wrk 64 connections (memo on) | %s | %s | %s | %s | %s |\n' "$1" "$2" "$3" "$4" "$(awk -v a="$1" -v b="$pg_tps" 'BEGIN {printf "%.2f", a / b}')"
  set -- $(cat "$work/open-loop.txt")
  printf '| hub, open loop (hey, %s/s asked, 64 workers) | %s served | %s ms | %s ms | %s | |\n\n' "$open_rate" "$1" "$2" "$3" "$5"
  printf 'Rounds until two agreed within 5%% (round, load average 1/5/15 min, then rate, p50, p99, non-2xx):\n\n```\npgbench\n%s\nhub, 16 connections\n%s\nhub, 64 connections\n%s\n```\n\n' \
    "$(cat "$work/rounds-pgbench.txt")" "$(cat "$work/rounds-hub-16.txt")" "$(cat "$work/rounds-hub-64.txt")"
  printf 'Every token verified afresh, 16 connections:\n\n```\n%s\n```\n\n' "$(cat "$work/rounds-hub-16-fresh.txt")"
  printf 'Audit: %s entries written during the 16-connection rounds for %s answered scans; chain after the run: `%s`.\n\n' \
    "$scans_audited" "$hub_requests" "$(cat "$work/chain.json")"
  printf 'Group commit (`hub.audit.read.batch.size`, over the hub'"'"'s first run):\n\n```\n%s\n```\n\n' "$(cat "$work/batches.txt")"
  printf 'CPU during the 16-connection rounds (utime + stime from /proc): hub %s s, its PostgreSQL backends %s s.\n\n' "$hub_cpu" "$pg_cpu"
  printf 'Hottest code in the hub under the scan load (JFR execution samples, top frame grouped by package):\n\n```\n%s\n```\n' "$(cat "$work/profile.txt")"
} > "$report"
echo "wrote $report"
cat "$report"
