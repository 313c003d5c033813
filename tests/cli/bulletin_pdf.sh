#!/usr/bin/env bash
# `govperf bulletin`: a quarterly bulletin (季度通报) as a PDF, read back by
# pdftotext. The demo city's year in progress has its ended quarters issued:
# the first quarter's PDF carries its number 〔Y〕第1期, the name of a unit it
# names and a figure of its summary; a quarter not issued is drawn as a draft
# (草稿); bad input exits 2 naming the option.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

"$bin" demo --db "$tmp/city.db" >/dev/null 2>&1 || { echo "FAIL - demo"; exit 1; }
year=$(sqlite3 "$tmp/city.db" "SELECT year FROM years WHERE status <> 'published' ORDER BY year DESC LIMIT 1")
issued=$(sqlite3 "$tmp/city.db" "SELECT COUNT(*) FROM bulletins WHERE year = $year")
check "the demo issued the ended quarters' bulletins ($issued)" test "$issued" -ge 3
sqlite3 "$tmp/city.db" "SELECT content FROM bulletins WHERE year = $year AND quarter = 1" >"$tmp/q1.json"
read -r name due < <(python3 - "$tmp/q1.json" <<'PY'
import json, sys
b = json.load(open(sys.argv[1]))
named = (b["criticised"] or b["praised"] or b["units"])[0]
print(named["name_zh"], b["city"]["reports_due"])
PY
)
check "a unit named in Q1 ($name), reports due $due" test -n "$name"

"$bin" bulletin --db "$tmp/city.db" --year "$year" --quarter 1 --out "$tmp/q1.pdf" >"$tmp/out" 2>&1; rc=$?
check "bulletin exits 0" test $rc -eq 0
check "bulletin writes a PDF" bash -c "head -c 5 '$tmp/q1.pdf' | grep -q '%PDF-'"
pdftotext -enc UTF-8 "$tmp/q1.pdf" "$tmp/q1.txt"
check "the PDF has the number 〔$year〕第1期" grep -qF "〔$year〕第1期" "$tmp/q1.txt"
tr -d ' \n' <"$tmp/q1.txt" >"$tmp/q1.compact"  # pdftotext breaks lines where pango wrapped
check "the PDF has the unit's Chinese name" grep -qF "$name" "$tmp/q1.compact"
check "the PDF has the reports due ($due)" grep -qF "应报${due}份" "$tmp/q1.compact"
check "an issued bulletin is not a draft" bash -c "! grep -qF '草稿' '$tmp/q1.txt'"

"$bin" bulletin --db "$tmp/city.db" --year "$year" --quarter 4 --date "$year-11-20" --out "$tmp/q4.pdf" >"$tmp/out" 2>&1; rc=$?
check "a quarter not issued is drawn (exit 0)" test $rc -eq 0
pdftotext -enc UTF-8 "$tmp/q4.pdf" "$tmp/q4.txt"
check "… as a draft" grep -qF "草稿" "$tmp/q4.txt"

"$bin" bulletin --db "$tmp/city.db" --year "$year" --quarter 5 --out "$tmp/x.pdf" >"$tmp/out" 2>&1; rc=$?
check "quarter 5 exits 2 naming --quarter" bash -c "test $rc -eq 2 && grep -q -- '--quarter' '$tmp/out'"
"$bin" bulletin --db "$tmp/city.db" --year 1999 --quarter 1 --out "$tmp/x.pdf" >"$tmp/out" 2>&1; rc=$?
check "an unknown year exits 2 naming --year" bash -c "test $rc -eq 2 && grep -q -- '--year' '$tmp/out'"
"$bin" bulletin --db "$tmp/city.db" --year "$year" --quarter 1 --out "$tmp/no/such/x.pdf" >"$tmp/out" 2>&1; rc=$?
check "an unwritable path exits 2 naming --out" bash -c "test $rc -eq 2 && grep -q -- '--out' '$tmp/out'"
check "nothing was written for the failures" test ! -e "$tmp/x.pdf"

finish
