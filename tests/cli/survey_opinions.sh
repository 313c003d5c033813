#!/usr/bin/env bash
# The office's batch export of opinions (意见建议): `govperf survey opinions
# --db FILE --survey ID [--status S] --out FILE.csv`. The opinions are
# written with plain SQL (as routing and the office's work leave them), then
# exported: UTF-8 with a BOM for Excel, CRLF records, quoted fields with
# commas, quotes and line breaks, the unit's name, the answer apart from the
# office's note, a --status filter, a text that would be an Excel formula
# kept as text, and refusals (exit 2) that write nothing.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
src="$(cd "$(dirname "$0")" && pwd)"
db="$tmp/city.db"
"$bin" demo --db "$db" >/dev/null 2>&1
check "demo database" test -f "$db"
"$bin" survey put --db "$db" --file "$src/survey_fixture.json" --status open 2>/dev/null
check "survey put" test $? -eq 0
unit=$(sqlite3 "$db" "SELECT id FROM units WHERE year = 2026 ORDER BY ord LIMIT 1")
name=$(sqlite3 "$db" "SELECT name_zh FROM units WHERE year = 2026 AND id = '$unit'")
check "a unit of 2026 ($unit $name)" test -n "$unit" -a -n "$name"
sqlite3 "$db" "INSERT INTO opinion_topics (year, id, ord, name_zh, keywords, lead_unit_id)
  VALUES (2026, 'business', 0, '营商环境', '[\"审批\"]', '$unit');
INSERT INTO survey_opinions (year, survey_id, response_id, question_id, unit_id, topic_id,
  lead_unit_id, text, state, answer, answered_by, answered_at, note, closed_by, closed_at, created_at)
VALUES
  (2026, 'sat-2026', 1, 'opinion', '$unit', 'business', '$unit', '审批太慢, 希望\"一网通办\"', 'closed',
   '已压缩审批时限', 'unit_a', 1780000000, '电话回访，群众满意', 'office', 1780086400, 1779900000),
  (2026, 'sat-2026', 2, 'opinion', '', '', '', '第一行' || char(10) || '第二行', 'routed',
   '', '', 0, '', '', 0, 1779900001),
  (2026, 'sat-2026', 3, 'opinion', '$unit', '', '', '=HYPERLINK(\"http://x\")', 'dismissed',
   '', '', 0, '与政府工作无关', 'office', 1780000000, 1779900002);"
# The demo city has opinions of its own surveys: count and read this survey's.
check "three opinions inserted" \
  test "$(sqlite3 "$db" "SELECT COUNT(*) FROM survey_opinions WHERE survey_id = 'sat-2026'")" -eq 3
first=$(sqlite3 "$db" "SELECT MIN(id) FROM survey_opinions WHERE survey_id = 'sat-2026'")

"$bin" survey opinions --db "$db" --survey sat-2026 --out "$tmp/all.csv" 2>"$tmp/err"; rc=$?
check "export: exit 0 ($(cat "$tmp/err"))" test $rc -eq 0
check "starts with the UTF-8 BOM" test "$(head -c 3 "$tmp/all.csv" | od -An -tx1 | tr -d ' ')" = efbbbf
header=$(head -1 "$tmp/all.csv" | tail -c +4 | tr -d '\r')
check "header: $header" test "$header" = \
  "id,unit_id,unit_name,topic_id,topic_name,lead_unit_id,state,text,answer,answered_by,answered_at,note,closed_by,closed_at,rectification_id,created_at"
check "records end with CRLF" test "$(head -1 "$tmp/all.csv" | tail -c 2 | od -An -tx1 | tr -d ' ')" = 0d0a
# Read back as CSV (Python's reader, as a spreadsheet would): every field.
python3 - "$tmp/all.csv" "$unit" "$name" "$first" >"$tmp/py.out" 2>&1 <<'PY'
import csv, sys
path, unit, name, first = sys.argv[1:]
rows = list(csv.DictReader(open(path, encoding="utf-8-sig", newline="")))
assert len(rows) == 3, rows
a, b, c = rows
assert a["id"] == first and a["unit_id"] == unit and a["unit_name"] == name, a
assert a["topic_id"] == "business" and a["topic_name"] == "营商环境", a
assert a["state"] == "closed" and a["text"] == '审批太慢, 希望"一网通办"', a
assert a["answer"] == "已压缩审批时限" and a["note"] == "电话回访，群众满意", a
assert a["answered_at"] == "2026-05-28T20:26:40Z" and a["closed_at"] == "2026-05-29T20:26:40Z", a
assert b["unit_id"] == "" and b["unit_name"] == "" and b["text"] == "第一行\n第二行", b
assert b["answer"] == "" and b["note"] == "" and b["closed_at"] == "", b
assert c["state"] == "dismissed" and c["note"] == "与政府工作无关" and c["answer"] == "", c
assert c["text"] == "'=HYPERLINK(\"http://x\")", c  # kept as text, not a formula
print("ok")
PY
check "read back as CSV: every field ($(tail -1 "$tmp/py.out"))" test "$(tail -1 "$tmp/py.out")" = ok

"$bin" survey opinions --db "$db" --survey sat-2026 --status dismissed --out "$tmp/d.csv" 2>/dev/null
check "--status dismissed: the header and one record" test "$(wc -l <"$tmp/d.csv")" -eq 2
check "… the dismissed one" grep -q '与政府工作无关' "$tmp/d.csv"
"$bin" survey opinions --db "$db" --survey sat-2026 --status answered --out "$tmp/none.csv" 2>/dev/null
check "--status answered: the header only" test "$(wc -l <"$tmp/none.csv")" -eq 1

"$bin" survey opinions --db "$db" --survey sat-2026 --status lost --out "$tmp/x.csv" 2>"$tmp/err"; rc=$?
check "a bad --status: exit 2 naming --status, no file" \
  test $rc -eq 2 -a -n "$(grep -- '--status' "$tmp/err")" -a ! -e "$tmp/x.csv"
"$bin" survey opinions --db "$db" --survey nope --out "$tmp/x.csv" 2>"$tmp/err"; rc=$?
check "an unknown survey: exit 2 naming it, no file" \
  test $rc -eq 2 -a -n "$(grep nope "$tmp/err")" -a ! -e "$tmp/x.csv"
"$bin" survey opinions --db "$tmp/none.db" --survey sat-2026 --out "$tmp/x.csv" 2>"$tmp/err"; rc=$?
check "a missing database: exit 2 naming --db, no database created" \
  test $rc -eq 2 -a -n "$(grep -- '--db' "$tmp/err")" -a ! -e "$tmp/none.db"
"$bin" survey opinions --db "$db" --survey sat-2026 2>/dev/null; rc=$?
check "--out is required" test $rc -ne 0
finish
