#!/usr/bin/env bash
# An equivalent of the pinned base image (a Java 17 runtime, user 185 in group 0, /deployments),
# built with no container registry: Debian bookworm's openjdk-17-jre-headless from Debian's mirror
# (debootstrap, about 2 minutes), imported into podman's local storage as
#   localhost/aifund/base-jre17:bookworm
# Then: BASE_IMAGE=localhost/aifund/base-jre17:bookworm deploy/images/build.sh
# Needs root (debootstrap), debootstrap and podman. MIRROR= overrides the Debian mirror.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$here/containers.conf}
image=${OFFLINE_BASE_IMAGE:-aifund/base-jre17:bookworm}
mirror=${MIRROR:-http://deb.debian.org/debian}
dir=$(mktemp -d /var/tmp/aifund-base.XXXXXX)
trap 'rm -rf "$dir"' EXIT
started=$(date +%s)
echo "[base] debootstrap bookworm + openjdk-17-jre-headless into $dir"
debootstrap --variant=minbase --include=openjdk-17-jre-headless,ca-certificates-java \
  bookworm "$dir" "$mirror" > "$dir.log" 2>&1 || { tail -30 "$dir.log"; exit 1; }
rm -f "$dir.log"
# the uid the Deployments run as (runAsUser: 185), group 0 as on OpenShift-style images
chroot "$dir" useradd --system --uid 185 --gid 0 --home-dir /home/default --create-home --shell /usr/sbin/nologin default
install -d -o 185 -g 0 -m 0775 "$dir/deployments"
# nothing a runtime image needs: package caches and lists, documentation, manuals, locales
rm -rf "$dir"/var/cache/apt/* "$dir"/var/lib/apt/lists/* "$dir"/usr/share/doc/* "$dir"/usr/share/man/* \
  "$dir"/usr/share/info/* "$dir"/var/log/* "$dir"/tmp/* 2> /dev/null || true
find "$dir/usr/share/locale" -mindepth 1 -maxdepth 1 ! -name 'locale.alias' -exec rm -rf {} + 2> /dev/null || true
java_home=$(dirname "$(dirname "$(readlink -f "$dir/usr/bin/java" | sed "s|^$dir||")")")
version=$(chroot "$dir" dpkg-query -W -f='${Version}' openjdk-17-jre-headless)
echo "[base] importing as $image (openjdk-17-jre-headless $version, JAVA_HOME $java_home)"
tar --numeric-owner -C "$dir" -c . | podman import --quiet \
  --change "ENV JAVA_HOME=$java_home" \
  --change 'ENV LANG=C.UTF-8' \
  --change 'USER 185' \
  --change 'WORKDIR /deployments' \
  --change "LABEL org.opencontainers.image.title=aifund-base-jre17 org.opencontainers.image.description=Debian-bookworm-openjdk-17-jre-headless-$version" \
  --message "debootstrap bookworm minbase + openjdk-17-jre-headless $version" \
  - "$image" > /dev/null
echo "[base] $image built in $(( $(date +%s) - started )) s: $(podman image inspect --format '{{.Size}}' "$image" | numfmt --to=iec)"
