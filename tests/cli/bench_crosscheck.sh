#!/usr/bin/env bash
# Cross-checks the benchmark scheme: govperf's scores of a generated year must
# equal the same computation written independently in SQLite SQL
# (bench/scoring.sql), unit by unit: totals, ranks and grades.
set -euo pipefail
. "$(dirname "$0")/lib.sh"
src="$(cd "$(dirname "$0")/../.." && pwd)"
"$bin" gen --units 350 --indicators 30 --out "$tmp" --seed 11 >/dev/null
"$bin" score --benchmark-scheme --data "$tmp" --format csv >"$tmp/govperf.csv"
(cd "$tmp" && sqlite3 "$tmp/b.db" <"$src/bench/load.sql" && sqlite3 -csv "$tmp/b.db" <"$src/bench/scoring.sql" >"$tmp/sqlite.csv")
"$src/bench/compare.py" "$tmp/govperf.csv" "$tmp/sqlite.csv"
# And a bad file is refused with the line named, nothing printed on stdout.
printf 'unit_id,indicator_id,target,actual\nU001,I01,abc,1\n' >"$tmp/values.csv"
if "$bin" score --benchmark-scheme --data "$tmp" >"$tmp/out" 2>"$tmp/err"; then
  echo "FAIL: a bad values.csv was accepted"; exit 1
fi
grep -q "values.csv line 2: target must be a number" "$tmp/err" || { echo "FAIL: message: $(cat "$tmp/err")"; exit 1; }
test ! -s "$tmp/out" || { echo "FAIL: output printed despite the error"; exit 1; }
echo "ok - bad values.csv refused naming line 2"
