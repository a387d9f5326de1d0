#!/usr/bin/env bash
# Runs the hub with the Guangxi demo data set and the national platform simulator: prepares PostgreSQL, builds,
# starts the simulator on :8099 (control :8098) and the hub on :8080 (health and metrics on :9000), with Redis for the
# rate limits and MariaDB for the example 前置库 (scripts/demo-staging-db.sh). Ctrl-C stops them.
#   scripts/run.sh              offline demo tokens (scripts/demo-token.sh)
#   scripts/run.sh --keycloak   real single sign-on: Keycloak on :8180 with the demo realm, the portal at /portal
set -euo pipefail
cd "$(dirname "$0")/.."
profile=demo
if [ "${1:-}" = "--keycloak" ]; then
  profile=keycloak
fi
bash scripts/ensure-postgres.sh
bash scripts/ensure-redis.sh
bash scripts/demo-staging-db.sh
export HUB_STAGING_CITY_MARKET_PASSWORD=${HUB_STAGING_CITY_MARKET_PASSWORD:-demo-exchange-password}
mvn -B -ntp -q package -DskipTests
port=${HUB_PORT:-8080}
management_port=${HUB_MANAGEMENT_PORT:-9000}
sim_port=${SIM_PORT:-8099}
sim_control=${SIM_CONTROL_PORT:-8098}

mkdir -p target
java adapters/national-simulator/NationalSimulator.java --port "$sim_port" --control-port "$sim_control" \
  --hub "http://127.0.0.1:$port" > target/national-simulator.log 2>&1 &
simulator=$!
trap 'kill $simulator 2>/dev/null || true; [ "$profile" = keycloak ] && bash scripts/keycloak.sh stop 8180 || true' EXIT INT TERM
if [ "$profile" = keycloak ]; then
  bash scripts/keycloak.sh start 8180 "http://localhost:$port"
  cat <<SSO

  Single sign-on (Keycloak realm "supervision", admin console http://localhost:8180/admin, admin / admin)
  Portal:       http://localhost:$port/portal      partner application: http://localhost:$port/partner
  Users:        nn-dept-admin, lz-dept-admin, nn-officer, lz-officer, nn-region-admin, lz-region-admin, hub-admin
                (password demo-password)
  Service token: curl -d grant_type=client_credentials -d client_id=system-ssj -d client_secret=system-ssj-secret \\
                     http://localhost:8180/realms/supervision/protocol/openid-connect/token
SSO
fi
cat <<INFO

  Supervision Hub (demo profile: Guangxi demo data, offline token verification)
  Swagger UI:   http://localhost:$port/q/swagger-ui
  OpenAPI:      http://localhost:$port/q/openapi
  Health:       http://localhost:$management_port/q/health      metrics: http://localhost:$management_port/q/metrics
  Demo token:   scripts/demo-token.sh dept-admin 450100_SAMR 450100     (Nanning market regulation)
                scripts/demo-token.sh region-admin "" 450000            (whole of Guangxi)
                scripts/demo-token.sh hub-admin
  Try:          curl -H "Authorization: Bearer \$(scripts/demo-token.sh region-admin '' 450000)" \\
                     "http://localhost:$port/api/v1/stats/claims?region=450100"
  National platform simulator: data http://localhost:$sim_port, control http://localhost:$sim_control
                curl -X POST -H 'Content-Type: application/json' -d '{"title":"投诉某超市销售过期食品","regionCode":"450103"}' \\
                     http://localhost:$sim_control/sim/issue/complaints      (a complaint sent down, signed)
                curl http://localhost:$sim_control/sim/stats                  (what the hub has pushed up)
  前置库 (city-market-staging, polled every 30 s): mysql -h 127.0.0.1 -u root city_market_exchange
                rows inserted into t_xzjc / t_xzcf get their receipt (hub_status, hub_errors, hub_id) written back

INFO
java -Dquarkus.profile="$profile" -Dquarkus.http.port="$port" -Dquarkus.management.port="$management_port" \
  -Dhub.sync.national.url="http://127.0.0.1:$sim_port" \
  ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar
