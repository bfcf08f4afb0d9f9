#!/usr/bin/env bash
# Coverage-guided fuzzing of every *FuzzTest with Jazzer, one after the other, each bounded in time.
#   bash src/test/fuzz/run.sh            each for the time its @FuzzTest names (20 s: the CI run)
#   bash src/test/fuzz/run.sh 600        each for 600 s (the longer run of docs/testing.md)
#   bash src/test/fuzz/run.sh 600 TallyFuzzTest   one of them
# A finding fails the run and is written next to the seeds (src/test/resources/.../<Test>Inputs/<method>/
# crash-*), where the ordinary test run replays it from then on. New inputs that reach new code go to
# .cifuzz-corpus/ (not committed).
set -euo pipefail
cd "$(dirname "$0")/../../.."

seconds=${1:-}
shift || true
tests=("$@")
if [ "${#tests[@]}" -eq 0 ]; then
    mapfile -t tests < <(find src/test/java -name '*FuzzTest.java' -printf '%f\n' | sed 's/\.java$//' | sort)
fi
bound=()
if [ -n "$seconds" ]; then
    # Appended after the @FuzzTest's own -max_total_time, and libFuzzer keeps the last one given.
    bound=(-Djazzer.internal.arg.0=fuzz "-Djazzer.internal.arg.1=-max_total_time=$seconds")
fi

./mvnw -B -q test-compile
for test in "${tests[@]}"; do
    echo "== fuzzing $test${seconds:+ for ${seconds} s}"
    started=$(date +%s)
    JAZZER_FUZZ=1 ./mvnw -B -q surefire:test@fuzz -Dfuzz.test="$test" "${bound[@]}"
    echo "== $test: no finding ($(( $(date +%s) - started )) s)"
done
