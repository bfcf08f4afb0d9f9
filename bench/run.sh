#!/usr/bin/env bash
# Shukei benchmark: the packaged service against the database's own limit, on one machine, in one run.
#
#   bash bench/run.sh                     # full run: N = 100, 1000, 10000 leaf units, 20 s of load each
#   bash bench/run.sh --sizes 100,1000,10000,100000   # with an organisation of 100,000 departments
#   bash bench/run.sh --quick             # CI: N = 100, 3 s of load
#   bash bench/run.sh --sizes 1000 --duration 10s --concurrency 8
#   bash bench/run.sh --jdbc-url jdbc:postgresql://127.0.0.1:5432/shukei --db-user u --db-password p
#   other options: --threads 2 --repeats 11 --warmup 120s --starts 3 --no-cds --results NAME
#   JVM options of the measured service: those of the README's command (target/quarkus-app/jvm.options,
#   which the build writes from deploy/jvm.options with the class-data archive it records), or
#   SHUKEI_JAVA_OPTS instead of deploy/jvm.options' part; its java: JAVA (default: java on the PATH; with
#   another JVM than the build's, the archive is recorded again for it)
#
# Without --jdbc-url a first service instance runs the embedded PostgreSQL (data in a temporary
# directory) and only holds the database; the instance under test is a second one started against that
# database by URL, as an external database, with the README command's options and archive, as the
# container image also runs it (--no-cds: without the archive; otherwise starts without it are measured
# first). All traffic goes to 127.0.0.1; every load run is bounded in time and stops by itself.
# Installs wrk, psql and pgbench (Debian: postgresql-client and postgresql) with apt-get when they are
# missing. Writes the table to stdout and to bench/results/latest.{md,json} (bench/results/quick.{md,json}
# with --quick, NAME.{md,json} with --results NAME), and every run but --quick appends its line to
# bench/results/history.md (bench/table.py --history, which renders any stored run's JSON the same way).
set -euo pipefail

HERE=$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)
ROOT=$(cd "$HERE/.." && pwd)

SIZES=100,1000,10000
DURATION=20s
CONCURRENCY=16
THREADS=2
WARM_REPEATS=11
WARMUP=120s
CDS=1
STARTS=3
JDBC_URL=
DB_USER=postgres
DB_PASSWORD=postgres
RESULTS=latest
HISTORY=1
# The measured service accepts this key as a global admin for the run (never a real secret).
BENCH_KEY="bench-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
export BENCH_KEY
JAVA=${JAVA:-java}

usage() { sed -n '2,20p' "$0" | sed 's/^# \{0,1\}//'; }
while [ $# -gt 0 ]; do
  case $1 in
    --sizes) SIZES=$2; shift 2 ;;
    --duration) DURATION=$2; shift 2 ;;
    --concurrency) CONCURRENCY=$2; shift 2 ;;
    --threads) THREADS=$2; shift 2 ;;
    --repeats) WARM_REPEATS=$2; shift 2 ;;
    --warmup) WARMUP=$2; shift 2 ;;
    --no-cds) CDS=0; shift ;;
    --starts) STARTS=$2; shift 2 ;;
    --jdbc-url) JDBC_URL=$2; shift 2 ;;
    --db-user) DB_USER=$2; shift 2 ;;
    --db-password) DB_PASSWORD=$2; shift 2 ;;
    --results) RESULTS=$2; shift 2 ;;
    --quick) SIZES=100; DURATION=3s; WARM_REPEATS=5; WARMUP=2s; STARTS=1; RESULTS=quick; HISTORY=0; shift ;;
    -h|--help) usage; exit 0 ;;
    *) echo "unknown option: $1" >&2; usage >&2; exit 2 ;;
  esac
done
# Checked before anything starts, so that a typo fails at once instead of minutes into a run.
whole() { [[ $2 =~ ^[1-9][0-9]*$ ]] || { echo "$1 needs a whole number of at least 1, not '$2'" >&2; exit 2; }; }
[[ $SIZES =~ ^[1-9][0-9]*(,[1-9][0-9]*)*$ ]] || { echo "--sizes needs numbers of units separated by commas, such as 100,1000; not '$SIZES'" >&2; exit 2; }
[[ $DURATION =~ ^[1-9][0-9]*s$ ]] || { echo "--duration needs whole seconds such as 20s, not '$DURATION'" >&2; exit 2; }
[[ $WARMUP =~ ^[0-9]+s$ ]] || { echo "--warmup needs whole seconds such as 15s, not '$WARMUP'" >&2; exit 2; }
whole --starts "$STARTS"
whole --concurrency "$CONCURRENCY"
whole --threads "$THREADS"
whole --repeats "$WARM_REPEATS"
SECONDS_LOAD=${DURATION%s}
[ "$THREADS" -gt "$CONCURRENCY" ] && THREADS=$CONCURRENCY

log() { printf '[bench %s] %s\n' "$(date +%H:%M:%S)" "$*" >&2; }
load_avg() { cut -d' ' -f1-3 /proc/loadavg; }
# The median of the numbers on stdin, one a line.
median() { sort -n | awk '{a[NR]=$1} END {if (NR%2) print a[(NR+1)/2]; else printf "%.3f\n", (a[NR/2]+a[NR/2+1])/2}'; }
# CPU time in clock ticks: of one process, and of a PostgreSQL server (postmaster, live backends, and the
# backends that have exited, which the postmaster's cutime/cstime collect).
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo 0; }
pg_ticks() {
  local pm=$1 t c
  [ -n "$pm" ] || { echo 0; return; }
  t=$(awk '{print $14 + $15 + $16 + $17}' "/proc/$pm/stat")
  for c in $(pgrep -P "$pm"); do t=$((t + $(cpu_ticks "$c"))); done
  echo "$t"
}
# The JIT compilers' share of the service's CPU (threads "C1/C2 CompilerThread…"): compilation that
# falls into a measured load is not the request path's cost. A compiler thread that ends within the
# window takes its ticks with it, so this can only undercount.
jit_ticks() {
  local t=0 task
  for task in /proc/"$1"/task/*; do
    case "$(cat "$task/comm" 2>/dev/null)" in
      C1\ CompilerThre* | C2\ CompilerThre*) t=$((t + $(awk '{print $14 + $15}' "$task/stat" 2>/dev/null || echo 0))) ;;
    esac
  done
  echo "$t"
}
HZ=$(getconf CLK_TCK)
# Runs wrk for the load duration with its output in $1 and the other arguments; prints wrk's own CPU
# seconds (user + system), so that the load generator's share of the two cores is known too.
timed_wrk() {
  local out=$1 t; shift
  # LC_ALL=C: bash's time prints the locale's decimal separator, and awk reads only a point.
  t=$( { LC_ALL=C; TIMEFORMAT='%U %S'; time wrk -t "$THREADS" -c "$CONCURRENCY" -d "$DURATION" --timeout 10s "$@" >"$out" 2>&1; } 2>&1 )
  awk '{print $1 + $2}' <<<"$t"
}

# ---------------------------------------------------------------- tools
install_tools() {
  local missing=()
  command -v wrk >/dev/null || missing+=(wrk)
  # Debian's postgresql-client brings psql and only a wrapper for pgbench; pgbench itself is in the server package.
  command -v psql >/dev/null || missing+=(postgresql-client)
  pgbench --version >/dev/null 2>&1 || missing+=(postgresql)
  command -v curl >/dev/null || missing+=(curl)
  command -v python3 >/dev/null || missing+=(python3)
  [ ${#missing[@]} -eq 0 ] && return
  log "installing ${missing[*]}"
  local sudo=
  [ "$(id -u)" -ne 0 ] && sudo=sudo
  $sudo apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq "${missing[@]}" >/dev/null
}
install_tools

APP=$ROOT/target/quarkus-app
JAR=$APP/quarkus-run.jar
if [ ! -f "$JAR" ] || [ ! -f "$APP/jvm.options" ]; then
  log "building the service (./mvnw -B -q package -DskipTests)"
  (cd "$ROOT" && ./mvnw -B -q package -DskipTests)
fi

WORK=$(mktemp -d "${TMPDIR:-/tmp}/shukei-bench.XXXXXX")
PIDS=()
cleanup() {
  local status=$? pid log
  if [ "$status" -ne 0 ]; then
    # A failed run shows what the services logged last, as their logs go with the work directory.
    for log in "$WORK"/*.log; do
      [ -f "$log" ] && { echo "--- last lines of $(basename "$log")" >&2; tail -n 40 "$log" >&2; }
    done
  fi
  for pid in "${PIDS[@]}"; do
    kill "$pid" 2>/dev/null || true
  done
  for pid in "${PIDS[@]}"; do
    for _ in $(seq 1 100); do kill -0 "$pid" 2>/dev/null || break; sleep 0.2; done
    kill -9 "$pid" 2>/dev/null || true
  done
  rm -rf "$WORK"
}
trap cleanup EXIT

# The README command's options: the build's jvm.options, whose archive serves only the JVM that recorded
# it (named in the file's first line); for another JVM the archive and the file are recorded again.
OPTIONS=$APP/jvm.options
java_home() { "$1" -XshowSettings:properties -version 2>&1 | awk -F' = ' '/java.home/ {print $2}'; }
if ! grep -q -- '-XX:SharedArchiveFile=' "$OPTIONS" || ! head -1 "$OPTIONS" | grep -qF "for $(java_home "$JAVA") from"; then
  log "recording the class-data archive for $JAVA (bash deploy/class-archive.sh)"
  JAVA="$JAVA" bash "$ROOT/deploy/class-archive.sh" "$APP" "$WORK/app.jsa" >"$WORK/cds.out" 2>&1 \
    || { cat "$WORK/cds.out" >&2; exit 1; }
  OPTIONS=$WORK/jvm.options
fi
README_OPTS=$(sed 's/#.*//' "$OPTIONS" | xargs)
ARCHIVE_OPT=$(tr ' ' '\n' <<<"$README_OPTS" | grep -- '^-XX:SharedArchiveFile=')
JAVA_OPTS_BENCH=${SHUKEI_JAVA_OPTS:-$(tr ' ' '\n' <<<"$README_OPTS" | grep -v -- '^-XX:SharedArchiveFile=' | xargs)}

# Starts the jar with the given environment; prints the pid. The HTTP port is free (0) and read from the log.
# The load comes from one key: its quota is raised so that the service's capacity is measured, with the
# rate limiter still in every request's path.
start_service() {
  local name=$1; shift
  env "$@" SHUKEI_BOOTSTRAP_ADMIN_KEY="$BENCH_KEY" SHUKEI_HTTP_HOST=127.0.0.1 SHUKEI_HTTP_PORT=0 \
    SHUKEI_RATE_LIMIT_REQUESTS=1000000000 \
    "$JAVA" $JAVA_OPTS_BENCH -jar "$JAR" >"$WORK/$name.log" 2>&1 &
  echo $!
}

# Waits for "Listening on" and a 200 from /q/health/ready; prints the port.
await_ready() {
  local name=$1 pid=$2 port= i
  for i in $(seq 1 1200); do
    kill -0 "$pid" 2>/dev/null || { cat "$WORK/$name.log" >&2; echo "service $name exited" >&2; return 1; }
    if [ -z "$port" ]; then
      port=$(grep -oE 'Listening on: http://127\.0\.0\.1:[0-9]+' "$WORK/$name.log" 2>/dev/null | head -1 | sed 's/.*://') || true
    fi
    if [ -n "$port" ] && [ "$(curl -s -o /dev/null -w '%{http_code}' "http://127.0.0.1:$port/q/health/ready")" = 200 ]; then
      echo "$port"
      return 0
    fi
    sleep 0.05
  done
  echo "service $name not ready in 60 s" >&2
  return 1
}

# ---------------------------------------------------------------- database
if [ -z "$JDBC_URL" ]; then
  log "starting the embedded PostgreSQL (held by a first service instance)"
  HOLDER=$(start_service holder SHUKEI_EMBEDDED_DB_DIR="$WORK/db" QUARKUS_DATASOURCE_JDBC_URL= \
    SHUKEI_EMBEDDED_DB_ENABLED=true)
  PIDS+=("$HOLDER")
  await_ready holder "$HOLDER" >/dev/null
  PGPORT_EMB=$(sed -n 4p "$WORK/db/postmaster.pid")
  JDBC_URL="jdbc:postgresql://127.0.0.1:$PGPORT_EMB/postgres"
  # The embedded server asks for the password the holder generated and keeps in its data directory.
  DB_PASSWORD=$(cat "$WORK/db/shukei-db-password.txt")
  PG_POSTMASTER=$(sed -n 1p "$WORK/db/postmaster.pid")
  DB_KIND="embedded PostgreSQL (held by a second JVM), reached by URL"
else
  DB_KIND="external PostgreSQL given by --jdbc-url"
  PG_POSTMASTER=
fi
# jdbc:postgresql://host[:port]/db[?…] -> libpq environment for psql and pgbench
hostport=${JDBC_URL#jdbc:postgresql://}; hostport=${hostport%%/*}
export PGHOST=${hostport%%:*}
export PGPORT=5432
[[ $hostport == *:* ]] && PGPORT=${hostport##*:}
dbname=${JDBC_URL#jdbc:postgresql://*/}; export PGDATABASE=${dbname%%\?*}
export PGUSER=$DB_USER PGPASSWORD=$DB_PASSWORD
PG_VERSION=$(psql -XAtq -c 'SHOW server_version')

# ---------------------------------------------------------------- start-up, with and without the class-data archive
# The service under test runs as the README's command and the container image run it: with the
# application class-data archive that the build records (deploy/class-archive.sh, a training run on its
# own embedded PostgreSQL). Before, the start with the same options but without the archive is measured
# --starts times and the one with it --starts - 1 times, each instance stopped again; the start of the
# instance under test is the last of its kind. Start-up varies by several hundred ms from one start to
# the next here, so the table gives the median and every start. --no-cds: starts without it only.
stop_pid() { kill "$1" 2>/dev/null || true; for _ in $(seq 1 150); do kill -0 "$1" 2>/dev/null || return 0; sleep 0.2; done; kill -9 "$1" 2>/dev/null || true; }
DB_ENV=(QUARKUS_DATASOURCE_JDBC_URL="$JDBC_URL" QUARKUS_DATASOURCE_USERNAME="$DB_USER" QUARKUS_DATASOURCE_PASSWORD="$DB_PASSWORD")
# Starts one more instance and waits until it is ready; sets STARTED_PID, STARTED_PORT and LAST_MS.
timed_start() {
  local t0
  t0=$(date +%s%N)
  STARTED_PID=$(start_service "$1" "${DB_ENV[@]}"); PIDS+=("$STARTED_PID")
  STARTED_PORT=$(await_ready "$1" "$STARTED_PID")
  LAST_MS=$(( ($(date +%s%N) - t0) / 1000000 ))
}
mapped() {
  if grep -q -e 'Unable to use shared archive' -e 'Not a valid shared archive' -e 'shared archive file was created by a different' "$WORK/$1.log"; then
    cat "$WORK/$1.log" >&2; echo "$1 did not map the class-data archive" >&2; exit 1
  fi
}
PLAIN=(); ARCHIVED=()
LOAD_PLAIN=$(load_avg)
for i in $(seq 1 $(( CDS == 1 ? STARTS : STARTS - 1 ))); do
  timed_start "plain-$i"; stop_pid "$STARTED_PID"; PLAIN+=("$LAST_MS")
done
if [ "$CDS" = 1 ]; then
  log "start-up without the archive: ${PLAIN[*]} ms (load $LOAD_PLAIN)"
  JAVA_OPTS_BENCH="$JAVA_OPTS_BENCH $ARCHIVE_OPT"
  LOAD_ARCHIVED=$(load_avg)
  for i in $(seq 1 $(( STARTS - 1 ))); do
    timed_start "archived-$i"; stop_pid "$STARTED_PID"; mapped "archived-$i"; ARCHIVED+=("$LAST_MS")
  done
fi

# ---------------------------------------------------------------- service under test
log "starting the service under test against $JDBC_URL"
[ "$CDS" = 1 ] || LOAD_ARCHIVED=$(load_avg)
timed_start service
SERVICE=$STARTED_PID; PORT=$STARTED_PORT
if [ "$CDS" = 1 ]; then
  mapped service; ARCHIVED+=("$LAST_MS"); STARTS_OF_SERVICE=("${ARCHIVED[@]}")
else
  PLAIN+=("$LAST_MS"); STARTS_OF_SERVICE=("${PLAIN[@]}")
fi
STARTUP_MS=$(printf '%s\n' "${STARTS_OF_SERVICE[@]}" | median)
log "ready on port $PORT; start-up ${STARTS_OF_SERVICE[*]} ms, median $STARTUP_MS (load $LOAD_ARCHIVED)"
B=http://127.0.0.1:$PORT/api/v1

post() { curl -sS -f -H "Authorization: Bearer $BENCH_KEY" -H 'Content-Type: application/json' -X POST "$B/$1" -d "$2"; }
json_id() { python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])'; }
# Unmeasured PUT load on the current size's round: seconds, output file.
unmeasured_puts() {
  BENCH_KEY=$SUBMIT_KEY BENCH_ROUND=$ROUND BENCH_LO=$LO BENCH_HI=$HI wrk -t "$THREADS" -c "$CONCURRENCY" -d "${1}s" --timeout 10s \
    -s "$HERE/put.lua" "http://127.0.0.1:$PORT" >"$2" 2>&1
}
# One sheet stored (answers alternating between all I and all P, so that each PUT is a new revision),
# then the report of its round, which the cache cannot answer; prints the report's time_total.
change_and_report() {
  local letter
  letter=$([ $(($1 % 2)) = 0 ] && echo I || echo P)
  curl -sS -f -o /dev/null -X PUT -H "Authorization: Bearer $BENCH_KEY" -H 'Content-Type: application/json' \
    "$B/rounds/$ROUND/submissions/$LO" -d "$(sheet_body "$letter")"
  curl -sS -f -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $BENCH_KEY" -H 'Accept: application/json' "$REPORT"
}
# A whole sheet with the same answer to every question: I (IMPLEMENTED) or P (PARTIAL).
sheet_body() {
  local answer=IMPLEMENTED q items=
  [ "$1" = P ] && answer=PARTIAL
  for q in $(seq 1 25); do items+="${items:+,}{\"question\":$q,\"answer\":\"$answer\"}"; done
  echo "{\"respondent\":\"bench\",\"answers\":[$items]}"
}

# A report body (gzip-compressed when its name ends in .gz) covers all N participants, every one submitted.
check_report() {
  python3 - "$1" "$2" <<'PY'
import gzip, json, sys
r = json.load((gzip.open if sys.argv[1].endswith(".gz") else open)(sys.argv[1]))
assert r["coverage"]["expected"] == int(sys.argv[2]) == r["coverage"]["submitted"], r["coverage"]
PY
}

RUN_TAG=$(date +%s)
: >"$WORK/rows.jsonl"
IFS=, read -r -a SIZE_LIST <<<"$SIZES"
WARMED=
WARMUP_WINDOWS=
for N in "${SIZE_LIST[@]}"; do
  SITES=$(python3 -c "import math; print(max(1, math.isqrt($N - 1) + 1))")
  log "N=$N: loading $SITES sites and $N departments"
  ORG=$(post units "{\"code\":\"bench-$N-$RUN_TAG\",\"name\":\"ベンチマーク $N\"}" | json_id)
  # The organisation comes in as one file through the unit tree import (PUT /units/{id}/tree): the sites,
  # then the departments spread over them, with a headcount each; the import's time is kept. New units get
  # their ids level by level, so the departments' ids follow one another and put.lua picks among them.
  python3 - "$N" "$SITES" >"$WORK/tree.csv" <<'PY'
import sys
n, sites = int(sys.argv[1]), int(sys.argv[2])
print("code,name,parent_code,kind,headcount")
for s in range(1, sites + 1):
    print(f"site-{s:04d},拠点 {s},,SITE,")
for d in range(1, n + 1):
    print(f"dept-{d:06d},部署 {d},site-{1 + (d - 1) % sites:04d},DEPARTMENT,{5 + d % 200}")
PY
  load_import=$(load_avg)
  import_s=$(curl -sS -f -o "$WORK/import.json" -w '%{time_total}' -X PUT -H "Authorization: Bearer $BENCH_KEY" \
    -H 'Content-Type: text/csv' --data-binary "@$WORK/tree.csv" "$B/units/$ORG/tree")
  read -r LO HI COUNT < <(psql -XAtq -F ' ' -c "SELECT min(id), max(id), count(*) FROM unit WHERE path LIKE '/$ORG/%' AND kind = 'DEPARTMENT'")
  [ "$COUNT" = "$N" ] && [ $(( HI - LO + 1 )) = "$N" ] \
    || { echo "the import made $COUNT departments with ids $LO..$HI, not $N in a row" >&2; cat "$WORK/import.json" >&2; exit 1; }
  log "N=$N: imported in ${import_s}s (load $load_import)"
  ROUND=$(post rounds "{\"title\":\"bench $N\",\"scopeUnitId\":$ORG}" | json_id)
  # Sheets are submitted with a stored respondent key for the organisation, as departments submit:
  # every PUT then looks its key up, and pgbench runs the same lookup.
  read -r SUBMIT_KEY SUBMIT_KEY_ID < <(post api-keys "{\"name\":\"bench respondent $N\",\"role\":\"RESPONDENT\",\"unitId\":$ORG}" \
    | python3 -c 'import json,sys; k = json.load(sys.stdin); print(k["secret"], k["id"])')
  psql -XAtq -v rid="$ROUND" -v n="$N" -f "$HERE/sheets.sql" >/dev/null
  psql -XAtq -c "VACUUM ANALYZE unit, round_participant, round_unit, submission, submission_revision" >/dev/null

  # Report: cold = the first request over the freshly loaded round; warm = median of repeats (cached).
  REPORT=$B/rounds/$ROUND/report
  load_report=$(load_avg)
  cold=$(curl -sS -f -o "$WORK/report.json" -D "$WORK/report.h" -w '%{time_total}' -H "Authorization: Bearer $BENCH_KEY" -H 'Accept: application/json' "$REPORT")
  bytes=$(stat -c %s "$WORK/report.json")
  check_report "$WORK/report.json" "$N"
  warm=$(for _ in $(seq 1 "$WARM_REPEATS"); do
    curl -sS -f -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $BENCH_KEY" -H 'Accept: application/json' "$REPORT"; done | median)
  # Compressed: the first request with Accept-Encoding: gzip makes the copy beside the cached body, the
  # repeats are read from it.
  gz_first=$(curl -sS -f -o "$WORK/report.gz" -w '%{time_total}' -H "Authorization: Bearer $BENCH_KEY" -H 'Accept: application/json' \
    -H 'Accept-Encoding: gzip' "$REPORT")
  gz_bytes=$(stat -c %s "$WORK/report.gz")
  check_report "$WORK/report.gz" "$N"
  gz_warm=$(for _ in $(seq 1 "$WARM_REPEATS"); do
    curl -sS -f -o /dev/null -w '%{time_total}\n' -H "Authorization: Bearer $BENCH_KEY" -H 'Accept: application/json' \
      -H 'Accept-Encoding: gzip' "$REPORT"; done | median)
  etag=$(grep -i '^etag:' "$WORK/report.h" | cut -d' ' -f2- | tr -d '\r' || true)
  if [ -n "$etag" ]; then
    nm=$(for _ in $(seq 1 "$WARM_REPEATS"); do
      curl -sS -o /dev/null -w '%{http_code} %{time_total}\n' -H "Authorization: Bearer $BENCH_KEY" -H 'Accept: application/json' -H "If-None-Match: $etag" "$REPORT"; done)
    nm_status=$(echo "$nm" | awk '{print $1}' | sort -u | tr '\n' ' ' | sed 's/ $//')
    nm_time=$(echo "$nm" | awk '{print $2}' | median)
  else
    nm_status=none; nm_time=
  fi
  # After a change: one sheet is stored (answers alternating between all I and all P, so that each PUT
  # is a new revision), then the report is requested; the cache cannot answer, the JIT is warm.
  changed=$(for i in $(seq 1 "$WARM_REPEATS"); do change_and_report "$i"; done | median)

  # The same aggregation as one SQL query, timed by psql's \timing (client-side, includes the round trip).
  PREFIX=$(psql -XAtq -c "SELECT path FROM unit WHERE id = $ORG")%
  load_sql=$(load_avg)
  sql_times=$( { echo '\timing on'; for _ in $(seq 1 "$WARM_REPEATS"); do cat "$HERE/report.sql"; done; } |
    psql -Xq -v rid="$ROUND" -v prefix="$PREFIX" -o /dev/null 2>&1 | awk '/^Time:/ {print $2}')
  rows_times=$( { echo '\timing on'; for _ in $(seq 1 "$WARM_REPEATS"); do cat "$HERE/participants.sql"; done; } |
    psql -Xq -v rid="$ROUND" -v prefix="$PREFIX" -o /dev/null 2>&1 | awk '/^Time:/ {print $2}')
  rows_warm=$(echo "$rows_times" | tail -n +2 | median)
  sql_cold=$(echo "$sql_times" | head -1)
  sql_warm=$(echo "$sql_times" | tail -n +2 | median)

  # Submissions through the service: wrk PUTs whole sheets to random participants. The first size is
  # preceded by an unmeasured warm-up, so that the measured runs see the compiled request path: on two
  # cores shared with PostgreSQL and wrk the JIT needs about 100 s of this load before the JVM's CPU per
  # PUT stops falling. It runs in windows of at most 20 s, and each window's rate and JVM CPU per PUT
  # are kept, so that the table shows how far the warm-up got.
  if [ -z "$WARMED" ] && [ "${WARMUP%s}" != 0 ]; then
    log "N=$N: warm-up, $WARMUP (not measured)"
    left=${WARMUP%s}
    while [ "$left" -gt 0 ]; do
      window=$(( left < 20 ? left : 20 ))
      c0=$(cpu_ticks "$SERVICE")
      unmeasured_puts "$window" "$WORK/warm.out"
      c1=$(cpu_ticks "$SERVICE")
      WARMUP_WINDOWS+="${WARMUP_WINDOWS:+,}$(python3 - "$WORK/warm.out" "$window" "$(( c1 - c0 ))" "$HZ" <<'PY'
import json, re, sys
text = open(sys.argv[1]).read()
m = re.search(r"(\d+) requests in", text)
assert m, text
requests, ticks, hz = int(m.group(1)), int(sys.argv[3]), int(sys.argv[4])
print(json.dumps({"seconds": int(sys.argv[2]), "rate": round(requests / int(sys.argv[2]), 1),
                  "jvm_ms_per_put": round(ticks * 1000 / hz / requests, 3) if requests else None}))
PY
)"
      left=$(( left - window ))
      # The report's code is warmed too, so that its compilation does not fall into a later size's
      # measured load (it did: the second size measured 0.1 ms more JVM CPU per PUT than the others).
      for i in 1 2 3 4 5; do
        change_and_report "$i" >/dev/null
        curl -sS -f -o /dev/null -H "Authorization: Bearer $BENCH_KEY" -H 'Accept-Encoding: gzip' "$REPORT"
      done
    done
    log "N=$N: warm-up windows: $WARMUP_WINDOWS"
    WARMED=1
  elif [ -n "$WARMED" ]; then
    # Later sizes: 10 s of the same load first, not measured. The round and the report just measured
    # at this size set the JIT compiling again (at the second size its threads took about 0.05 ms per
    # PUT of the measured load, at the others under 0.01 ms), and a running service has long done that.
    settle=$(( SECONDS_LOAD < 10 ? SECONDS_LOAD : 10 ))
    j0=$(jit_ticks "$SERVICE")
    unmeasured_puts "$settle" "$WORK/settle.out"
    log "N=$N: ${settle} s of PUTs before the measured load (not measured); JIT compiler CPU meanwhile $(( ($(jit_ticks "$SERVICE") - j0) * 1000 / HZ )) ms"
  fi
  log "N=$N: wrk, $CONCURRENCY connections, $DURATION"
  load_wrk=$(load_avg)
  svc_cpu0=$(cpu_ticks "$SERVICE"); pg_cpu0=$(pg_ticks "$PG_POSTMASTER"); jit0=$(jit_ticks "$SERVICE")
  wrk_cpu=$(BENCH_KEY=$SUBMIT_KEY BENCH_ROUND=$ROUND BENCH_LO=$LO BENCH_HI=$HI timed_wrk "$WORK/wrk.out" -s "$HERE/put.lua" "http://127.0.0.1:$PORT")
  load_wrk_end=$(load_avg)
  svc_cpu1=$(cpu_ticks "$SERVICE"); pg_cpu1=$(pg_ticks "$PG_POSTMASTER"); jit1=$(jit_ticks "$SERVICE")
  wrk_json=$(grep '^WRKJSON' "$WORK/wrk.out" | sed 's/^WRKJSON //')
  [ -n "$wrk_json" ] || { cat "$WORK/wrk.out" >&2; exit 1; }
  revisions_after=$(psql -XAtq -c "SELECT count(*) FROM submission_revision r JOIN submission s ON s.id = r.submission_id WHERE s.round_id = $ROUND")

  # The same database work without the service.
  log "N=$N: pgbench, $CONCURRENCY clients, $SECONDS_LOAD s"
  load_pgb=$(load_avg)
  pgbench -n -M prepared -c "$CONCURRENCY" -j "$THREADS" -T "$SECONDS_LOAD" -f "$HERE/submission.pgbench.sql" \
    -D rid="$ROUND" -D lo="$LO" -D hi="$HI" -D prefix="$(echo "$SUBMIT_KEY" | cut -d_ -f2)" -D kid="$SUBMIT_KEY_ID" \
    >"$WORK/pgbench.out" 2>&1 || { cat "$WORK/pgbench.out" >&2; exit 1; }
  load_pgb_end=$(load_avg)
  sleep 1 # pgbench's backends have exited; let the postmaster reap them so that their CPU time is counted
  pg_cpu2=$(pg_ticks "$PG_POSTMASTER")
  pgb_tps=$(awk '/^tps = / {print $3; exit}' "$WORK/pgbench.out")
  pgb_lat=$(awk '/^latency average/ {print $4; exit}' "$WORK/pgbench.out")
  pgb_failed=$(awk '/failed transactions/ {print $5; exit}' "$WORK/pgbench.out")

  N=$N SITES=$SITES ROUND=$ROUND IMPORT_S=$import_s LOAD_IMPORT=$load_import COLD=$cold WARM=$warm CHANGED=$changed BYTES=$bytes GZ_FIRST=$gz_first GZ_WARM=$gz_warm GZ_BYTES=$gz_bytes ETAG=$etag NM_STATUS=$nm_status NM_TIME=$nm_time \
  LOAD_REPORT=$load_report SQL_COLD=$sql_cold SQL_WARM=$sql_warm ROWS_WARM=$rows_warm LOAD_SQL=$load_sql WRK_JSON=$wrk_json \
  LOAD_WRK=$load_wrk LOAD_WRK_END=$load_wrk_end REVISIONS=$revisions_after PGB_TPS=$pgb_tps PGB_LAT=$pgb_lat \
  PGB_FAILED=${pgb_failed:-0} LOAD_PGB=$load_pgb LOAD_PGB_END=$load_pgb_end \
  SVC_CPU=$(( svc_cpu1 - svc_cpu0 )) JIT_CPU=$(( jit1 - jit0 )) WRK_CPU=$wrk_cpu PG_CPU_WRK=$(( pg_cpu1 - pg_cpu0 )) PG_CPU_PGB=$(( pg_cpu2 - pg_cpu1 )) HZ=$HZ \
  PG_MEASURED=${PG_POSTMASTER:+1} PGB_TX=$(awk '/actually processed/ {print $NF; exit}' "$WORK/pgbench.out") python3 - >>"$WORK/rows.jsonl" <<'PY'
import json, os
e = os.environ
f = lambda k: float(e[k]) if e.get(k) else None
print(json.dumps({
    "units": int(e["N"]), "sites": int(e["SITES"]), "round": int(e["ROUND"]),
    "import": {"seconds": f("IMPORT_S"), "load": e["LOAD_IMPORT"]},
    "report": {"cold_s": f("COLD"), "warm_s": f("WARM"), "after_change_s": f("CHANGED"), "bytes": int(e["BYTES"]), "etag": e["ETAG"],
               "gzip_first_s": f("GZ_FIRST"), "gzip_warm_s": f("GZ_WARM"), "gzip_bytes": int(e["GZ_BYTES"]),
               "if_none_match_status": e["NM_STATUS"], "if_none_match_s": f("NM_TIME"), "load": e["LOAD_REPORT"]},
    "sql": {"cold_ms": f("SQL_COLD"), "warm_ms": f("SQL_WARM"), "report_rows_ms": f("ROWS_WARM"), "load": e["LOAD_SQL"]},
    "wrk": dict(json.loads(e["WRK_JSON"]), load_start=e["LOAD_WRK"], load_end=e["LOAD_WRK_END"],
                revisions_in_round=int(e["REVISIONS"]), service_cpu_s=int(e["SVC_CPU"]) / int(e["HZ"]),
                jit_cpu_s=int(e["JIT_CPU"]) / int(e["HZ"]),
                wrk_cpu_s=float(e["WRK_CPU"]),
                postgres_cpu_s=int(e["PG_CPU_WRK"]) / int(e["HZ"]) if e.get("PG_MEASURED") else None),
    "pgbench": {"tps": f("PGB_TPS"), "latency_avg_ms": f("PGB_LAT"), "failed": e["PGB_FAILED"],
                "load_start": e["LOAD_PGB"], "load_end": e["LOAD_PGB_END"], "transactions": int(e["PGB_TX"]),
                "postgres_cpu_s": int(e["PG_CPU_PGB"]) / int(e["HZ"]) if e.get("PG_MEASURED") else None},
}))
PY
  log "N=$N done: report cold ${cold}s after a change ${changed}s warm ${warm}s, SQL ${sql_warm} ms, pgbench $pgb_tps tps"
done

# Memory after the submission and report runs (before the floor runs, as in every earlier run).
RSS_KB=$(awk '/^VmRSS/ {print $2}' "/proc/$SERVICE/status")
HWM_KB=$(awk '/^VmHWM/ {print $2}' "/proc/$SERVICE/status")

# ---------------------------------------------------------------- floor: the service without database work
# What a request costs the JVM when no SQL runs: the same PUT with 24 answers, refused (400) by the
# validation before any statement, and the liveness probe (the HTTP stack alone). Together with
# PostgreSQL's CPU per pgbench transaction this bounds the submission rate two cores allow.
floor_run() { # name, expected status, then wrk's target arguments; prints one JSON object
  local name=$1 status=$2 c0 c1 cpu load0; shift 2
  # Unmeasured first, so that the JIT has compiled this path before it is timed (most of it is the PUT's,
  # already compiled during the submission runs).
  [ "$FLOOR_WARMUP" != 0 ] && wrk -t "$THREADS" -c "$CONCURRENCY" -d "${FLOOR_WARMUP}s" "$@" >/dev/null 2>&1
  load0=$(load_avg); c0=$(cpu_ticks "$SERVICE")
  cpu=$(timed_wrk "$WORK/$name.out" "$@")
  c1=$(cpu_ticks "$SERVICE")
  python3 - "$WORK/$name.out" "$status" "$(( c1 - c0 ))" "$HZ" "$cpu" "$load0" "$(load_avg)" <<'PY'
import json, re, sys
text, status = open(sys.argv[1]).read(), int(sys.argv[2])
m = re.search(r"(\d+) requests in ([\d.]+)(us|ms|s|m|h),", text)
assert m, text
requests = int(m.group(1))
seconds = float(m.group(2)) * {"us": 1e-6, "ms": 1e-3, "s": 1, "m": 60, "h": 3600}[m.group(3)]
non2xx = int(n.group(1)) if (n := re.search(r"Non-2xx or 3xx responses: (\d+)", text)) else 0
# Every response must be the one the run claims to measure: no socket error or timeout, and every
# status the expected one (the PUT script counts the others; the liveness probe answers 2xx or not).
assert requests > 0 and "Socket errors" not in text, text
if status == 200:
    assert non2xx == 0, text
else:
    wrk = json.loads(re.search(r"^WRKJSON (.*)$", text, re.M).group(1))
    assert non2xx == requests and wrk["unexpected"] == 0, text
print(json.dumps({"requests": requests, "seconds": round(seconds, 2), "status": status,
                  "service_cpu_s": int(sys.argv[3]) / int(sys.argv[4]), "wrk_cpu_s": float(sys.argv[5]),
                  "load_start": sys.argv[6], "load_end": sys.argv[7]}))
PY
}
FLOOR_WARMUP=$(( ${WARMUP%s} < 15 ? ${WARMUP%s} : 15 ))
log "floor: a refused PUT and the liveness probe, $CONCURRENCY connections, $DURATION each (after ${FLOOR_WARMUP}s unmeasured)"
FLOOR_REFUSED=$(BENCH_ROUND=$ROUND BENCH_LO=$LO BENCH_HI=$HI BENCH_QUESTIONS=24 BENCH_EXPECT=400 \
  floor_run refused 400 -s "$HERE/put.lua" "http://127.0.0.1:$PORT")
FLOOR_LIVE=$(floor_run live 200 "http://127.0.0.1:$PORT/q/health/live")

LOAD_END=$(load_avg)

mkdir -p "$HERE/results"
python3 "$HERE/table.py" "$WORK/rows.jsonl" "$HERE/results/$RESULTS" <<EOF
{"date": "$(date -u +%Y-%m-%dT%H:%M:%SZ)", "commit": "$(cd "$ROOT" && git rev-parse --short HEAD 2>/dev/null || echo unknown)$(cd "$ROOT" && git diff --quiet HEAD -- src pom.xml 2>/dev/null || echo +local-changes)",
 "cpus": $(nproc), "mem_gib": $(awk '/MemTotal/ {printf "%.0f", $2/1048576}' /proc/meminfo),
 "java": "$("$JAVA" -version 2>&1 | head -1 | tr -d '"')", "java_opts": "$JAVA_OPTS_BENCH", "postgres": "$PG_VERSION",
 "database": "$DB_KIND", "concurrency": $CONCURRENCY, "threads": $THREADS, "duration": "$DURATION", "warmup": "$WARMUP", "warmup_windows": [$WARMUP_WINDOWS], "repeats": $WARM_REPEATS,
 "startup_ms": $STARTUP_MS, "startup_all_ms": [$(IFS=,; echo "${STARTS_OF_SERVICE[*]}")], "startup_load": "$LOAD_ARCHIVED", "startup_archive": $([ "$CDS" = 1 ] && echo true || echo false), "startup_plain_ms": $([ "$CDS" = 1 ] && printf '%s\n' "${PLAIN[@]}" | median || echo null), "startup_plain_all_ms": [$([ "$CDS" = 1 ] && (IFS=,; echo "${PLAIN[*]}"))], "startup_plain_load": "$LOAD_PLAIN", "rss_kb": $RSS_KB, "rss_peak_kb": $HWM_KB, "load_end": "$LOAD_END",
 "floor": {"refused_put": $FLOOR_REFUSED, "liveness": $FLOOR_LIVE}}
EOF
# --quick is a smoke test (a few seconds of load, what CI runs): it leaves the history alone.
if [ "$HISTORY" = 1 ]; then
  python3 "$HERE/table.py" --history "$HERE/results/history.md" "$HERE/results/$RESULTS.json"
  log "appended to bench/results/history.md: $(tail -n 1 "$HERE/results/history.md")"
fi
