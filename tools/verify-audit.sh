#!/usr/bin/env bash
# Verifies a service's audit trail (its hash chain of decisions) and exits non-zero when it is
# broken, naming the first entry edited, removed or reordered. Usage:
#   tools/verify-audit.sh [service URL, default http://localhost:8082 (milestone-service)]
# with an auditor's token in $TOKEN. Each service keeps its own trail (8081, 8082, 8083 locally).
set -euo pipefail
base=${1:-http://localhost:8082}
result=$(curl -sf -H "Authorization: Bearer ${TOKEN:?set TOKEN to an auditor's bearer token}" \
  "$base/api/audit/verification")
echo "$result"
[[ "$result" == *'"intact":true'* ]]
