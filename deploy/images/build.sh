#!/usr/bin/env bash
# Builds the three service images with podman (Buildah underneath; no Docker daemon) from what
# `./mvnw package` wrote: target/quarkus-app/ and the CycloneDX SBOM target/bom.json.
#
#   deploy/images/build.sh [SERVICE...]          the base pinned by digest in each Dockerfile.jvm
#   BASE_IMAGE=localhost/aifund/base-jre17:bookworm deploy/images/build.sh
#                                                offline: the base of build-base-offline.sh
#
# Tags ${IMAGE_REPO:-ghcr.io/meti-aifund}/<service>:${IMAGE_TAG:-1.0.0}, the names the Deployments
# use. The Maven build never needs podman; this script never runs Maven.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
root=$(cd "$here/../.." && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$here/containers.conf}
repo=${IMAGE_REPO:-ghcr.io/meti-aifund}
tag=${IMAGE_TAG:-1.0.0}
services=("$@")
((${#services[@]})) || services=(funding-service milestone-service notification-service)
command -v podman > /dev/null || { echo "podman is needed (apt-get install podman buildah runc)" >&2; exit 1; }

revision=$(git -C "$root" rev-parse HEAD 2> /dev/null || echo unknown)
git -C "$root" diff --quiet HEAD 2> /dev/null || revision="$revision-dirty"
source_url=${SOURCE_URL:-$(git -C "$root" remote get-url origin 2> /dev/null || echo https://github.com/meti-aifund/aifund)}
created=$(date -u +%Y-%m-%dT%H:%M:%SZ)

build_args=()
if [[ -n "${BASE_IMAGE:-}" ]]; then
  build_args+=(--build-arg "BASE_IMAGE=$BASE_IMAGE")
  if [[ "$BASE_IMAGE" == *@sha256:* ]]; then
    base_name=${BASE_IMAGE%@*} base_digest=${BASE_IMAGE#*@}
  else # a tag: the digest of what it names here, pulled if it is missing
    podman image exists "$BASE_IMAGE" || podman pull -q "$BASE_IMAGE" > /dev/null
    base_name=$BASE_IMAGE
    base_digest=$(podman image inspect --format '{{.Digest}}' "$BASE_IMAGE")
  fi
  build_args+=(--build-arg "BASE_NAME=$base_name" --build-arg "BASE_DIGEST=$base_digest")
fi

for service in "${services[@]}"; do
  module="$root/$service"
  for needed in target/quarkus-app/quarkus-run.jar target/bom.json; do
    [[ -f "$module/$needed" ]] || { echo "$service/$needed is missing: ./mvnw -DskipTests package first" >&2; exit 1; }
  done
  image="$repo/$service:$tag"
  started=$(date +%s)
  podman build --quiet --format oci \
    --file "$module/src/main/docker/Dockerfile.jvm" \
    "${build_args[@]}" \
    --build-arg "SERVICE=$service" --build-arg "VERSION=$tag" --build-arg "REVISION=$revision" \
    --build-arg "CREATED=$created" --build-arg "SOURCE=$source_url" \
    --tag "$image" "$module" > /dev/null
  size=$(podman image inspect --format '{{.Size}}' "$image" | numfmt --to=iec)
  echo "[images] $image ($size) in $(( $(date +%s) - started )) s"
done
