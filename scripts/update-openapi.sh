#!/usr/bin/env bash
# Regenerates the committed contract from the code: build once, copy what Quarkus wrote.
set -euo pipefail
cd "$(dirname "$0")/.."
mvn -B -ntp -q package -DskipTests
mkdir -p openapi
cp target/openapi/openapi.yaml openapi/openapi.yaml
echo "openapi/openapi.yaml updated; review with: git diff openapi/"
echo "then: mvn -o test -Dtest=OpenApiExamplesTest (every operation needs src/main/resources/openapi-docs/operations/<operationId>.json:"
echo "its summary, description and statuses in Chinese and English, and its examples; no @Operation texts on the method)"
