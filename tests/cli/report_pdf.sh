#!/usr/bin/env bash
# `govperf report`: a unit's feedback report (绩效反馈) as a PDF, read back by
# pdftotext (poppler-utils) as its reader would: the unit's Chinese name, its
# total as the report formats it (two decimals) and its grade in Chinese must
# be in the text. `--all` writes one PDF per unit; bad input exits 2 naming
# the option.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

"$bin" demo --db "$tmp/city.db" >/dev/null 2>&1 || { echo "FAIL - demo"; exit 1; }
past=$(sqlite3 "$tmp/city.db" "SELECT year FROM years WHERE status = 'published' ORDER BY year DESC LIMIT 1")
"$bin" score --db "$tmp/city.db" --year "$past" --format json >"$tmp/score.json" || exit 1
"$bin" scheme --db "$tmp/city.db" --year "$past" >"$tmp/scheme.json" || exit 1
# The second unit of the results: its id, Chinese name, total and grade name.
read -r unit name total grade < <(python3 - "$tmp/score.json" "$tmp/scheme.json" <<'PY'
import json, sys
score = json.load(open(sys.argv[1])); scheme = json.load(open(sys.argv[2]))
u = score["units"][1]
names = {x["id"]: x["name_zh"] for x in scheme["units"]}
cat = next(x for x in scheme["units"] if x["id"] == u["unit_id"])["category_id"]
grades = next(c for c in scheme["categories"] if c["id"] == cat)["grades"]
grade = next(g["name_zh"] for g in grades if g["code"] == u["grade"])
print(u["unit_id"], names[u["unit_id"]], "%.2f" % u["total"], grade)
PY
)
check "a unit to report on ($unit $name $total $grade)" test -n "$grade"

"$bin" report --db "$tmp/city.db" --year "$past" --unit "$unit" --out "$tmp/r.pdf" >"$tmp/out" 2>&1; rc=$?
check "report exits 0" test $rc -eq 0
check "report writes a PDF" bash -c "head -c 5 '$tmp/r.pdf' | grep -q '%PDF-'"
pdftotext -enc UTF-8 "$tmp/r.pdf" "$tmp/r.txt"
check "the PDF's text has the unit's Chinese name" grep -qF "$name" "$tmp/r.txt"
check "the PDF's text has the total ($total)" grep -qF "$total" "$tmp/r.txt"
check "the PDF's text has the grade in Chinese ($grade)" grep -qF "$grade" "$tmp/r.txt"
check "the PDF's text has the lost-points section" grep -qF "失分点" "$tmp/r.txt"

"$bin" report --db "$tmp/city.db" --year "$past" --all --out "$tmp/all" >"$tmp/out" 2>&1; rc=$?
units=$(python3 -c "import json; print(len(json.load(open('$tmp/score.json'))['units']))")
check "report --all exits 0" test $rc -eq 0
check "report --all writes one PDF per unit ($units)" test "$(ls "$tmp/all"/*.pdf | wc -l)" -eq "$units"
check "report --all names files by unit id" test -s "$tmp/all/$unit.pdf"

"$bin" report --db "$tmp/city.db" --year "$past" --unit NOPE --out "$tmp/x.pdf" >"$tmp/out" 2>&1; rc=$?
check "an unknown unit exits 2 naming --unit" bash -c "test $rc -eq 2 && grep -q -- '--unit' '$tmp/out'"
"$bin" report --db "$tmp/city.db" --year 1999 --unit "$unit" --out "$tmp/x.pdf" >"$tmp/out" 2>&1; rc=$?
check "an unknown year exits 2 naming --year" bash -c "test $rc -eq 2 && grep -q -- '--year' '$tmp/out'"
"$bin" report --db "$tmp/city.db" --year "$past" --unit "$unit" --out "$tmp/no/such/dir/x.pdf" >"$tmp/out" 2>&1; rc=$?
check "an unwritable path exits 2 naming --out" bash -c "test $rc -eq 2 && grep -q -- '--out' '$tmp/out'"
check "nothing was written for the failures" test ! -e "$tmp/x.pdf"
"$bin" report --db "$tmp/city.db" --year "$past" --out "$tmp/x.pdf" >"$tmp/out" 2>&1; rc=$?
check "neither --unit nor --all exits 2" bash -c "test $rc -eq 2 && grep -q -- '--unit' '$tmp/out'"

finish
