#!/usr/bin/env bash
# Runs the shell blocks of README.md, then of docs/api.md, docs/security.md and docs/security-action.md,
# in one bash as a reader pastes them, against the packaged service on a free loopback port with a fresh
# data folder: twice in a row, the second time on the same database. Each run has `set -e`, so the first
# failing command fails the check, and must leave the walkthrough's STOPPED flag unset. A ```sh block
# right after the line `<!-- walkthrough: skip -->` is not run (building or starting the service, tools
# the check does not install). The blocks name http://localhost:8080 and the webhook receiver's port
# 9999; the check runs them on free ports instead. Afterwards every webhook delivery the receiver printed
# is verified with the Python function in docs/api.md, and no shell block in README.md or docs/ may name
# a round or a unit by a literal id.
#
#   bash docs/check-walkthrough.sh      # builds the jar when target/quarkus-app/quarkus-run.jar is missing
#   bash docs/check-walkthrough.sh --through-prism
#
# --through-prism (used by openapi/contract-check.sh, which installs the tools) sends every request through
# Prism's validating proxy (openapi/node_modules) and a recorder in front of the service: a response or request
# that breaks openapi/openapi.yaml fails the run, and afterwards every JSON body received is validated against
# its schema with a JSON Schema 2020-12 validator (openapi/contract.py). CLIENT_WALKTHROUGH, when set, is a
# command run afterwards through the same proxy with the base URL and the admin key as arguments.
#
# Each run's output, what a reader would see, is kept in target/walkthrough-run{1,2}.log.
# Needs a JDK, curl and python3 (installed with apt-get when missing). All traffic stays on 127.0.0.1;
# the service, the runs and the receivers are bounded in time.
set -euo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD
PRISM=; [ "${1:-}" = --through-prism ] && PRISM=openapi/node_modules/.bin/prism
CHECKED=(README.md docs/api.md docs/security.md docs/security-action.md)

log() { printf '[walkthrough %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

missing=()
command -v curl >/dev/null || missing+=(curl)
command -v python3 >/dev/null || missing+=(python3)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    sudo=; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

JAR=target/quarkus-app/quarkus-run.jar
if [ ! -f "$JAR" ]; then
    log "building the service (./mvnw -B -q package -DskipTests)"
    ./mvnw -B -q package -DskipTests
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/shukei-walkthrough.XXXXXX")
SERVICE=
PROXIES=()
cleanup() {
    for pid in "${PROXIES[@]}"; do kill "$pid" 2>/dev/null || true; done
    if [ -n "$SERVICE" ] && kill -0 "$SERVICE" 2>/dev/null; then
        kill "$SERVICE"
        for _ in $(seq 1 150); do kill -0 "$SERVICE" 2>/dev/null || break; sleep 0.2; done
        kill -9 "$SERVICE" 2>/dev/null || true
    fi
    rm -rf "$WORK"
}
trap cleanup EXIT

free_port() { python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])'; }
PORT=$(free_port)
HOOK_PORT=$(free_port)
# What the blocks call: the service, or Prism in front of the recorder in front of the service.
ENTRY=$PORT
if [ -n "$PRISM" ]; then
    ENTRY=$(free_port)
    RECORDER=$(free_port)
fi

# The blocks, in order, as one script; fails when a block names a literal round or unit id.
python3 - "$WORK/walkthrough.sh" "$ENTRY" "$HOOK_PORT" "${CHECKED[@]}" <<'PY'
import glob, re, sys

out, port, hook_port, checked = sys.argv[1], sys.argv[2], sys.argv[3], sys.argv[4:]
fence = re.compile(r"^```(\S*)[^\n]*\n(.*?)^```[ \t]*$", re.M | re.S)
literal_id = re.compile(r"/(rounds|units)/[0-9]")
script, problems = ["STOPPED="], []
for path in checked + sorted(set(glob.glob("docs/*.md")) - set(checked)):
    text = open(path, encoding="utf-8").read()
    for m in fence.finditer(text):
        line = text.count("\n", 0, m.start()) + 1
        lang, body = m.group(1), m.group(2)
        if lang in ("sh", "bash", "shell", "console") and literal_id.search(body):
            problems.append(f"{path}:{line}: a shell block names a round or unit by a literal id; "
                            "use the walkthrough's variables ($ROUND, $ORG, ...)")
        if path not in checked or lang != "sh":
            continue
        if text[:m.start()].rstrip().endswith("<!-- walkthrough: skip -->"):
            continue
        body = body.replace("http://localhost:8080", f"http://127.0.0.1:{port}")
        body = re.sub(r"\b9999\b", hook_port, body)
        script += [f"echo '--- {path}:{line}'", body]
if problems:
    sys.exit("\n".join(problems))
script.append('[ -z "$STOPPED" ] || { echo "a request failed (STOPPED is set)" >&2; exit 1; }')
script.append('printf "%s\\n" "${SECRET:-}" > webhook-secret')
open(out, "w", encoding="utf-8").write("\n".join(script) + "\n")
PY
log "$(grep -c "^echo '--- " "$WORK/walkthrough.sh") blocks from ${CHECKED[*]}"

log "starting the packaged service on 127.0.0.1:$PORT with a fresh data folder"
mkdir -p "$WORK/run/target"
env -u SHUKEI_BOOTSTRAP_ADMIN_KEY QUARKUS_DATASOURCE_JDBC_URL= SHUKEI_EMBEDDED_DB_ENABLED=true \
    SHUKEI_EMBEDDED_DB_DIR="$WORK/run/data" SHUKEI_HTTP_HOST=127.0.0.1 SHUKEI_HTTP_PORT="$PORT" \
    SHUKEI_WEBHOOKS_ALLOW_PRIVATE_TARGETS=true java -jar "$ROOT/$JAR" >"$WORK/service.log" 2>&1 &
SERVICE=$!
for _ in $(seq 1 600); do
    kill -0 "$SERVICE" 2>/dev/null || { cat "$WORK/service.log" >&2; log "the service exited"; exit 1; }
    [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$PORT/q/health/ready")" = 200 ] && break
    sleep 0.2
done
[ -f "$WORK/run/data/shukei-admin-key.txt" ] || { cat "$WORK/service.log" >&2; log "no admin key file"; exit 1; }

if [ -n "$PRISM" ]; then
    log "Prism's validating proxy on 127.0.0.1:$ENTRY, recording every exchange"
    /usr/bin/python3 openapi/contract.py record "$RECORDER" "127.0.0.1:$PORT" "$WORK/exchanges.jsonl" &
    PROXIES+=($!)
    "$PRISM" proxy openapi/openapi.yaml "http://127.0.0.1:$RECORDER" --errors -h 127.0.0.1 -p "$ENTRY" \
        >"$WORK/prism.log" 2>&1 &
    PROXIES+=($!)
    for _ in $(seq 1 300); do
        [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$ENTRY/api/v1/catalog")" = 401 ] && break
        sleep 0.2
    done
fi

for run in 1 2; do
    log "run $run$([ "$run" = 2 ] && echo ' (same database)')"
    if ! (cd "$WORK/run" && timeout 600 bash -eu ../walkthrough.sh >"$WORK/run$run.log" 2>&1 </dev/null) 2>/dev/null; then
        cat "$WORK/run$run.log" >&2
        tail -n 40 "$WORK/service.log" >&2
        [ -z "$PRISM" ] || grep -E -A3 'VIOLATIONS|UNPROCESSABLE_ENTITY|✖' "$WORK/prism.log" | tail -n 40 >&2
        log "run $run failed"
        exit 1
    fi
    # What the README says the walkthrough's report shows.
    # (Prism writes the JSON it validated again: 47.00 arrives as 47 through it, as 47.0 without it)
    grep -Eq '"score": 47(\.0)?,' "$WORK/run$run.log" && grep -q '"MEAN": 81.67,' "$WORK/run$run.log" \
        || { cat "$WORK/run$run.log" >&2; log "run $run: the report is not the one the README describes"; exit 1; }
    # Every delivery the receiver printed, verified with the documented function and the subscription's secret.
    python3 - "$WORK/run$run.log" "$(cat "$WORK/run/webhook-secret")" <<'PY' || exit 1
import json, re, sys

docs = open("docs/api.md", encoding="utf-8").read()
namespace = {}
exec(next(b for b in re.findall(r"^```python\n(.*?)^```", docs, re.M | re.S) if "def verify" in b), namespace)
log, secret = open(sys.argv[1], encoding="utf-8").read(), sys.argv[2]
deliveries = re.findall(r"^webhook-id: (\S+)\nwebhook-timestamp: (\S+)\nwebhook-signature: (.+)\n(\{.*\})$", log, re.M)
types = [json.loads(body)["type"] for _, _, _, body in deliveries]
assert types and sorted(types) == ["round.closed", "round.reopened", "submission.updated"], types
for msg_id, timestamp, signature, body in deliveries:
    assert namespace["verify"](secret, msg_id, timestamp, body.encode(), signature), f"signature of {msg_id}"
    assert not namespace["verify"](secret, msg_id, timestamp, body.encode() + b" ", signature), "a changed body verifies"
print(f"{len(deliveries)} webhook deliveries verified: {', '.join(types)}")
PY
    mkdir -p target && cp "$WORK/run$run.log" "target/walkthrough-run$run.log"
    log "run $run passed: $(wc -l <"$WORK/run$run.log") lines of output in target/walkthrough-run$run.log"
done
grep -E '^[A-Z_]+=[0-9]+$' "$WORK/run2.log" | tr '\n' ' ' >&2; echo >&2
if [ -n "$PRISM" ]; then
    if [ -n "${CLIENT_WALKTHROUGH:-}" ]; then
        log "client walkthrough: $CLIENT_WALKTHROUGH"
        timeout 300 $CLIENT_WALKTHROUGH "http://127.0.0.1:$ENTRY" "$(cat "$WORK/run/data/shukei-admin-key.txt")" </dev/null \
            || { tail -n 40 "$WORK/prism.log" >&2; log "the client walkthrough failed"; exit 1; }
    fi
    violations=$(grep -c -E 'VIOLATIONS|UNPROCESSABLE_ENTITY|sl-violations' "$WORK/prism.log" || true)
    log "Prism: $(grep -c -E 'Request received' "$WORK/prism.log" || true) requests, $violations with violations"
    [ "$violations" = 0 ] || { grep -E -A3 'VIOLATIONS|UNPROCESSABLE_ENTITY|sl-violations' "$WORK/prism.log" >&2; exit 1; }
    /usr/bin/python3 openapi/contract.py responses openapi/openapi.yaml "$WORK/exchanges.jsonl" >&2
fi
log "the walkthrough and the documentation's examples ran twice without an error"
