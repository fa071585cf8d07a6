#!/usr/bin/env bash
# Lints the OpenAPI document of each service, as the build wrote it (<service>/target/openapi, by
# ./mvnw verify or package), with Redocly's recommended rules: any error fails. Needs Node.js and
# the npm registry; .ci/run runs it after the Maven build.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
documents=()
for service in funding-service milestone-service notification-service; do
  document="$root/$service/target/openapi/openapi.yaml"
  [ -f "$document" ] || { echo "no $document: run ./mvnw package first" >&2; exit 1; }
  documents+=("$document")
done
npm ci --silent --no-audit --no-fund
npx --no-install redocly lint --config redocly.yaml "${documents[@]}"
