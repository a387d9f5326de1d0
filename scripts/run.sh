#!/usr/bin/env bash
# Runs the hub with the Guangxi demo data set: prepares PostgreSQL, builds, starts on :8080.
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
mvn -B -ntp -q package -DskipTests
port=${HUB_PORT:-8080}
cat <<INFO

  Supervision Hub (demo profile: Guangxi demo data, offline token verification)
  Swagger UI:   http://localhost:$port/q/swagger-ui
  OpenAPI:      http://localhost:$port/q/openapi
  Health:       http://localhost:$port/q/health
  Demo token:   scripts/demo-token.sh dept-admin 450100_SAMR 450100     (Nanning market regulation)
                scripts/demo-token.sh region-admin "" 450000            (whole of Guangxi)
                scripts/demo-token.sh hub-admin
  Try:          curl -H "Authorization: Bearer \$(scripts/demo-token.sh region-admin '' 450000)" \\
                     "http://localhost:$port/api/v1/stats/claims?region=450100"

INFO
exec java -Dquarkus.profile=demo -Dquarkus.http.port="$port" ${JAVA_OPTS:-} -jar target/quarkus-app/quarkus-run.jar
