#!/usr/bin/env bash
# Lints the committed contracts (the API's OpenAPI, the events' AsyncAPI) with Spectral (rules in .spectral.yaml).
# Errors fail; warnings print.
set -euo pipefail
cd "$(dirname "$0")/.."
if ! command -v npx >/dev/null 2>&1; then
  echo "[openapi] npx not found: install Node.js to lint the contract; skipping" >&2
  exit 0
fi
npx -y @stoplight/spectral-cli@6.15.0 lint --fail-severity error openapi/openapi.yaml \
  openapi/events.asyncapi.yaml
