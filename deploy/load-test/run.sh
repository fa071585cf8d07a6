#!/usr/bin/env bash
# The performance harness: starts the system as deploy/run-local.sh does (free ports, throw-away
# data), measures each figure next to its limit on this machine (pgbench for the approvals, the
# bare /api/me endpoint for the read path) and writes the table into docs/PERFORMANCE.md.
# Needs pgbench and wrk (Debian: apt-get install postgresql-client wrk). BENCH_SECONDS (default 15)
# is the length of each measurement; BENCH_PROFILE=true records funding-service with JFR
# (deploy/load-test/target/bench-data/funding-service.jfr, written when the run ends).
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in pgbench wrk; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install postgresql-client wrk" >&2; exit 1; }
done
./mvnw -q -B -DskipTests install
exec java -Dbench.seconds="${BENCH_SECONDS:-15}" -Dbench.profile="${BENCH_PROFILE:-false}" \
  -cp "deploy/load-test/target/classes:$(cat deploy/load-test/target/benchmark.classpath)" \
  jp.go.meti.aifund.loadtest.Benchmark
