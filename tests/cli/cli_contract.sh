#!/usr/bin/env bash
# The command-line contract, tried as a user would: help lists the
# subcommands; `score` prints every unit of a real demo database in CSV and
# JSON; bad arguments give a clear message and a non-zero exit; nothing is
# changed by a failed command.
set -uo pipefail
bin="$1"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
fail=0
check() {  # check <description> <condition...>
  local what="$1"; shift
  if "$@"; then echo "ok   - $what"; else echo "FAIL - $what"; fail=1; fi
}

help=$("$bin" --help 2>&1)
for sub in score serve demo method; do
  check "--help lists '$sub'" grep -q "$sub" <<<"$help"
done

"$bin" nosuchcommand >"$tmp/out" 2>&1; rc=$?
check "unknown subcommand exits non-zero" test $rc -ne 0

"$bin" demo --db "$tmp/city.db" >"$tmp/demo.out" 2>&1; rc=$?
check "demo creates a database" test $rc -eq 0 -a -f "$tmp/city.db"
"$bin" demo --db "$tmp/city.db" --if-absent >"$tmp/demo2.out" 2>&1; rc=$?
check "demo --if-absent leaves an existing database alone" test $rc -eq 0

years=$(sqlite3 "$tmp/city.db" "SELECT year FROM years ORDER BY year" 2>/dev/null | tr '\n' ' ')
past=$(echo "$years" | awk '{print $1}')
check "demo has three years ($years)" test "$(echo $years | wc -w)" -eq 3

"$bin" score --db "$tmp/city.db" --year "$past" --format csv >"$tmp/score.csv" 2>"$tmp/score.err"; rc=$?
check "score csv exits 0" test $rc -eq 0
check "score csv header" grep -q '^unit_id,name_zh,name_en,category_id,indicator_score,satisfaction,leadership,bonus,deduction,total,rank,grade$' "$tmp/score.csv"
rows=$(($(wc -l <"$tmp/score.csv") - 1))
check "score csv lists every unit ($rows rows)" test "$rows" -ge 44
check "score csv has rank 1 in several categories" test "$(awk -F, 'NR>1 && $11==1' "$tmp/score.csv" | wc -l)" -ge 4
check "score csv grades are known" test -z "$(awk -F, 'NR>1 && $12!~/^(excellent|good|qualified|unqualified)$/' "$tmp/score.csv")"

"$bin" score --db "$tmp/city.db" --year "$past" --format json >"$tmp/score.json"; rc=$?
check "score json exits 0" test $rc -eq 0
check "score json has units with totals" python3 -c "
import json,sys; d=json.load(open('$tmp/score.json'))
assert d['year']==$past and len(d['units'])==$rows
assert all(0<=u['total']<=110 and u['rank']>=1 and u['grade'] for u in d['units'])"

before=$(sha256sum "$tmp/city.db" | cut -d' ' -f1)
"$bin" score --db "$tmp/city.db" --year 1999 >"$tmp/o" 2>"$tmp/e"; rc=$?
check "unknown year exits non-zero" test $rc -ne 0
check "unknown year message names --year" grep -q -- "--year: 1999 not found" "$tmp/e"
"$bin" score --db "$tmp/none.db" --year "$past" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "missing db exits non-zero with a message" test $rc -ne 0 -a -s "$tmp/e"
check "missing db is not created" test ! -e "$tmp/none.db"
"$bin" score --db "$tmp/city.db" --year "$past" --format xml >"$tmp/o" 2>"$tmp/e"; rc=$?
check "bad --format exits non-zero naming it" bash -c "test $rc -ne 0 && grep -q -- '--format' '$tmp/e'"
"$bin" score --db "$tmp/city.db" --year abc >"$tmp/o" 2>"$tmp/e"; rc=$?
check "non-numeric --year exits non-zero" test $rc -ne 0
"$bin" score --year "$past" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "missing --db exits non-zero naming it" bash -c "test $rc -ne 0 && grep -q -- '--db' '$tmp/e'"
after=$(sha256sum "$tmp/city.db" | cut -d' ' -f1)
check "failed commands changed nothing" test "$before" = "$after"

exit $fail
