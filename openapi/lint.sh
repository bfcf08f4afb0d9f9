#!/usr/bin/env bash
# Lints openapi/openapi.yaml with Spectral's OpenAPI ruleset and Redocly; fails on any error.
set -euo pipefail
cd "$(dirname "$0")"

command -v spectral >/dev/null && command -v redocly >/dev/null \
    || npm install -g @stoplight/spectral-cli @redocly/cli

spectral lint --ruleset .spectral.yaml --fail-severity error openapi.yaml
redocly lint --config redocly.yaml openapi.yaml
