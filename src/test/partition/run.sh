#!/usr/bin/env bash
# Partition test: PostgreSQL (Debian's package) in a network namespace of its own, reached over a veth
# pair, the packaged service outside. Under a bounded load of sheet submissions the link is cut by
# dropping every packet in the namespace (nothing is refused, so nothing fails fast) and restored.
# Checks: every acknowledged write is stored, no request took longer than the documented limit (the
# socket timeout, 10 s, plus a margin), the cut was seen (503 problems), and the same service process
# writes again after the restore. Runs as root, in about a minute and a half; removes the namespace,
# the server and the service on any exit. Traffic stays on the veth pair and loopback.
set -euo pipefail
cd "$(dirname "$0")/../../.."

[ "$(id -u)" -eq 0 ] || { echo "partition: needs root (network namespaces)"; exit 2; }

LOAD_SECONDS=40
CUT_AT=8
CUT_FOR=15
# SHUKEI_DB_SOCKET_TIMEOUT's default plus what two busy cores add to an answer.
LIMIT_SECONDS=13
UNITS=6

NS=shukei-part-$$
VETH_HOST=shkp-h$$
VETH_NS=shkp-n$$
HOST_IP=10.213.77.1
DB_IP=10.213.77.2
WORK=$(mktemp -d /tmp/shukei-partition.XXXXXX)
PGDATA=$WORK/pgdata
SERVICE_PID=
PGBIN=

cleanup() {
    set +e
    if [ -n "$SERVICE_PID" ]; then
        kill "$SERVICE_PID" 2>/dev/null
        wait "$SERVICE_PID" 2>/dev/null
    fi
    if [ -n "$PGBIN" ] && [ -f "$PGDATA/postmaster.pid" ]; then
        runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" stop -m immediate -w -t 20 >/dev/null 2>&1
    fi
    ip netns del "$NS" 2>/dev/null
    ip link del "$VETH_HOST" 2>/dev/null
    rm -rf "$WORK"
}
trap cleanup EXIT

if ! ls /usr/lib/postgresql/*/bin/postgres >/dev/null 2>&1; then
    apt-get update -qq
    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq postgresql >/dev/null
fi
PGBIN=$(ls -d /usr/lib/postgresql/*/bin | sort -V | tail -1)
JAR=target/quarkus-app/quarkus-run.jar
[ -f "$JAR" ] || ./mvnw -B -q package -DskipTests

# The namespace and its link; the server's address exists only inside the namespace.
ip netns add "$NS"
ip link add "$VETH_HOST" type veth peer name "$VETH_NS"
ip link set "$VETH_NS" netns "$NS"
ip addr add "$HOST_IP/30" dev "$VETH_HOST"
ip link set "$VETH_HOST" up
ip netns exec "$NS" ip addr add "$DB_IP/30" dev "$VETH_NS"
ip netns exec "$NS" ip link set "$VETH_NS" up
ip netns exec "$NS" ip link set lo up

# A server that accepts only the service's password, listening on the namespace's address.
PASSWORD=$(python3 -c 'import secrets; print(secrets.token_hex(16))')
install -d -o postgres -m 700 "$PGDATA"
install -o postgres -m 600 /dev/null "$WORK/pwfile"
echo "$PASSWORD" > "$WORK/pwfile"
chmod 755 "$WORK"
runuser -u postgres -- "$PGBIN/initdb" -D "$PGDATA" -U postgres --pwfile="$WORK/pwfile" \
    --auth-host=scram-sha-256 --auth-local=scram-sha-256 -E UTF-8 >/dev/null
echo "host all all $HOST_IP/32 scram-sha-256" >> "$PGDATA/pg_hba.conf"
ip netns exec "$NS" runuser -u postgres -- "$PGBIN/pg_ctl" -D "$PGDATA" -l "$PGDATA/server.log" -w -t 30 \
    -o "-c listen_addresses=$DB_IP -c port=5432 -c unix_socket_directories=$PGDATA" start >/dev/null
ip netns exec "$NS" runuser -u postgres -- env PGPASSWORD="$PASSWORD" \
    "$PGBIN/psql" -XAtq -h "$PGDATA" -U postgres -c 'CREATE DATABASE shukei' >/dev/null

PORT=$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')
KEY=partition-test-admin-key
BASE=http://127.0.0.1:$PORT
# The load comes from one key: its quota is raised so that only the partition decides the answers.
QUARKUS_DATASOURCE_JDBC_URL=jdbc:postgresql://$DB_IP:5432/shukei QUARKUS_DATASOURCE_USERNAME=postgres \
    QUARKUS_DATASOURCE_PASSWORD=$PASSWORD SHUKEI_HTTP_PORT=$PORT SHUKEI_BOOTSTRAP_ADMIN_KEY=$KEY \
    SHUKEI_RATE_LIMIT_REQUESTS=1000000000 java -Xmx256m -jar "$JAR" >"$WORK/service.log" 2>&1 &
SERVICE_PID=$!

ready() { curl -s -o /dev/null -w '%{http_code}' --max-time 5 "$BASE/q/health/ready" | grep -q 200; }
for _ in $(seq 1 120); do
    ready && break
    kill -0 "$SERVICE_PID" 2>/dev/null || { echo "partition: FAIL (the service exited)"; tail -20 "$WORK/service.log"; exit 1; }
    sleep 0.5
done
ready || { echo "partition: FAIL (the service never became ready)"; tail -20 "$WORK/service.log"; exit 1; }

api() {
    curl -sS --max-time 10 -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -X "$1" "$BASE$2" \
        ${3:+-d "$3"} | python3 -c 'import json, sys; print(json.load(sys.stdin)["id"])'
}
ORG=$(api POST /api/v1/units '{"code":"org","name":"組織"}')
UNIT_IDS=
for i in $(seq 1 "$UNITS"); do
    UNIT_IDS=$UNIT_IDS${UNIT_IDS:+,}$(api POST /api/v1/units "{\"code\":\"d$i\",\"name\":\"部署$i\",\"parentId\":$ORG}")
done
ROUND=$(api POST /api/v1/rounds "{\"title\":\"partition\",\"scopeUnitId\":$ORG}")

python3 src/test/partition/load.py "$BASE" "$KEY" "$ROUND" "$UNIT_IDS" "$LOAD_SECONDS" "$WORK/load.json" &
LOAD_PID=$!
sleep "$CUT_AT"
CUT=$(date +%s.%N)
ip netns exec "$NS" iptables -I INPUT -j DROP
ip netns exec "$NS" iptables -I OUTPUT -j DROP
sleep "$CUT_FOR"
ip netns exec "$NS" iptables -F
RESTORED=$(date +%s.%N)
wait "$LOAD_PID"

for _ in $(seq 1 60); do ready && break; sleep 0.5; done
python3 - "$WORK/load.json" "$BASE" "$KEY" "$ROUND" "$CUT" "$RESTORED" "$LIMIT_SECONDS" "$SERVICE_PID" <<'EOF'
import json, sys, urllib.request, os
load, base, key, round_id, cut, restored, limit, pid = sys.argv[1:9]
cut, restored, limit = float(cut), float(restored), float(limit)
data = json.load(open(load))
answers, acks = data["answers"], data["acks"]
failures = []

def get(path):
    req = urllib.request.Request(base + path, headers={"Authorization": "Bearer " + key, "Accept": "application/json"})
    with urllib.request.urlopen(req, timeout=10) as r:
        return json.load(r)

stored = {}
for unit in sorted({a["unit"] for a in acks}):
    page, pages = 0, 1
    while page < pages:
        history = get(f"/api/v1/rounds/{round_id}/submissions/{unit}/revisions?size=200&page={page}")
        pages, page = history["totalPages"], page + 1
        for item in history["items"]:
            stored[(unit, item["revision"])] = "".join(a["answer"][0] for a in item["answers"])
missing = [a for a in acks if stored.get((a["unit"], a["revision"])) != a["letters"]]
if missing:
    failures.append(f"{len(missing)} acknowledged writes missing or different, e.g. {missing[0]}")
longest = max(a["took"] for a in answers)
if longest > limit:
    failures.append(f"a request took {longest:.1f} s, more than the {limit:.0f} s limit")
others = sorted({a["status"] for a in answers} - {200, 201, 503})
if others:
    failures.append(f"answers other than 200/201/503: {others}")
during = [a for a in answers if cut <= a["at"] + a["took"] and a["at"] <= restored]
refused = sum(1 for a in during if a["status"] == 503)
if refused == 0:
    failures.append("no 503 while the link was cut: the cut was not seen")
after = sorted(a["at"] + a["took"] for a in answers if a["at"] > restored and a["status"] in (200, 201))
if not after:
    failures.append("no write succeeded after the link was restored")
if not os.path.exists(f"/proc/{pid}"):
    failures.append("the service process is gone")
print(f"partition: {len(answers)} requests, {len(acks)} acknowledged writes, all {len(acks) - len(missing)} stored; "
      f"{refused} answered 503 during the {restored - cut:.0f} s cut; longest request {longest:.1f} s "
      f"(limit {limit:.0f} s); first write after the restore {after[0] - restored:.1f} s later"
      if after else "partition: no write after the restore")
for f in failures:
    print("partition: FAIL " + f)
print("partition: PASS" if not failures else "partition: FAIL")
sys.exit(1 if failures else 0)
EOF
