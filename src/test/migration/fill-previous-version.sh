#!/usr/bin/env bash
# Produces the fixture of src/test/resources/migration/v852c99f/: the service as it was at commit 852c99f
# (the last version before rounds kept their own picture of the organisation) is run on a scratch data
# folder, filled through its API with two realistic trees (a company with sites, departments and an
# archived unit; an association whose members were recorded as sites) and rounds open and closed with
# several revisions, SECURITY ACTION records and API keys; then every answer it serves about them is
# captured and its database dumped as plain SQL.
#
#   git worktree add /tmp/shukei-852c99f 852c99f && (cd /tmp/shukei-852c99f && ./mvnw -B -q package -DskipTests)
#   bash src/test/migration/fill-previous-version.sh /tmp/shukei-852c99f/target/quarkus-app PG_DUMP_17
#
# PG_DUMP_17 is a pg_dump of PostgreSQL 17 (the embedded server's major version), for example
# "chroot /srv/trixie pg_dump" in a Debian trixie root made with mmdebstrap --include=postgresql-client-17.
# Loopback only; the service is stopped at the end.
set -euo pipefail

APP=${1:?the quarkus-app folder of the previous version}
PG_DUMP=${2:?a pg_dump of PostgreSQL 17}
OUT=$(cd "$(dirname "$0")/../resources/migration" && pwd)/v852c99f
PORT=${SHUKEI_HTTP_PORT:-18101}
DB_PORT=${DB_PORT:-25431}
KEY=migration-fixture-admin-key
WORK=$(mktemp -d /tmp/shukei-migration-XXXXXX)
B=http://127.0.0.1:$PORT/api/v1

SHUKEI_HTTP_PORT=$PORT SHUKEI_HTTP_HOST=127.0.0.1 SHUKEI_BOOTSTRAP_ADMIN_KEY=$KEY \
    SHUKEI_EMBEDDED_DB_DIR=$WORK/data SHUKEI_EMBEDDED_DB_PORT=$DB_PORT \
    java -Xmx512m -jar "$APP/quarkus-run.jar" >"$WORK/service.log" 2>&1 &
SERVICE=$!
trap 'kill $SERVICE 2>/dev/null; wait $SERVICE 2>/dev/null || true' EXIT
for _ in $(seq 1 120); do
    curl -sf "http://127.0.0.1:$PORT/q/health/ready" >/dev/null 2>&1 && break
    sleep 0.5
done

call() { # METHOD PATH [BODY]: prints the body, fails on a status of 400 or more
    curl -sS -f -H "Authorization: Bearer $KEY" -H 'Content-Type: application/json' -X "$1" "$B/$2" ${3:+-d "$3"}
}
id() { jq -r .id; }
unit() { # CODE NAME PARENT HEADCOUNT
    local body
    body=$(jq -nc --arg c "$1" --arg n "$2" --arg p "$3" --arg h "$4" \
        '{code:$c,name:$n} + (if $p == "" then {} else {parentId:($p|tonumber)} end)
                          + (if $h == "" then {} else {headcount:($h|tonumber)} end)')
    call POST units "$body" | id
}
sheet() { # LETTERS [RESPONDENT] [QUESTION COMMENT]
    jq -nc --arg s "$1" --arg r "${2:-部門長}" --arg q "${3:-0}" --arg c "${4:-}" '
        {respondent:$r, answers:[range(0;25) as $i | {question:($i+1),
            answer:({"I":"IMPLEMENTED","P":"PARTIAL","N":"NOT_IMPLEMENTED","U":"UNKNOWN"}[$s[$i:$i+1]])}
            + (if ($i+1) == ($q|tonumber) then {comment:$c} else {} end)]}'
}
submit() { call PUT "rounds/$1/submissions/$2" "$(sheet "${@:3}")" >/dev/null; }
round() { call POST rounds "$1" | id; }

# A company: two sites with departments, a sales office answering for itself, an archived department.
ACME=$(unit acme 株式会社アクメ "" "")
TOKYO=$(unit tokyo 東京本社 "$ACME" "")
OSAKA=$(unit osaka 大阪支店 "$ACME" "")
SALES=$(unit sales 営業部 "$TOKYO" 10)
ADMIN=$(unit admin 総務部 "$TOKYO" 10)
DEV=$(unit dev 開発部 "$TOKYO" 25)
OLD=$(unit old-accounting 旧経理部 "$TOKYO" 4)
OPS=$(unit ops 業務部 "$OSAKA" 80)
NAGOYA=$(unit nagoya 名古屋営業所 "$ACME" 5)
call PATCH "units/$OLD" '{"archived":true}' >/dev/null

# An association whose member companies were recorded as sites, each with its departments.
ASSOC=$(unit tokai-isa 東海情報セキュリティ協会 "" "")
BETA=$(unit beta 株式会社ベータ "$ASSOC" "")
MFG=$(unit mfg 製造部 "$BETA" 40)
QA=$(unit qa 品質保証部 "$BETA" 12)
GAMMA=$(unit gamma 有限会社ガンマ "$ASSOC" "")
HQ=$(unit hq 本社 "$GAMMA" 8)
DELTA=$(unit delta 合同会社デルタ "$ASSOC" "")

# Last year's round of the company: every department, corrections, comments, closed.
R2025=$(round "{\"title\":\"2025年度 情報セキュリティ自社診断\",\"scopeUnitId\":$ACME,\"dueDate\":\"2025-06-30\"}")
submit "$R2025" "$SALES" PPPPPPPPPPPPPPPPPPPPPPPPU 営業部長 25 規程の有無を総務に確認中
submit "$R2025" "$SALES" IPPPPPPPPPPPPPPPPPPPPPPPU 営業部長 25 規程の有無を総務に確認中
submit "$R2025" "$SALES" IIPPPPPPPPPPPPPPPPPPPPPPP 営業部長 25 "規程あり(総務確認済み)"
submit "$R2025" "$ADMIN" IIIIIIIIIIIIIIIIIIIIIIIII 総務部長
submit "$R2025" "$DEV" IIIIIPPPPPPPPPPPNNNNIIIII 開発部長 7 "パスワードの使い回しを調査中"
submit "$R2025" "$OPS" PPPPPPPPPPPPPPPPPPPPPPPPP 業務部長
submit "$R2025" "$NAGOYA" NNNNNPPPPPIIIIIUUUUUIIIII 所長
call POST "rounds/$R2025/close" >/dev/null

# This year's round, copied from last year's, tallied by MEAN, still open with some sheets missing.
R2026=$(round "{\"title\":\"2026年度 情報セキュリティ自社診断\",\"scopeUnitId\":$ACME,\"copyFromRoundId\":$R2025,\"policy\":\"MEAN\"}")
submit "$R2026" "$SALES" IIIIIIIIIIIIIIIIIIIIIIIIU 営業部長 25 まだ確認中
submit "$R2026" "$ADMIN" IIIIIIIIIIIIIIIIIIIIIIIII 総務部長
submit "$R2026" "$ADMIN" IIIIIIIIIIIIIIIIIIIIIIIIP 総務部長 25 "ルールは一部のみ明文化"
submit "$R2026" "$OPS" PPPPPPPPPPPPPPPPPPPPPPPPP 業務部長
submit "$R2026" "$OPS" IPPPPPPPPPPPPPPPPPPPPPPPP 業務部長
submit "$R2026" "$OPS" IIPPPPPPPPPPPPPPPPPPPPPPP 業務部長

# A site's own round with chosen participants (open), and a closed one weighted by headcount.
RTOKYO=$(round "{\"title\":\"東京本社 追加診断\",\"scopeUnitId\":$TOKYO,\"participantIds\":[$SALES,$DEV],\"policy\":\"WEAKEST\"}")
submit "$RTOKYO" "$DEV" IIIIIIIIIIIIIIIIIIIINNNNN 開発部長
ROSAKA=$(round "{\"title\":\"大阪支店 2025年度\",\"scopeUnitId\":$OSAKA,\"policy\":\"HEADCOUNT_MEAN\"}")
submit "$ROSAKA" "$OPS" IIIIIIIIIIPPPPPPPPPPNNNNN 業務部長
call POST "rounds/$ROSAKA/close" >/dev/null

# The association: a closed round, then an open one in which a department without headcount answered.
A2025=$(round "{\"title\":\"2025年度 会員診断\",\"scopeUnitId\":$ASSOC}")
submit "$A2025" "$MFG" PPPPPPPPPPPPPPPPPPPPPPPPP 製造部長
submit "$A2025" "$QA" IIIIIIIIIIIIIIIIIIIIIIIII 品質保証部長
submit "$A2025" "$HQ" NNNNNNNNNNNNNNNNNNNNNNNNN 社長
call POST "rounds/$A2025/close" >/dev/null
A2026=$(round "{\"title\":\"2026年度 会員診断\",\"scopeUnitId\":$ASSOC,\"policy\":\"HEADCOUNT_MEAN\"}")
submit "$A2026" "$MFG" IIIIIIIIIIIIIIIIIIIIPPPPP 製造部長
submit "$A2026" "$QA" IIIIIIIIIIIIIIIIIIIIIIIII 品質保証部長
submit "$A2026" "$DELTA" IPNUIPNUIPNUIPNUIPNUIPNUI 代表社員
submit "$A2026" "$DELTA" IPNIIPNIIPNIIPNIIPNIIPNII 代表社員

# SECURITY ACTION of the company: a commitment, two versions of the basic policy, the first published.
call POST "units/$ACME/security-action/commitments" '{"committedBy":"代表取締役社長 山田太郎"}' >/dev/null
POLICY='{"companyName":"株式会社アクメ","representativeTitle":"代表取締役社長","representativeName":"山田太郎","enactedOn":"2025-04-01"}'
call PUT "units/$ACME/basic-policy" "$POLICY" >/dev/null
call POST "units/$ACME/security-action/publication" '{"url":"https://www.example.co.jp/security-policy","publishedOn":"2025-04-02"}' >/dev/null
call PUT "units/$ACME/basic-policy" "${POLICY/2025-04-01/2026-04-01}" >/dev/null

# Keys scoped to a site and to a department.
call POST api-keys "{\"name\":\"東京本社 管理者\",\"role\":\"ADMIN\",\"unitId\":$TOKYO}" >/dev/null
call POST api-keys "{\"name\":\"営業部長\",\"role\":\"RESPONDENT\",\"unitId\":$SALES}" >/dev/null

# Everything the service answers about it, as it answered.
rm -rf "$OUT" && mkdir -p "$OUT/responses"
n=0
capture() { # PATH [ACCEPT]
    local file status
    n=$((n + 1))
    file=$(printf '%03d' "$n")
    status=$(curl -sS -o "$OUT/responses/$file" -w '%{http_code}' -H "Authorization: Bearer $KEY" \
        -H "Accept: ${2:-application/json}" "$B/$1")
    printf '%s\t%s\t%s\t%s\n' "$file" "$status" "${2:-application/json}" "$1" >>"$OUT/responses/index.tsv"
}
for r in "$R2025" "$R2026" "$RTOKYO" "$ROSAKA" "$A2025" "$A2026"; do
    capture "rounds/$r"
    capture "rounds/$r/report"
    for p in CONSOLIDATED WEAKEST MEAN HEADCOUNT_MEAN; do capture "rounds/$r/report?policy=$p"; done
    capture "rounds/$r/submissions?size=100"
    capture "rounds/$r/submissions" text/csv
done
for node in "$TOKYO" "$OSAKA" "$SALES"; do
    for r in "$R2025" "$R2026"; do capture "rounds/$r/report?unitId=$node"; done
done
for node in "$BETA" "$GAMMA"; do
    for r in "$A2025" "$A2026"; do capture "rounds/$r/report?unitId=$node"; done
done
for pair in "$R2025 $SALES" "$R2025 $ADMIN" "$R2025 $DEV" "$R2025 $OPS" "$R2025 $NAGOYA" "$R2026 $SALES" \
            "$R2026 $ADMIN" "$R2026 $OPS" "$RTOKYO $DEV" "$ROSAKA $OPS" "$A2025 $MFG" "$A2025 $QA" "$A2025 $HQ" \
            "$A2026 $MFG" "$A2026 $QA" "$A2026 $DELTA"; do
    set -- $pair
    capture "rounds/$1/submissions/$2"
    capture "rounds/$1/submissions/$2/revisions"
done
for u in "$ACME" "$TOKYO" "$OSAKA" "$SALES" "$ASSOC" "$BETA"; do capture "units/$u/trend?policy=CONSOLIDATED"; done
for u in "$ACME" "$TOKYO" "$SALES" "$OLD" "$ASSOC" "$BETA" "$DELTA"; do capture "units/$u"; done
capture "units/$ACME/basic-policy"
capture "units/$ACME/basic-policy?version=1"
capture "units/$ACME/security-action/publication"

{
    echo "-- The database of Shukei at commit 852c99f (Flyway V1 to V8), filled through that version's API by"
    echo "-- src/test/migration/fill-previous-version.sh and dumped as plain SQL by $($PG_DUMP --version)"
    echo "-- (--no-owner --no-privileges) from its embedded PostgreSQL; responses/ holds what that version served."
    $PG_DUMP -h 127.0.0.1 -p "$DB_PORT" -U postgres --no-owner --no-privileges postgres
} >"$OUT/dump.sql"
echo "fixture written to $OUT ($n responses)"
