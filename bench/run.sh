#!/usr/bin/env bash
# Throughput of the catalog and claim endpoints, as ratios to a baseline measured in the same run
# (GET /q/health/live on the management port: the HTTP stack with no security and no database). Starts the hub with the demo
# data set on a spare port, drives it with wrk over loopback, appends the figures to bench/results.md.
#   bench/run.sh [seconds per endpoint, default 10]
set -euo pipefail
cd "$(dirname "$0")/.."
duration=${1:-10}
port=${BENCH_PORT:-8089}
management_port=${BENCH_MANAGEMENT_PORT:-9089}
command -v wrk >/dev/null 2>&1 || { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq wrk >/dev/null; }
bash scripts/ensure-postgres.sh
bash scripts/ensure-redis.sh
mvn -B -ntp -q package -DskipTests

java -Dquarkus.profile=demo -Dquarkus.http.port="$port" -Dquarkus.management.port="$management_port" -Dquarkus.log.level=WARN \
     -jar target/quarkus-app/quarkus-run.jar > target/bench-hub.log 2>&1 &
hub=$!
trap 'kill $hub 2>/dev/null; wait $hub 2>/dev/null || true' EXIT
for _ in $(seq 1 60); do curl -fs "http://127.0.0.1:$management_port/q/health/ready" >/dev/null 2>&1 && break; sleep 1; done

region_admin=$(scripts/demo-token.sh region-admin "" 450000)
dept_admin=$(scripts/demo-token.sh dept-admin 450100_SAMR 450100)
claimed_item=$(curl -fs -H "Authorization: Bearer $dept_admin" \
  "http://127.0.0.1:$port/api/v1/items?claimed=true&size=1" | sed -n 's/.*"code":"\([0-9]\{14\}\)".*/\1/p')

cat > target/bench-post.lua <<'LUA'
wrk.method = "POST"
wrk.body = "{}"
wrk.headers["Content-Type"] = "application/json"
LUA

measure() { # name, token, path or URL, [lua]
  local name=$1 token=$2 path=$3 lua=${4:-}
  local url=$path
  [[ $path == http* ]] || url="http://127.0.0.1:$port$path"
  local args=(-t2 -c16 -d"${duration}s" --latency)
  [ -n "$token" ] && args+=(-H "Authorization: Bearer $token")
  [ -n "$lua" ] && args+=(-s "$lua")
  wrk "${args[@]}" "$url" --timeout 10s > "target/bench-$name.txt" 2>&1 || true # warm-up
  wrk "${args[@]}" "$url" --timeout 10s > "target/bench-$name.txt" 2>&1
  local rps p99 errors
  rps=$(awk '/Requests\/sec/ {print $2}' "target/bench-$name.txt")
  p99=$(awk '$1 == "99%" {print $2}' "target/bench-$name.txt")
  errors=$(awk '/Non-2xx/ {print $5}' "target/bench-$name.txt")
  printf '%s %s %s %s\n' "$name" "$rps" "$p99" "${errors:-0}"
}

results=$(
  measure baseline-health "" "http://127.0.0.1:$management_port/q/health/live"
  measure items-page "$dept_admin" "/api/v1/items?size=20"
  measure items-text-search "$dept_admin" "/api/v1/items?q=%E9%A3%9F%E5%93%81&size=20"
  measure item-get "$dept_admin" "/api/v1/items/$claimed_item"
  measure claim-idempotent "$dept_admin" "/api/v1/items/$claimed_item/claims" target/bench-post.lua
  measure stats-region "$region_admin" "/api/v1/stats/claims?region=450000"
)
baseline=$(awk '$1 == "baseline-health" {print $2}' <<< "$results")

{
  printf '\n## %s (%s s per endpoint, wrk -t2 -c16, %s cores)\n\n' "$(date -u +%Y-%m-%dT%H:%MZ)" "$duration" "$(nproc)"
  printf '| endpoint | req/s | ratio to baseline | p99 latency | non-2xx |\n|---|---|---|---|---|\n'
  while read -r name rps p99 errors; do
    ratio=$(awk -v a="$rps" -v b="$baseline" 'BEGIN { printf "%.3f", a / b }')
    printf '| %s | %s | %s | %s | %s |\n' "$name" "$rps" "$ratio" "$p99" "$errors"
  done <<< "$results"
} | tee -a bench/results.md
