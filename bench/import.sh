#!/usr/bin/env bash
# Times the unit tree import and export at 100,000 units against a running service (loopback only):
#   bash bench/import.sh [BASE_URL [KEY]]      (defaults: http://127.0.0.1:8080 and data/shukei-admin-key.txt)
# Creates a new organisation, writes a file of SITES sites with DEPTS departments each (100,000 rows by default:
# 317 sites, 315 departments each, the last site fewer) and sends, one after another and timed with curl: a dry run,
# the import, the same file again (no change), the export, and a second file that renames every tenth department,
# moves every hundredth to the next site and leaves out every thousandth (archived). Needs curl and python3.
set -euo pipefail
BASE=${1:-http://127.0.0.1:8080}
KEY=${2:-$(cat data/shukei-admin-key.txt)}
ROWS=${ROWS:-100000}
SITES=${SITES:-317}
WORK=$(mktemp -d "${TMPDIR:-/tmp}/shukei-import.XXXXXX")
trap 'rm -rf "$WORK"' EXIT

tag=$(date +%s)
org=$(curl -sf -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' \
    -d "{\"code\":\"bench-$tag\",\"name\":\"Bench $tag\",\"kind\":\"GROUP\"}" "$BASE/api/v1/units" \
    | python3 -c 'import json,sys; print(json.load(sys.stdin)["id"])')

python3 - "$WORK" "$ROWS" "$SITES" <<'PY'
import sys
work, rows, sites = sys.argv[1], int(sys.argv[2]), int(sys.argv[3])
per = (rows - sites) // sites + 1
def write(name, change):
    with open(f"{work}/{name}", "w", encoding="utf-8", newline="") as f:
        f.write("\ufeffcode,name,parent_code,kind,headcount\r\n")
        n = 0
        for s in range(sites):
            f.write(f"c{s:03d},会員企業 {s:03d},,COMPANY,\r\n")
            n += 1
            for d in range(per):
                if n >= rows:
                    break
                line = change(s, d)
                if line:
                    f.write(line + "\r\n")
                n += 1
write("first.csv", lambda s, d: f"c{s:03d}-d{d:03d},部署 {s:03d}-{d:03d},c{s:03d},DEPARTMENT,{d % 50 + 1}")
def second(s, d):
    if d % 1000 == 999 or (s * 1000 + d) % 1000 == 0:
        return None
    parent = f"c{(s + 1) % sites:03d}" if d % 100 == 7 else f"c{s:03d}"
    name = f"部署 {s:03d}-{d:03d}" + (" 改" if d % 10 == 3 else "")
    return f"c{s:03d}-d{d:03d},{name},{parent},DEPARTMENT,{d % 50 + 1}"
write("second.csv", second)
PY

put() { # label file dryRun
  curl -sS -o "$WORK/$1.json" -w "$1: HTTP %{http_code}, %{time_total} s\n" -X PUT -H "Authorization: Bearer $KEY" \
      -H 'Content-Type: text/csv' --data-binary "@$WORK/$2" "$BASE/api/v1/units/$org/tree?dryRun=$3"
  python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); print("   ", {k: r[k] for k in ("rows","created","moved","updated","archived","unarchived","unchanged","errorCount")})' "$WORK/$1.json" 2>/dev/null \
      || head -c 300 "$WORK/$1.json"
}
echo "file: $(( $(wc -l <"$WORK/first.csv") - 1 )) rows, $(du -k "$WORK/first.csv" | cut -f1) KiB; organisation $org"
put dry-run first.csv true
put import first.csv false
put again first.csv false
curl -sS -o "$WORK/export.csv" -w "export (csv): HTTP %{http_code}, %{time_total} s, %{size_download} bytes\n" \
    -H "Authorization: Bearer $KEY" "$BASE/api/v1/units/$org/tree.csv"
curl -sS -o "$WORK/export.xlsx" -w "export (xlsx): HTTP %{http_code}, %{time_total} s, %{size_download} bytes\n" \
    -H "Authorization: Bearer $KEY" "$BASE/api/v1/units/$org/tree.xlsx"
put exported export.csv false
put reorganised second.csv false
