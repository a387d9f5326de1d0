#!/usr/bin/env bash
# Runs the whole test suite against a real PostgreSQL (prepared by ensure-postgres.sh).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/ensure-postgres.sh
exec mvn -B -ntp verify "$@"
