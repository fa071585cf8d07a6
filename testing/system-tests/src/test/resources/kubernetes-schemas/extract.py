#!/usr/bin/env python3
"""Writes the vendored schemas next to this file: only the kinds the overlays render, each with the
closure of what it refers to, descriptions dropped (they are most of the bytes and check nothing).

Needs (network, once): bare git snapshots of the upstream repositories under $MIRROR (default
/work/.mirror), named owner+name/repo as the search tool's `fetch` lays them out, and PyYAML.
The tests never run this: they read the JSON it wrote.

    python3 extract.py            # rewrites *.json here
"""
import json
import os
import subprocess
import sys

import yaml

HERE = os.path.dirname(os.path.abspath(__file__))
MIRROR = os.environ.get("MIRROR", "/work/.mirror")

# Kubernetes: the OpenAPI v3 documents the API server serves, as kubectl-validate ships them per release.
KUBERNETES = ("kubernetes-sigs+kubectl-validate", "a97ccfac", "1.34", {
    "api/v1": ["ConfigMap", "Namespace", "Secret", "Service", "ServiceAccount", "PersistentVolumeClaim"],
    "apis/apps/v1": ["Deployment", "StatefulSet"],
    "apis/autoscaling/v2": ["HorizontalPodAutoscaler"],
    "apis/policy/v1": ["PodDisruptionBudget"],
    "apis/networking.k8s.io/v1": ["NetworkPolicy"],
})
# Operators: (file name, repository, tag, [(CRD path, served version)])
CRDS = [
    ("strimzi-1.2.0", "strimzi+strimzi-kafka-operator", "1.2.0", [
        ("packaging/install/cluster-operator/040-Crd-kafka.yaml", "v1"),
        ("packaging/install/cluster-operator/043-Crd-kafkatopic.yaml", "v1"),
        ("packaging/install/cluster-operator/044-Crd-kafkauser.yaml", "v1"),
        ("packaging/install/cluster-operator/045-Crd-kafkanodepool.yaml", "v1"),
    ]),
    ("cloudnative-pg-1.30.0", "cloudnative-pg+cloudnative-pg", "v1.30.0", [
        ("config/crd/bases/postgresql.cnpg.io_clusters.yaml", "v1"),
        ("config/crd/bases/postgresql.cnpg.io_poolers.yaml", "v1"),
        ("config/crd/bases/postgresql.cnpg.io_scheduledbackups.yaml", "v1"),
    ]),
    ("plugin-barman-cloud-0.14.0", "cloudnative-pg+plugin-barman-cloud", "v0.14.0", [
        ("config/crd/bases/barmancloud.cnpg.io_objectstores.yaml", "v1"),
    ]),
    ("prometheus-operator-0.93.0", "prometheus-operator+prometheus-operator", "v0.93.0", [
        ("example/prometheus-operator-crd/monitoring.coreos.com_servicemonitors.yaml", "v1"),
        ("example/prometheus-operator-crd/monitoring.coreos.com_podmonitors.yaml", "v1"),
        ("example/prometheus-operator-crd/monitoring.coreos.com_prometheusrules.yaml", "v1"),
    ]),
    ("keda-2.20.2", "kedacore+keda", "v2.20.2", [
        ("config/crd/bases/keda.sh_scaledobjects.yaml", "v1alpha1"),
        ("config/crd/bases/keda.sh_triggerauthentications.yaml", "v1alpha1"),
    ]),
    # The standard channel: what a conformant implementation must accept (HTTPRoute's CORS filter is there from v1.5).
    ("gateway-api-1.6.1", "kubernetes-sigs+gateway-api", "v1.6.1", [
        ("config/crd/standard/gateway.networking.k8s.io_gateways.yaml", "v1"),
        ("config/crd/standard/gateway.networking.k8s.io_httproutes.yaml", "v1"),
    ]),
    ("cert-manager-1.21.1", "cert-manager+cert-manager", "v1.21.1", [
        ("deploy/crds/cert-manager.io_certificates.yaml", "v1"),
    ]),
    # The release built against Gateway API v1.6.1 (its go.mod).
    ("envoy-gateway-1.9.0", "envoyproxy+gateway", "v1.9.0", [
        ("charts/gateway-helm/charts/crds/crds/generated/gateway.envoyproxy.io_backendtrafficpolicies.yaml", "v1alpha1"),
    ]),
]


def show(repo, rev, path):
    return subprocess.run(["git", "-C", os.path.join(MIRROR, repo, "repo"), "show", f"{rev}:{path}"],
                          check=True, capture_output=True, text=True).stdout


def strip(node):
    if isinstance(node, dict):
        return {k: strip(v) for k, v in node.items() if k != "description" or not isinstance(v, str)}
    if isinstance(node, list):
        return [strip(v) for v in node]
    return node


def refs(node, found):
    if isinstance(node, dict):
        for k, v in node.items():
            if k == "$ref" and isinstance(v, str):
                found.add(v.rsplit("/", 1)[1])
            else:
                refs(v, found)
    elif isinstance(node, list):
        for v in node:
            refs(v, found)


def rewrite(node):
    if isinstance(node, dict):
        return {k: (v.replace("#/components/schemas/", "#/definitions/") if k == "$ref" else rewrite(v))
                for k, v in node.items()}
    if isinstance(node, list):
        return [rewrite(v) for v in node]
    return node


def write(name, doc):
    with open(os.path.join(HERE, name + ".json"), "w") as f:
        json.dump(doc, f, indent=None, separators=(",", ":"), sort_keys=True)
        f.write("\n")


def kubernetes():
    repo, rev, release, groups = KUBERNETES
    schemas, kinds = {}, {}
    for group, wanted in groups.items():
        spec = json.loads(show(repo, rev, f"pkg/openapiclient/builtins/{release}/{group}.json"))
        all_schemas = spec["components"]["schemas"]
        for name, schema in all_schemas.items():
            for gvk in schema.get("x-kubernetes-group-version-kind", []):
                api_version = (gvk["group"] + "/" if gvk["group"] else "") + gvk["version"]
                if gvk["kind"] in wanted and api_version == group.removeprefix("apis/").removeprefix("api/"):
                    kinds[f"{api_version} {gvk['kind']}"] = {"$ref": f"#/definitions/{name}"}
                    todo = [name]
                    while todo:
                        n = todo.pop()
                        if n in schemas:
                            continue
                        schemas[n] = rewrite(strip(all_schemas[n]))
                        found = set()
                        refs(schemas[n], found)
                        todo.extend(found - schemas.keys())
    missing = {f"{g.removeprefix('apis/').removeprefix('api/')} {k}" for g, ks in groups.items() for k in ks} - kinds.keys()
    if missing:
        sys.exit(f"not found: {missing}")
    write(f"kubernetes-{release}", {"source": f"github.com/kubernetes-sigs/kubectl-validate@{rev} "
                                              f"pkg/openapiclient/builtins/{release} (the API server's OpenAPI v3)",
                                    "licence": "Apache-2.0", "kinds": kinds, "definitions": schemas})


def operators():
    for name, repo, tag, files in CRDS:
        kinds = {}
        for path, version in files:
            crd = yaml.safe_load(show(repo, tag, path))
            served = [v for v in crd["spec"]["versions"] if v["name"] == version and v.get("served")]
            if not served:
                sys.exit(f"{path}@{tag} serves no {version}")
            kinds[f"{crd['spec']['group']}/{version} {crd['spec']['names']['kind']}"] = strip(
                served[0]["schema"]["openAPIV3Schema"])
        write(name, {"source": f"github.com/{repo.replace('+', '/')}@{tag}", "licence": "Apache-2.0",
                     "kinds": kinds})


kubernetes()
operators()
