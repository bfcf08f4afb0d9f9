#!/usr/bin/env bash
# Generates a Java client from openapi/openapi.yaml (openapi-generator, library "native") and runs the
# README walkthrough with it against the packaged service on 127.0.0.1 (GeneratedClientIT).
set -euo pipefail
cd "$(dirname "$0")/.."
./mvnw -B verify -Pclient-check -Dtest=NONE -Dsurefire.failIfNoSpecifiedTests=false -Dit.test=GeneratedClientIT
