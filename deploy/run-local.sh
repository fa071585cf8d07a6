#!/usr/bin/env bash
# Runs the whole system on this machine: real PostgreSQL and Kafka from Maven Central artifacts
# (no Docker, nothing installed), data under .data/ (kept across restarts), services as child
# processes. Builds first when nothing is built yet; --build forces a rebuild. --demo seeds the
# programme from the news on a clock set to May 2028 (data apart, in .data/demo). Ctrl-C stops all.
# --containers runs the images deploy/images/build.sh built (IMAGE_REPO, IMAGE_TAG) with podman
# instead, on free ports with throw-away data (testing/container-test/run.sh does).
# `deploy/run-local.sh token PERSON ROLE [RECIPIENT_ID,...]` prints a development token for anyone.
set -euo pipefail
cd "$(dirname "$0")/.."
if [[ "${1:-}" == token ]]; then
  shift
  [[ -f tools/local-infra/target/local-stack.classpath ]] || ./mvnw -q -DskipTests install
  exec java -cp "tools/local-infra/target/classes:$(cat tools/local-infra/target/local-stack.classpath)" \
    jp.go.meti.aifund.infra.local.DevTokens "$@"
fi
build=false
stack_args=()
for arg in "$@"; do
  case "$arg" in
    --build) build=true ;;
    --demo) stack_args+=(--demo) ;;
    --containers) stack_args+=(--containers) ;;
    *) echo "usage: deploy/run-local.sh [--build] [--demo | --containers] | token PERSON ROLE [RECIPIENT_ID,...]" >&2; exit 2 ;;
  esac
done
for jar in funding-service milestone-service notification-service; do
  [[ -f $jar/target/quarkus-app/quarkus-run.jar ]] || build=true
done
[[ -f tools/local-infra/target/local-stack.classpath ]] || build=true
if $build; then
  echo "[local-stack] building (./mvnw -DskipTests install)…"
  ./mvnw -q -DskipTests install
fi
exec java -cp "tools/local-infra/target/classes:$(cat tools/local-infra/target/local-stack.classpath)" \
  jp.go.meti.aifund.infra.local.LocalStack "${stack_args[@]}"
