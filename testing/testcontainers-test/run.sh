#!/usr/bin/env bash
# The tests' Testcontainers path, run for real once: podman serves the Docker API on a socket, the
# two images of build-images.sh (no registry is reachable) stand in for postgres and apache/kafka,
# and milestone-service's suite runs with DB and broker from those containers. The log must show
# both containers started by Testcontainers and neither embedded fallback. Needs podman, runc,
# debootstrap (for the offline base, when missing); installs the artifacts the module depends on.
set -euo pipefail
cd "$(dirname "$0")"
root=$(cd ../.. && pwd)
export CONTAINERS_CONF=${CONTAINERS_CONF:-$root/deploy/images/containers.conf}
export AIFUND_TEST_POSTGRES_IMAGE=${AIFUND_TEST_POSTGRES_IMAGE:-localhost/aifund/test-postgres:15}
export AIFUND_TEST_KAFKA_IMAGE=${AIFUND_TEST_KAFKA_IMAGE:-localhost/aifund/test-kafka:4.1.1}
module=${MODULE:-milestone-service}
mkdir -p target
log=$PWD/target/verify.log
began=$(date +%s)
say() { echo "[testcontainers-test] $(( $(date +%s) - began )) s: $*"; }

say "installing $module's dependencies (no tests)"
# offline first; online only if a plugin the earlier build never needed (install) is missing
install=(-B -ntp -q -DskipTests -Djacoco.skip=true install -pl "$module" -am)
(cd "$root" && { ./mvnw -o "${install[@]}" > /dev/null 2>&1 || ./mvnw "${install[@]}"; })
"$PWD/build-images.sh"
say "images $AIFUND_TEST_POSTGRES_IMAGE and $AIFUND_TEST_KAFKA_IMAGE ready"

sock=/tmp/podman-tc-$$.sock
podman system service --time=0 "unix://$sock" > target/podman-service.log 2>&1 &
service=$!
stop() {
  # no Ryuk (it needs a registry image): remove the containers the suite started, named in its log
  grep -ohE '^\[test-infra\] [A-Za-z]+ from Testcontainers: [^ ]+ container [0-9a-f]+' "$log" 2> /dev/null \
    | awk '{print $NF}' | xargs -r podman rm -f -t 0 > /dev/null 2>&1 || true
  kill -TERM $service 2> /dev/null || true
  wait $service 2> /dev/null || true
  rm -f "$sock"
}
trap stop EXIT
for _ in $(seq 1 50); do [[ -S "$sock" ]] && break; sleep 0.2; done
[[ -S "$sock" ]] || { cat target/podman-service.log; echo "podman did not serve $sock" >&2; exit 1; }
export DOCKER_HOST=unix://$sock TESTCONTAINERS_DOCKER_SOCKET_OVERRIDE=$sock TESTCONTAINERS_RYUK_DISABLED=true
unset DB_JDBC_URL KAFKA_BOOTSTRAP_SERVERS

say "running $module's suite against the containers (DOCKER_HOST=$DOCKER_HOST)"
rc=0
(cd "$root" && ./mvnw -B -ntp -o -pl "$module" verify -Djacoco.skip=true) > "$log" 2>&1 || rc=$?
grep -E 'Container .* started in|^\[test-infra\]' "$log" | head -4
grep -E 'Tests run:.*Fail' "$log" | tail -1
((rc == 0)) || { tail -80 "$log"; echo "$module's suite failed against the containers" >&2; exit 1; }
for image in "$AIFUND_TEST_POSTGRES_IMAGE" "$AIFUND_TEST_KAFKA_IMAGE"; do
  grep -qE "\[tc\.$image\] .* Container $image started in" "$log" \
    || { echo "Testcontainers did not log $image started" >&2; exit 1; }
done
grep -q "\[test-infra\] PostgreSQL from Testcontainers: $AIFUND_TEST_POSTGRES_IMAGE container [0-9a-f]" "$log" \
  || { echo "PostgreSQL did not come from Testcontainers" >&2; exit 1; }
grep -q "\[test-infra\] Kafka from Testcontainers: $AIFUND_TEST_KAFKA_IMAGE container [0-9a-f]" "$log" \
  || { echo "Kafka did not come from Testcontainers" >&2; exit 1; }
! grep -q "zonky.test.db.postgres.embedded\|KAFKA-BROKER-READY\|aifund-test-pg-\|aifund-test-kafka-" "$log" \
  || { echo "an embedded fallback ran as well" >&2; exit 1; }
say "$module's suite passed with PostgreSQL and Kafka from Testcontainers (podman), no embedded fallback"
