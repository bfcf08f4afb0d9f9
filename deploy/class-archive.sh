#!/usr/bin/env bash
# Records the archive that lets the packaged service start sooner: the classes it loads, already
# parsed, verified and linked, mapped at start-up instead of read from the jars. A training run starts
# the service on a throw-away embedded PostgreSQL, sends the requests of a short round (units, a round,
# a sheet, its report), stops it cleanly, and the JVM writes the archive as it exits. On JDK 25 and
# newer that is an AOT cache (-XX:AOTCacheOutput, JEP 514), which also keeps the training run's method
# profiles; on older JDKs an application class-data archive (-XX:ArchiveClassesAtExit, JDK 13 and
# newer). The build runs it after packaging (pom.xml), the container image while it is built.
#
#   bash deploy/class-archive.sh [APP_DIR [ARCHIVE]]
#       APP_DIR   the packaged application (default target/quarkus-app)
#       ARCHIVE   the archive to write (default APP_DIR/app.jsa)
#   then: java @ARCHIVE_DIR/jvm.options -jar APP_DIR/quarkus-run.jar
#
# Beside the archive it writes jvm.options, the argument file the service starts with: the options of
# deploy/jvm.options that this JVM knows, and the archive. An archive belongs to the JVM build that wrote
# it and to the application files it was recorded with: it is recorded again by every build, with the
# java that runs the build (JAVA, default: java on the PATH). Another JVM warns that it cannot use it and
# starts without it. JAVA_OPTS are added to the training run's options. No curl needed: requests go over
# bash's /dev/tcp to 127.0.0.1 only. Exits non-zero when no archive was written.
set -euo pipefail

APP=${1:-target/quarkus-app}
[ -f "$APP/quarkus-run.jar" ] || { echo "class-archive: $APP/quarkus-run.jar not found (build with ./mvnw -B package -DskipTests)" >&2; exit 1; }
# The JVM compares the class path of a start with the one recorded, as written: absolute, so that the
# archive serves any working directory.
APP=$(cd "$APP" && pwd)
ARCHIVE=${2:-$APP/app.jsa}
ARCHIVE=$(cd "$(dirname "$ARCHIVE")" && pwd)/$(basename "$ARCHIVE")
JAVA=${JAVA:-java}

WORK=$(mktemp -d "${TMPDIR:-/tmp}/shukei-cds.XXXXXX")
KEY="training-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
PID=
cleanup() {
  if [ -n "$PID" ] && kill -0 "$PID" 2>/dev/null; then kill -9 "$PID" 2>/dev/null || true; fi
  rm -rf "$WORK"
}
trap cleanup EXIT
rm -f "$ARCHIVE"

# The service's options, less those this JVM refuses (an older JDK 17 has no native-heap trim).
OPTIONS=$(dirname "$ARCHIVE")/jvm.options
SOURCE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)/jvm.options
[ -f "$SOURCE" ] || { echo "class-archive: $SOURCE not found" >&2; exit 1; }
OPTS=()
while read -r line; do
    line=${line%%#*}
    for o in $line; do
        if "$JAVA" "$o" -version >/dev/null 2>&1; then OPTS+=("$o"); else echo "class-archive: $JAVA does not take $o, left out" >&2; fi
    done
done <"$SOURCE"
read -r -a EXTRA <<<"${JAVA_OPTS:-}"
if "$JAVA" -XX:+PrintFlagsFinal -version 2>/dev/null | grep -q ' AOTCacheOutput '; then
    # The cache is assembled with the training run's options, and a metaspace cap sized for the
    # service leaves the assembly no room ("Unable to allocate from 'ro' region"); the cap applies
    # again when the service starts with the cache.
    TRAINING=()
    for o in "${OPTS[@]}" ${EXTRA[@]+"${EXTRA[@]}"}; do [[ $o == -XX:MaxMetaspaceSize=* ]] || TRAINING+=("$o"); done
    TRAINING+=("-XX:AOTCacheOutput=$ARCHIVE")
else
    TRAINING=("${OPTS[@]}" ${EXTRA[@]+"${EXTRA[@]}"} "-XX:ArchiveClassesAtExit=$ARCHIVE")
fi
# Without the archive first, so that a failed recording still leaves a file the service starts with.
write_options() {
    { echo "# Written by deploy/class-archive.sh for $("$JAVA" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2}') from deploy/jvm.options"
      printf '%s\n' "${OPTS[@]}" "$@"; } >"$OPTIONS"
}
write_options

env SHUKEI_EMBEDDED_DB_ENABLED=true SHUKEI_EMBEDDED_DB_DIR="$WORK/db" QUARKUS_DATASOURCE_JDBC_URL= \
    SHUKEI_BOOTSTRAP_ADMIN_KEY="$KEY" SHUKEI_HTTP_HOST=127.0.0.1 SHUKEI_HTTP_PORT=0 \
    "$JAVA" "${TRAINING[@]}" -jar "$APP/quarkus-run.jar" >"$WORK/training.log" 2>&1 &
PID=$!

fail() { echo "class-archive: $*" >&2; tail -n 30 "$WORK/training.log" >&2; exit 1; }

# One HTTP/1.0 exchange; prints the status code, then the body on the next line.
http() {
  local method=$1 path=$2 body=${3:-} length response
  length=$(printf '%s' "$body" | wc -c)
  exec 3<>"/dev/tcp/127.0.0.1/$PORT" || return 1
  printf '%s %s HTTP/1.0\r\nHost: localhost\r\nAuthorization: Bearer %s\r\nAccept: application/json\r\nContent-Type: application/json\r\nContent-Length: %s\r\n\r\n%s' \
    "$method" "$path" "$KEY" "$length" "$body" >&3
  response=$(cat <&3)
  exec 3<&-
  printf '%s\n%s\n' "$(echo "$response" | head -n 1 | cut -d' ' -f2)" "${response#*$'\r\n\r\n'}"
}
# Sends a request that must answer with the given status; prints the new resource's id, if any.
expect() {
  local status=$1 out
  shift
  out=$(http "$@") || fail "$1 $2: no answer"
  [ "$(echo "$out" | head -n 1)" = "$status" ] || fail "$1 $2 answered $(echo "$out" | head -n 1), not $status"
  echo "$out" | tail -n +2 | grep -o '"id":[0-9]*' | head -n 1 | cut -d: -f2 || true
}

PORT=
for _ in $(seq 1 1200); do
  kill -0 "$PID" 2>/dev/null || fail "the training run exited"
  PORT=$(grep -oE 'Listening on: http://127\.0\.0\.1:[0-9]+' "$WORK/training.log" | head -n 1 | sed 's/.*://') || true
  [ -n "$PORT" ] && [ "$(http GET /q/health/ready 2>/dev/null | head -n 1)" = 200 ] && break
  sleep 0.1
done
[ -n "$PORT" ] || fail "the training run was not ready in 120 s"

ORG=$(expect 201 POST /api/v1/units '{"code":"training","name":"Training"}')
SITE=$(expect 201 POST /api/v1/units "{\"code\":\"site\",\"name\":\"Site\",\"parentId\":$ORG}")
DEPT=$(expect 201 POST /api/v1/units "{\"code\":\"dept\",\"name\":\"Department\",\"parentId\":$SITE,\"headcount\":10}")
ROUND=$(expect 201 POST /api/v1/rounds "{\"title\":\"Training\",\"scopeUnitId\":$ORG}")
answers=
for q in $(seq 1 25); do answers+="${answers:+,}{\"question\":$q,\"answer\":\"IMPLEMENTED\"}"; done
expect 201 PUT "/api/v1/rounds/$ROUND/submissions/$DEPT" "{\"respondent\":\"training\",\"answers\":[$answers]}" >/dev/null
expect 400 PUT "/api/v1/rounds/$ROUND/submissions/$DEPT" '{"respondent":"training","answers":[]}' >/dev/null
expect 200 GET "/api/v1/rounds/$ROUND" >/dev/null
expect 200 GET "/api/v1/rounds/$ROUND/report" >/dev/null
expect 200 GET /api/v1/catalog >/dev/null
expect 200 GET /q/health/live >/dev/null

kill -TERM "$PID"
wait "$PID" || true
PID=
[ -s "$ARCHIVE" ] || fail "no archive was written to $ARCHIVE"
write_options "-XX:SharedArchiveFile=$ARCHIVE"
echo "class-archive: wrote $ARCHIVE ($(du -h "$ARCHIVE" | cut -f1)) and $OPTIONS; start with java @$OPTIONS -jar $APP/quarkus-run.jar"
