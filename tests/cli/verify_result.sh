#!/usr/bin/env bash
# govperf verify-result on a real demo database: a published year verifies
# (exit 0, one line); after a stored value of it is edited directly in the
# SQLite file, verification fails (exit 1) naming the unit and field, and
# says the data digest changed. An unpublished or unknown year is refused (2).
set -uo pipefail
. "$(dirname "$0")/lib.sh"

"$bin" --help 2>&1 | grep -q "verify-result"; rc=$?
check "--help lists 'verify-result'" test $rc -eq 0

"$bin" demo --db "$tmp/city.db" >"$tmp/demo.out" 2>&1; rc=$?
check "demo creates a database" test $rc -eq 0
past=$(sqlite3 "$tmp/city.db" "SELECT year FROM years WHERE status = 'published' ORDER BY year LIMIT 1")
current=$(sqlite3 "$tmp/city.db" "SELECT year FROM years WHERE status != 'published' ORDER BY year LIMIT 1")
check "the demo has a published year ($past) and one in progress ($current)" test -n "$past" -a -n "$current"
n=$(sqlite3 "$tmp/city.db" "SELECT COUNT(*) FROM publications")
check "every published demo year has a publication record ($n)" \
  test "$n" -eq "$(sqlite3 "$tmp/city.db" "SELECT COUNT(*) FROM years WHERE status = 'published'")"

"$bin" verify-result --db "$tmp/city.db" --year "$past" >"$tmp/ok.out" 2>"$tmp/ok.err"; rc=$?
check "verify-result of an untouched year exits 0" test $rc -eq 0
check "… with a one-line summary" test "$(wc -l <"$tmp/ok.out")" -eq 1
check "… naming the certificate" grep -q "units match the published snapshot; certificate" "$tmp/ok.out"

# Pick a leaf a unit earned points on under completion_ratio and set its
# stored year-end value to 0 behind the store's back.
"$bin" score --db "$tmp/city.db" --year "$past" --format json --trace >"$tmp/score.json"
read -r unit ind < <(python3 - "$tmp/score.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for u in d["units"]:
    for s in u["indicators"]:
        if s["method"] == "completion_ratio" and s["earned"] > 0 and (s["actual"] or 0) > 0:
            print(u["unit_id"], s["indicator_id"]); sys.exit(0)
sys.exit(1)
PY
)
check "found a value to edit ($unit $ind)" test -n "${unit:-}" -a -n "${ind:-}"
sqlite3 "$tmp/city.db" "UPDATE data_values SET value = 0 WHERE year = $past AND unit_id = '$unit' AND indicator_id = '$ind' AND period = '$past'"
"$bin" verify-result --db "$tmp/city.db" --year "$past" >"$tmp/bad.out" 2>"$tmp/bad.err"; rc=$?
check "verify-result after an edit exits 1" test $rc -eq 1
check "… naming the unit and field ($(cat "$tmp/bad.out"))" grep -q "^unit $unit: total .* (snapshot) ≠ .* (re-scored)$" "$tmp/bad.out"
check "… and saying the data digest changed" grep -q "^data digest changed" "$tmp/bad.err"

"$bin" verify-result --db "$tmp/city.db" --year "$current" >"$tmp/np.out" 2>"$tmp/np.err"; rc=$?
check "an unpublished year exits 2" test $rc -eq 2
check "… saying it has no publication record" grep -q "no publication record" "$tmp/np.err"
"$bin" verify-result --db "$tmp/city.db" --year 1999 >/dev/null 2>"$tmp/nf.err"; rc=$?
check "an unknown year exits 2" test $rc -eq 2
"$bin" verify-result --db "$tmp/nosuch.db" --year "$past" >/dev/null 2>"$tmp/nf2.err"; rc=$?
check "a missing database exits 2 and creates nothing" test $rc -eq 2 -a ! -e "$tmp/nosuch.db"

finish
