#!/usr/bin/env bash
# Verifies a programme's ledger hash chain through funding-service and exits non-zero when it is
# broken, naming the first entry edited, removed or reordered. Usage:
#   tools/verify-ledger.sh <programme-id> [funding-service URL, default http://localhost:8081]
# with an auditor's (or METI official's, or administrator's) token in $TOKEN.
set -euo pipefail
programme=${1:?usage: tools/verify-ledger.sh <programme-id> [funding-service URL]}
base=${2:-http://localhost:8081}
result=$(curl -sf -H "Authorization: Bearer ${TOKEN:?set TOKEN to an auditor's bearer token}" \
  "$base/api/programmes/$programme/ledger/verification")
echo "$result"
[[ "$result" == *'"intact":true'* ]]
