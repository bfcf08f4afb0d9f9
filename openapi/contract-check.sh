#!/usr/bin/env bash
# Checks the committed contract openapi/openapi.yaml with tools from outside the project, at the versions
# pinned in openapi/package.json and package-lock.json (npm ci) and openapitools.json:
#   1. Spectral (spectral:oas and the OWASP API security ruleset) and Redocly find no error (openapi/lint.sh);
#   2. every example in it validates against the schema beside it (JSON Schema 2020-12, openapi/contract.py);
#   3. a TypeScript client generated from it (openapi-generator, typescript-fetch) compiles with tsc --strict
#      together with openapi/walkthrough.ts;
#   4. the README walkthrough (twice) and that client's walkthrough (one flow per role, the CSV, xlsx and HTML
#      downloads) run against the packaged service through Prism's validating proxy with zero violations, and
#      every JSON body received validates against its schema (docs/check-walkthrough.sh --through-prism).
# Installs node/npm, python3-jsonschema and python3-yaml with apt-get when missing. Traffic stays on 127.0.0.1.
set -euo pipefail
cd "$(dirname "$0")/.."

log() { printf '[contract %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }

missing=()
command -v npm >/dev/null || missing+=(nodejs npm)
command -v curl >/dev/null || missing+=(curl)
/usr/bin/python3 -c 'import jsonschema, yaml' 2>/dev/null || missing+=(python3-jsonschema python3-yaml)
if [ ${#missing[@]} -gt 0 ]; then
    log "installing ${missing[*]}"
    sudo=; [ "$(id -u)" -ne 0 ] && sudo=sudo
    $sudo apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
fi

(cd openapi && npm ci --no-fund --no-audit --loglevel=error)

bash openapi/lint.sh

/usr/bin/python3 openapi/contract.py examples openapi/openapi.yaml

OUT=target/contract
rm -rf "$OUT" && mkdir -p "$OUT"
log "generating the TypeScript client (typescript-fetch)"
(cd openapi && node_modules/.bin/openapi-generator-cli generate -i openapi.yaml -g typescript-fetch \
    -o "../$OUT/ts-client" --additional-properties=supportsES6=true >"../$OUT/generate.log" 2>&1) \
    || { cat "$OUT/generate.log" >&2; exit 1; }
cp openapi/walkthrough.ts "$OUT/"
log "compiling it with tsc --strict"
openapi/node_modules/.bin/tsc --strict --target es2022 --module commonjs --lib es2022,dom --outDir "$OUT/js" \
    "$OUT/walkthrough.ts"

CLIENT_WALKTHROUGH="node $OUT/js/walkthrough.js" bash docs/check-walkthrough.sh --through-prism
