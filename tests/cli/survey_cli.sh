#!/usr/bin/env bash
# The survey CLI contract (docs/design/survey.md "CLI contract"), as outside
# load and crash tools use it: survey put / list / codes / count, and one
# submission through `govperf serve` with a code from the CSV.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
src="$(cd "$(dirname "$0")" && pwd)"
db="$tmp/city.db"
"$bin" demo --db "$db" >/dev/null 2>&1
check "demo database" test -f "$db"

# The demo city ran its own surveys (src/demo/surveys.h): two closed, this year's open.
demo_surveys='[{"id":"sat-2024","status":"closed","title_zh":"云岭市2024年度政府绩效社会评价（满意度调查）","year":2024},{"id":"sat-2025","status":"closed","title_zh":"云岭市2025年度政府绩效社会评价（满意度调查）","year":2025},{"id":"sat-2026-demo","status":"open","title_zh":"云岭市2026年度政府绩效社会评价（满意度调查）","year":2026}]'
out=$("$bin" survey list --db "$db"); rc=$?
check "survey list of the demo's surveys ($out)" test $rc -eq 0 -a "$out" = "$demo_surveys"
"$bin" survey list --db "$tmp/none.db" 2>"$tmp/err"; rc=$?
check "survey list of a missing file: exit 2, names --db" test $rc -eq 2 -a -n "$(grep -- '--db' "$tmp/err")"
check "no file was created" test ! -e "$tmp/none.db"

"$bin" survey put --db "$db" --file "$src/survey_fixture.json" 2>/dev/null
check "survey put (draft)" test $? -eq 0
out=$("$bin" survey list --db "$db")
check "list shows the draft among the demo's: $out" test "$out" = '[{"id":"sat-2024","status":"closed","title_zh":"云岭市2024年度政府绩效社会评价（满意度调查）","year":2024},{"id":"sat-2025","status":"closed","title_zh":"云岭市2025年度政府绩效社会评价（满意度调查）","year":2025},{"id":"sat-2026","status":"draft","title_zh":"2026 年度群众满意度调查","year":2026},{"id":"sat-2026-demo","status":"open","title_zh":"云岭市2026年度政府绩效社会评价（满意度调查）","year":2026}]'
"$bin" survey put --db "$db" --file "$src/survey_fixture.json" --status open 2>/dev/null
out=$("$bin" survey list --db "$db")
check "list shows it open" test "$(python3 -c 'import json,sys; print([s["status"] for s in json.loads(sys.argv[1]) if s["id"] == "sat-2026"][0])' "$out")" = open

"$bin" survey codes --db "$db" --survey sat-2026 --count 5 --out "$tmp/codes.csv" 2>/dev/null; rc=$?
check "survey codes --count 5: exit 0" test $rc -eq 0
check "the CSV has the header code and 5 codes" test "$(head -1 "$tmp/codes.csv")" = code -a "$(wc -l <"$tmp/codes.csv")" -eq 6
check "codes are 10 characters of the unambiguous alphabet" \
  test "$(tail -n +2 "$tmp/codes.csv" | grep -cE '^[2-9A-HJ-NP-Z]{10}$')" -eq 5
"$bin" survey codes --db "$db" --survey sat-2026 --count 2 --group firms --cell district=east \
  --out "$tmp/firms.csv" 2>/dev/null
check "--group and --cell: stored with the code" \
  test "$(sqlite3 "$db" "SELECT group_id || ' ' || cells FROM survey_codes WHERE group_id = 'firms' LIMIT 1")" = 'firms {"district":"east"}'
"$bin" survey codes --db "$db" --survey sat-2026 --count 3 --public-url https://pj.example.gov.cn/ \
  --out "$tmp/letters.csv" 2>/dev/null; rc=$?
check "--public-url: exit 0" test $rc -eq 0
check "--public-url: the header is code,link (code first) and 3 rows" \
  test "$(head -1 "$tmp/letters.csv")" = code,link -a "$(wc -l <"$tmp/letters.csv")" -eq 4
check "--public-url: each link is the full URL of its own code" \
  test "$(tail -n +2 "$tmp/letters.csv" | grep -cE '^([2-9A-HJ-NP-Z]{10}),https://pj\.example\.gov\.cn/s/sat-2026\?code=\1$')" -eq 3
before=$(sqlite3 "$db" "SELECT COUNT(*) FROM survey_codes")
"$bin" survey codes --db "$db" --survey sat-2026 --count 1 --public-url 'https://a.cn/x,y' \
  --out "$tmp/x.csv" 2>"$tmp/err"; rc=$?
check "a --public-url with a comma: exit 2 naming --public-url, no code issued" \
  test $rc -eq 2 -a -n "$(grep -- --public-url "$tmp/err")" -a "$(sqlite3 "$db" "SELECT COUNT(*) FROM survey_codes")" = "$before"
"$bin" survey codes --help | grep -q 'relative' 
check "survey codes --help says the link is relative without --public-url" test $? -eq 0
"$bin" survey codes --db "$db" --survey nope --count 1 --out "$tmp/x.csv" 2>"$tmp/err"; rc=$?
check "codes of an unknown survey: exit 2 naming the survey" test $rc -eq 2 -a -n "$(grep nope "$tmp/err")"
"$bin" survey codes --db "$db" --survey sat-2026 --count 0 --out "$tmp/x.csv" 2>/dev/null; rc=$?
check "--count 0: exit 2" test $rc -eq 2
"$bin" survey codes --db "$db" --survey sat-2026 --count 1 --group nobody --out "$tmp/x.csv" 2>"$tmp/err"; rc=$?
check "an unknown --group: exit 2 naming group_id" test $rc -eq 2 -a -n "$(grep group_id "$tmp/err")"

out=$("$bin" survey count --db "$db" --survey sat-2026)
check "count before any response: $out" test "$out" = '{"accepted":0,"flagged":0,"rejected":0}'

port=$(free_port)
"$bin" serve --db "$db" --port "$port" --survey-rate-limit 0 >"$tmp/serve.log" 2>&1 &
pid=$!
wait_for_health "$port"
code=$(sed -n 2p "$tmp/codes.csv")
body="{\"code\":\"$code\",\"idempotency_key\":\"cli-1\",\"answers\":{\"district\":\"west\",\"q1\":4,\"q2\":\"dk\"},\"paradata\":{\"started_at_ms\":1,\"submitted_at_ms\":60000}}"
status=$(curl -s -o "$tmp/r.json" -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/api/v1/s/sat-2026/responses")
check "a submission with a code from the CSV: 201 ($(cat "$tmp/r.json"))" test "$status" = 201
status=$(curl -s -o /dev/null -w '%{http_code}' -H 'Content-Type: application/json' -d "$body" "http://127.0.0.1:$port/api/v1/s/sat-2026/responses")
check "the same again: 200" test "$status" = 200
stop
out=$("$bin" survey count --db "$db" --survey sat-2026)
check "count after it: $out" test "$out" = '{"accepted":1,"flagged":0,"rejected":0}'
"$bin" survey count --db "$db" --survey nope 2>/dev/null; rc=$?
check "count of an unknown survey: exit 2" test $rc -eq 2
"$bin" audit verify --db "$db" >/dev/null; rc=$?
check "audit verify after the submission" test $rc -eq 0
finish
