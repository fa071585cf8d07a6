#!/usr/bin/env bash
# The three service images, run by podman against a real Kafka broker and PostgreSQL (the local
# stack's, from Maven artifacts), driven through the pullback loop with curl: each container
# ready, a review that misses its critical milestone finalized, the warning at notification-service,
# FY2027's gated tranche ON_HOLD at funding-service. The containers run as in their Deployments:
# uid 185, read-only root filesystem, /tmp a tmpfs, a 512 MiB limit, on the host network.
#
# Builds the images first (deploy/images/build.sh) from target/quarkus-app/ and target/bom.json, on
# BASE_IMAGE when set, otherwise on the offline Debian base (built by deploy/images/build-base-offline.sh
# when missing: no registry is reachable from CI). Needs podman, runc, debootstrap (for the base),
# curl, jq, and ./mvnw package (or verify) done. Kept out of ./mvnw verify: .ci/run runs it after.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$root/deploy/images/containers.conf}
export IMAGE_REPO=${IMAGE_REPO:-localhost/aifund}
export IMAGE_TAG=${IMAGE_TAG:-container-test}
mkdir -p target
log=$PWD/target/stack.log
began=$(date +%s)
say() { echo "[container-test] $(( $(date +%s) - began )) s: $*"; }

if [[ -z "${BASE_IMAGE:-}" ]]; then
  export BASE_IMAGE=localhost/aifund/base-jre17:bookworm
  podman image exists "$BASE_IMAGE" || "$root/deploy/images/build-base-offline.sh"
fi
say "building the images on $BASE_IMAGE"
"$root/deploy/images/build.sh"

services=(funding-service milestone-service notification-service)
for service in "${services[@]}"; do
  image="$IMAGE_REPO/$service:$IMAGE_TAG"
  user=$(podman image inspect --format '{{.Config.User}}' "$image")
  [[ "$user" == 185:0 ]] || { echo "$image runs as '$user', not 185:0" >&2; exit 1; }
  for label in title version revision source licenses created base.name base.digest; do
    value=$(podman image inspect --format "{{index .Labels \"org.opencontainers.image.$label\"}}" "$image")
    [[ -n "$value" && "$value" != "<no value>" ]] || { echo "$image has no label org.opencontainers.image.$label" >&2; exit 1; }
  done
  sbom=$(podman image inspect --format '{{index .Labels "jp.go.meti.aifund.sbom"}}' "$image")
  podman run --rm --entrypoint cat "$image" "$sbom" \
    | jq -e --arg s "$service" '.bomFormat == "CycloneDX" and (.metadata.component.name == $s) and (.components | length > 50)' \
      > /dev/null || { echo "$image: no CycloneDX SBOM of $service at $sbom" >&2; exit 1; }
done
say "images run as 185:0, carry the OCI labels and their SBOM"

"$root/deploy/run-local.sh" --containers > "$log" 2>&1 &
stack=$!
stop() {
  kill -TERM $stack 2> /dev/null || true
  wait $stack 2> /dev/null || true
}
trap stop EXIT
for _ in $(seq 1 300); do
  grep -q "Ready in" "$log" && break
  kill -0 $stack 2> /dev/null || { cat "$log"; exit 1; }
  sleep 1
done
grep -q "Ready in" "$log" || { cat "$log"; echo "the containers did not get ready" >&2; exit 1; }
eval "$(grep '^  export TOKEN_' "$log")"
url() { grep -oE "^  $1 +http://localhost:[0-9]+" "$log" | grep -oE 'http://localhost:[0-9]+'; }
FS=$(url funding-service) MS=$(url milestone-service) NS=$(url notification-service)
read -r -a containers <<< "$(sed -n 's/^Containers (podman): //p' "$log")"
for c in "${containers[@]}"; do
  [[ $(podman inspect --format '{{.Config.User}} {{.HostConfig.ReadonlyRootfs}} {{.HostConfig.Memory}}' "$c") \
    == "185:0 true 536870912" ]] || { echo "$c is not run as its Deployment runs it" >&2; exit 1; }
done
for u in "$FS" "$MS" "$NS"; do
  curl -sf "$u/q/health/ready" | jq -e '.status == "UP"' > /dev/null || { echo "$u not ready" >&2; exit 1; }
done
say "the three containers are ready: ${containers[*]}"

json() { curl -sf -H 'Content-Type: application/json' "$@"; }
key() { echo "Idempotency-Key: $(cat /proc/sys/kernel/random/uuid)"; }
admin=(-H "Authorization: Bearer $TOKEN_ADMIN_SATO")
nedo=(-H "Authorization: Bearer $TOKEN_NEDO_TANAKA")
P=$(json -X POST "$FS/api/programmes" "${admin[@]}" -d '{"name":"Container test '"$(date +%s%N)"'",
  "ceiling":1000000000000,"firstFiscalYear":2026,"lastFiscalYear":2030,"commissioningMinistry":"METI",
  "executingAgency":"NEDO"}' | jq -r .id)
json -X PUT "$FS/api/programmes/$P/envelopes/2026" "${admin[@]}" -d '{"amount":150000000000}' > /dev/null
json -X PUT "$FS/api/programmes/$P/envelopes/2027" "${admin[@]}" -d '{"amount":200000000000}' > /dev/null
R=$(json -X POST "$FS/api/programmes/$P/recipients" "${admin[@]}" -d '{"name":"Noetra","role":"CONSORTIUM"}' | jq -r .id)
for m in SoftBank:6000 NEC:4000; do
  json -X POST "$FS/api/programmes/$P/recipients" "${admin[@]}" \
    -d "{\"name\":\"${m%:*}\",\"role\":\"MEMBER\",\"consortiumId\":\"$R\",\"shareBasisPoints\":${m#*:}}" > /dev/null
done
GATED=$(json -X POST "$FS/api/programmes/$P/tranches" "${nedo[@]}" -H "$(key)" \
  -d "{\"fiscalYear\":2027,\"recipientId\":\"$R\",\"amount\":80000000000}" | jq -r .id)
T=$(json -X POST "$FS/api/programmes/$P/tranches" "${nedo[@]}" -H "$(key)" \
  -d "{\"fiscalYear\":2026,\"recipientId\":\"$R\",\"amount\":50000000000}" | jq -r .id)
json -X POST "$FS/api/programmes/$P/tranches/$T/approve" -H "Authorization: Bearer $TOKEN_METI_SUZUKI" -H "$(key)" -d '{}' > /dev/null
json -X POST "$FS/api/programmes/$P/tranches/$T/disburse" "${nedo[@]}" -H "$(key)" -d '{}' > /dev/null
say "programme $P: FY2026 tranche disbursed, FY2027 tranche $GATED planned"

for _ in $(seq 1 60); do # milestone-service knows the programme once funding-service's event reached it
  curl -sf -o /dev/null "$MS/api/programmes/$P" "${nedo[@]}" && break
  sleep 1
done
M=$(json -X POST "$MS/api/programmes/$P/fiscal-years/2026/milestones" "${nedo[@]}" \
  -d '{"code":"PARAMS","title":"Multimodal model trained","metric":"parameters trained","unit":"parameters",
       "direction":"AT_LEAST","target":100000000000,"threshold":60000000000,"weightBasisPoints":10000,"critical":true}' | jq -r .id)
V=$(json -X POST "$MS/api/programmes/$P/fiscal-years/2026/reviews" "${nedo[@]}" | jq -r .id)
json -X PUT "$MS/api/reviews/$V/results/$M" "${nedo[@]}" \
  -d '{"value":52000000000,"unit":"parameters","asOf":"2026-11-01","evidence":[{"uri":"https://nedo.example/r/training.pdf",
       "title":"Training report","digest":"sha256:9f86d081884c7d659a2feaa0c55ad015a3bf4f1b2b0b822cd15d6c15b0f00a08"}]}' > /dev/null
json -X POST "$MS/api/reviews/$V/submit" "${nedo[@]}" > /dev/null
json -X POST "$MS/api/reviews/$V/finalize" -H "Authorization: Bearer $TOKEN_METI_SUZUKI" \
  -d '{"note":"Critical target missed"}' > /dev/null
say "review $V finalized: 52 of 100 billion parameters, under the critical milestone's threshold"

auditor=(-H "Authorization: Bearer $TOKEN_AUDITOR_ITO")
warned=false held=false
for _ in $(seq 1 60); do
  $warned || { json "$NS/api/warnings?programmeId=$P" "${auditor[@]}" \
    | jq -e '[.items[] | select(.kind == "PULLBACK_RECOMMENDED")] | length > 0' > /dev/null && warned=true; } || true
  $held || { [[ $(json "$FS/api/programmes/$P/tranches/$GATED" "${auditor[@]}" | jq -r .state) == ON_HOLD ]] && held=true; } || true
  $warned && $held && break
  sleep 1
done
$warned || { echo "no PULLBACK_RECOMMENDED warning at notification-service" >&2; tail -50 "$log"; exit 1; }
$held || { echo "the FY2027 tranche is not ON_HOLD at funding-service" >&2; tail -50 "$log"; exit 1; }
say "the warning is at notification-service and the FY2027 tranche is ON_HOLD at funding-service"

sleep "${IDLE_SECONDS:-20}" # at rest, before measuring
podman stats --no-stream --format 'table {{.Name}} {{.MemUsage}} {{.CPUPerc}}' "${containers[@]}"
podman images --format 'table {{.Repository}}:{{.Tag}} {{.Size}}' | grep -E "$IMAGE_REPO/.*:$IMAGE_TAG|base-jre17" || true
stop
trap - EXIT
say "passed"
