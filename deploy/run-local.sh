#!/usr/bin/env bash
# Runs the whole system on this machine: real PostgreSQL and Kafka from Maven Central artifacts
# (no Docker, nothing installed), data under .data/ (kept across restarts), services as child
# processes. Builds first when nothing is built yet; --build forces a rebuild. Ctrl-C stops all.
set -euo pipefail
cd "$(dirname "$0")/.."
build=false
[[ "${1:-}" == "--build" ]] && build=true
[[ -f deploy/local-infra/target/local-stack.classpath && -f funding-service/target/quarkus-app/quarkus-run.jar && -f milestone-service/target/quarkus-app/quarkus-run.jar && -f notification-service/target/quarkus-app/quarkus-run.jar ]] || build=true
if $build; then
  echo "[local-stack] building (./mvnw -DskipTests install)…"
  ./mvnw -q -DskipTests install
fi
exec java -cp "deploy/local-infra/target/classes:$(cat deploy/local-infra/target/local-stack.classpath)" \
  jp.go.meti.aifund.infra.local.LocalStack
