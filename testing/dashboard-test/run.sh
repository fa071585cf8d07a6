#!/usr/bin/env bash
# Browser test of the dashboard: a freshly seeded demo stack (deploy/run-local.sh --demo, its data
# in .data/demo wiped first), Playwright driving Debian's headless Chromium (apt-get install
# chromium; Playwright cannot download browsers here), then the stack stopped. Kept out of
# ./mvnw verify because it needs Chromium and Node.js; .ci/run runs it after the Maven build.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
log=$(mktemp)
rm -rf "$root/.data/demo"
"$root/deploy/run-local.sh" --demo > "$log" 2>&1 &
stack=$!
trap 'kill -TERM $stack 2>/dev/null; wait $stack 2>/dev/null || true; rm -f "$log"' EXIT
for _ in $(seq 1 180); do
  grep -q "Ready in" "$log" && break
  kill -0 $stack 2>/dev/null || { cat "$log"; exit 1; }
  sleep 1
done
grep -q "Ready in" "$log" || { cat "$log"; echo "the demo stack did not get ready" >&2; exit 1; }
eval "$(grep '^  export TOKEN_' "$log")"
npm ci --silent --no-audit --no-fund
mkdir -p target
node dashboard.test.mjs
