#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL (prepared by ensure-postgres.sh), a real Redis (the rate
# limits' store, started by ensure-redis.sh when it does not answer on 127.0.0.1:6379), a real MariaDB (the 前置库 staging
# database of the staging-db adapter tests, started by ensure-mariadb.sh), the national platform
# simulator and, for single sign-on, a real Keycloak driven through headless Chromium (scripts/e2e-prereqs.sh
# installs Chromium, playwright-core and Keycloak the first time); then lints the committed OpenAPI contract
# and the event contract (the suite has already checked they equal what the hub serves and emits, and, in
# ApiCompatibilityTest, that the API has no breaking change against the last released contract in openapi/released/).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
bash scripts/ensure-redis.sh
bash scripts/ensure-mariadb.sh
HUB_E2E_NODE_PATH=$(bash scripts/e2e-prereqs.sh)
export HUB_E2E_NODE_PATH HUB_E2E_REQUIRED=true
mvn -B -ntp spotless:check verify "$@"
bash scripts/lint-openapi.sh
