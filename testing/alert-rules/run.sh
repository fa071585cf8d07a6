#!/usr/bin/env bash
# The alert rules of deploy/kubernetes/base/monitoring/prometheus-rules.yaml, checked and unit-tested
# with promtool (Debian package prometheus). The PrometheusRule is the only copy of the rules: its
# .spec (the rule groups) is extracted by yq into a plain rule file next to a copy of tests.yaml,
# so what promtool tests is exactly what the Prometheus Operator loads. Installs nothing: .ci/run does.
set -euo pipefail
cd "$(dirname "$0")/../.."
for tool in promtool yq; do
  command -v "$tool" > /dev/null || { echo "alert-rules: $tool is missing (apt-get install prometheus yq)" >&2; exit 1; }
done
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
yq -y '.spec' deploy/kubernetes/base/monitoring/prometheus-rules.yaml > "$work/aifund-alerts.rules.yaml"
cp testing/alert-rules/tests.yaml "$work/tests.yaml"
promtool check rules "$work/aifund-alerts.rules.yaml"
promtool test rules "$work/tests.yaml"
