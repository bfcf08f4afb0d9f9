#!/usr/bin/env bash
# Checks the deployment files without a container engine and without a cluster:
#  - renders deploy/kubernetes/base and the CloudNativePG overlay with `kubectl kustomize`;
#  - validates every rendered object offline against Kubernetes' schemas (npm kubernetes-models) and
#    the CloudNativePG resources against deploy/kubernetes/cloudnative-pg.schema.json, unknown fields
#    refused (deploy/kubernetes/validate.mjs);
#  - checks the rendered objects (probes, resources, security context, HPA, PDB, operator cluster and
#    its backups);
#  - checks deploy/compose/compose.yaml, deploy/container/Dockerfile and .dockerignore.
# Installs kubectl (Debian: kubectl, else kubernetes-client) and PyYAML when missing, and the npm
# packages into a temporary folder; run as root for the first. Exits non-zero with a message naming
# every missing point. deploy/smoke.sh builds and runs the image and the Compose stack for real.
set -euo pipefail
cd "$(dirname "$0")/.."

fail() { echo "deploy/check.sh: $*" >&2; exit 1; }

updated=no
apt_install() {
    [ "$(id -u)" = 0 ] || return 1
    command -v apt-get >/dev/null || return 1
    export DEBIAN_FRONTEND=noninteractive
    if apt-get install -y -q "$@" >/dev/null 2>&1; then return 0; fi
    if [ "$updated" = no ]; then
        apt-get update -q >/dev/null 2>&1 || true
        updated=yes
        apt-get install -y -q "$@" >/dev/null 2>&1 && return 0
    fi
    return 1
}

if ! command -v kubectl >/dev/null; then
    echo "deploy/check.sh: installing kubectl"
    apt_install kubectl || apt_install kubernetes-client \
        || fail "kubectl is missing and could not be installed (apt-get install kubectl / kubernetes-client)"
fi

PY=""
for candidate in python3 /usr/bin/python3; do
    if command -v "$candidate" >/dev/null && "$candidate" -c 'import yaml' 2>/dev/null; then PY=$candidate; break; fi
done
if [ -z "$PY" ]; then
    echo "deploy/check.sh: installing python3-yaml"
    apt_install python3 python3-yaml || fail "python3 with PyYAML is missing and could not be installed"
    /usr/bin/python3 -c 'import yaml' 2>/dev/null || fail "python3 with PyYAML is missing"
    PY=/usr/bin/python3
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
render() {
    if ! kubectl kustomize "$1" >"$out/$2.yaml" 2>"$out/$2.err"; then
        cat "$out/$2.err" >&2
        fail "kubectl kustomize $1 failed"
    fi
    echo "rendered $1 ($(grep -c '^kind:' "$out/$2.yaml") objects)"
}
render deploy/kubernetes/base base
render deploy/kubernetes/overlays/cloudnative-pg overlay

tracked_env=$(git ls-files deploy/compose/.env 2>/dev/null || true)
[ -z "$tracked_env" ] || fail "deploy/compose/.env is committed: it holds secrets, commit only .env.example"

# Kubernetes' own schemas, as kubernetes-models carries them, with the compiler and the JSON Schema
# validator the check uses, pinned.
command -v npm >/dev/null || apt_install nodejs npm || fail "npm is missing and could not be installed"
mkdir "$out/npm"
cp deploy/kubernetes/validate.mjs "$out/npm/"
echo '{"private": true, "type": "module"}' >"$out/npm/package.json"
(cd "$out/npm" && timeout 300 npm install --no-audit --no-fund --silent \
    kubernetes-models@5.1.0 typescript@5.9.3 ajv@8.20.0) || fail "npm install of kubernetes-models failed"
for part in base overlay; do
    "$PY" -c 'import json, sys, yaml; json.dump([d for d in yaml.safe_load_all(sys.stdin) if d], sys.stdout)' \
        <"$out/$part.yaml" >"$out/npm/$part.json"
done
schema=$(pwd)/deploy/kubernetes/cloudnative-pg.schema.json
(cd "$out/npm" && node validate.mjs "$schema" base=base.json overlay=overlay.json) \
    || fail "rendered objects do not match Kubernetes' or CloudNativePG's schemas"

"$PY" deploy/check_deploy.py "$out/base.yaml" "$out/overlay.yaml"
