#!/usr/bin/env bash
# What the browser end-to-end tests need beside Java and Maven: Debian's Chromium, playwright-core and axe-core (npm), the Keycloak
# server distribution (Maven Central). Idempotent; prints the node module path to export as HUB_E2E_NODE_PATH.
set -euo pipefail
cd "$(dirname "$0")/.."
if [ ! -x /usr/bin/chromium ] || ! fc-list 2>/dev/null | grep -qi "wenquanyi\|noto sans cjk"; then
  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei; } >/dev/null 2>&1 \
    || { sudo apt-get update -qq && sudo DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium fonts-wqy-zenhei; } >/dev/null
fi
modules=${HUB_E2E_HOME:-$HOME/.cache/supervision-hub/e2e}
if [ ! -d "$modules/node_modules/playwright-core" ] || [ ! -d "$modules/node_modules/axe-core" ]; then
  mkdir -p "$modules"
  npm install --silent --no-audit --no-fund --prefix "$modules" playwright-core@1.57.0 axe-core@4.11.0 >/dev/null 2>&1 \
    || npm install --silent --no-audit --no-fund --prefix "$modules" playwright-core axe-core >/dev/null
fi
bash scripts/keycloak.sh fetch >/dev/null
echo "$modules/node_modules"
