#!/usr/bin/env bash
# The performance harness: starts the system as deploy/run-local.sh does (free ports, throw-away
# data), measures each figure next to its limit on this machine (pgbench for the approvals, the
# bare /api/me endpoint for the read path) and writes the table into docs/PERFORMANCE.md.
# Needs pgbench and wrk (Debian: apt-get install postgresql-client wrk). Settings:
#   BENCH_SECONDS (15)          length of each throughput measurement
#   BENCH_REVIEWS (1000)        reviews of the event path, one at a time
#   BENCH_REPLAY_EVENTS (1000000) events notification-service replays
#   BENCH_ONLY                  some of footprint,approvals,events,replay,read (prints, leaves the doc alone)
#   BENCH_PROFILE               a service to record with JFR, e.g. funding-service
#                               (tools/load-test/target/bench-data/<service>.jfr, written when the run ends)
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in pgbench wrk; do
  command -v $tool >/dev/null || { echo "$tool is missing: apt-get install postgresql-client wrk" >&2; exit 1; }
done
./mvnw -q -B -DskipTests install
exec java -Dbench.seconds="${BENCH_SECONDS:-15}" -Dbench.reviews="${BENCH_REVIEWS:-1000}" \
  -Dbench.replay.events="${BENCH_REPLAY_EVENTS:-1000000}" -Dbench.only="${BENCH_ONLY:-}" -Dbench.profile="${BENCH_PROFILE:-}" \
  -cp "tools/load-test/target/classes:$(cat tools/load-test/target/benchmark.classpath)" \
  jp.go.meti.aifund.loadtest.Benchmark
