#!/usr/bin/env bash
# The two images the Testcontainers path of the tests uses here, built locally (no registry is
# reachable): both on the offline Debian base (deploy/images/build-base-offline.sh when missing).
#   localhost/aifund/test-postgres:15  Debian's postgresql-15, initdb with trust auth at start,
#                                      listening on 127.0.0.1:$PGPORT (the host network's port)
#   localhost/aifund/test-kafka:4.1.1  the KRaft broker the child-JVM path runs (tools/kafka-broker
#                                      and its Maven jars), on 127.0.0.1:$KAFKA_PORT
# Skips an image that exists; FORCE=1 rebuilds. Needs podman and the kafka-broker artifact installed.
set -euo pipefail
root=$(cd "$(dirname "$0")/../.." && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$root/deploy/images/containers.conf}
base=${BASE_IMAGE:-localhost/aifund/base-jre17:bookworm}
pg_image=${AIFUND_TEST_POSTGRES_IMAGE:-localhost/aifund/test-postgres:15}
kafka_image=${AIFUND_TEST_KAFKA_IMAGE:-localhost/aifund/test-kafka:4.1.1}
podman image exists "$base" || "$root/deploy/images/build-base-offline.sh"
ctx=$(mktemp -d /var/tmp/aifund-tc-images.XXXXXX)
trap 'rm -rf "$ctx"' EXIT

if [[ "${FORCE:-}" == 1 ]] || ! podman image exists "$pg_image"; then
  mkdir -p "$ctx/pg"
  cat > "$ctx/pg/start.sh" <<'SH'
#!/bin/sh
# initdb with trust auth (the official image's POSTGRES_USER, default postgres), then the server
set -e
data=/tmp/pgdata
bin=/usr/lib/postgresql/15/bin
"$bin/initdb" -D "$data" -U "${POSTGRES_USER:-postgres}" --auth=trust -E UTF8 --locale=C.UTF-8 > /dev/null
exec "$bin/postgres" -D "$data" -p "${PGPORT:-5432}" -h 127.0.0.1 -k /tmp -c fsync=off -c full_page_writes=off
SH
  cat > "$ctx/pg/Containerfile" <<EOC
FROM $base
USER root
RUN apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends postgresql-15 > /dev/null \
 && rm -rf /var/lib/apt/lists/* /var/cache/apt/*
COPY --chmod=0755 start.sh /usr/local/bin/start-postgres
USER 185
CMD ["/usr/local/bin/start-postgres"]
EOC
  echo "[tc-images] building $pg_image"
  podman build -q -t "$pg_image" "$ctx/pg" > /dev/null
fi

if [[ "${FORCE:-}" == 1 ]] || ! podman image exists "$kafka_image"; then
  jar=$(ls "$root"/tools/kafka-broker/target/kafka-broker-*.jar 2> /dev/null | head -1 || true)
  [[ -n "$jar" ]] || jar=$(ls ~/.m2/repository/jp/go/meti/aifund/kafka-broker/*/kafka-broker-*.jar | head -1)
  mkdir -p "$ctx/kafka/lib"
  cp "$jar" "$ctx/kafka/lib/"
  unzip -p "$jar" aifund-kafka-broker.classpath | tr ':' '\n' | while read -r dep; do
    [[ -n "$dep" ]] && cp "$dep" "$ctx/kafka/lib/"
  done
  cat > "$ctx/kafka/Containerfile" <<EOC
FROM $base
COPY lib/ /opt/kafka/lib/
ENV KAFKA_PORT=9092 KAFKA_CONTROLLER_PORT=9093
# the broker exits when its standard input closes: a pipe that never does keeps it up
CMD ["sh", "-c", "sleep infinity | exec java -Xms128m -Xmx512m -XX:+UseSerialGC -XX:TieredStopAtLevel=1 -cp '/opt/kafka/lib/*' jp.go.meti.aifund.infra.broker.KraftBroker \"\$KAFKA_PORT\" \"\$KAFKA_CONTROLLER_PORT\" /tmp/kafka"]
EOC
  echo "[tc-images] building $kafka_image ($(ls "$ctx/kafka/lib" | wc -l) jars)"
  podman build -q -t "$kafka_image" "$ctx/kafka" > /dev/null
fi
