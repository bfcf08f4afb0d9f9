#!/usr/bin/env bash
# Lints openapi/openapi.yaml with Spectral (spectral:oas and the OWASP API security rules, .spectral.yaml) and
# Redocly (redocly.yaml); fails on any error. The tools are those pinned in package.json (npm ci when missing).
set -euo pipefail
cd "$(dirname "$0")"

[ -x node_modules/.bin/spectral ] && [ -x node_modules/.bin/redocly ] \
    || npm ci --no-fund --no-audit --loglevel=error

# NODE_PATH: the OWASP ruleset is resolved as a module next to .spectral.yaml.
NODE_PATH=$PWD/node_modules node_modules/.bin/spectral lint --ruleset .spectral.yaml --fail-severity error openapi.yaml
node_modules/.bin/redocly lint --config redocly.yaml openapi.yaml
