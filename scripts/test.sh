#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL (prepared by ensure-postgres.sh), then lints the
# committed OpenAPI contract (the suite has already checked it equals what the hub serves).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
mvn -B -ntp verify "$@"
bash scripts/lint-openapi.sh
