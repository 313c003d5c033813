#!/usr/bin/env bash
# The command-line contract, tried as a user would: help lists the
# subcommands; `score` prints every unit of a real demo database in CSV and
# JSON; bad arguments give a clear message and a non-zero exit; nothing is
# changed by a failed command.
set -uo pipefail
. "$(dirname "$0")/lib.sh"

help=$("$bin" --help 2>&1)
for sub in score serve demo method analyze whatif gen scheme import export remind audit; do
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
check "score csv has rank 1 in every category and known grades" python3 -c "
import csv
rows = list(csv.DictReader(open('$tmp/score.csv')))
cats = {r['category_id'] for r in rows}
assert len(cats) >= 5, cats
assert all(any(r['rank'] == '1' and r['category_id'] == c for r in rows) for c in cats)
assert all(r['grade'] in ('excellent', 'good', 'qualified', 'unqualified') for r in rows)
assert any(',' in r['name_en'] for r in rows)  # quoted names survive"

"$bin" score --db "$tmp/city.db" --year "$past" --format json >"$tmp/score.json"; rc=$?
check "score json exits 0" test $rc -eq 0
check "score json has units with totals" python3 -c "
import json,sys; d=json.load(open('$tmp/score.json'))
assert d['year']==$past and len(d['units'])==$rows
assert all(0<=u['total']<=110 and u['rank']>=1 and u['grade'] for u in d['units'])"

# A stored scheme out as a file, changed, and compared: scheme + whatif.
"$bin" scheme --db "$tmp/city.db" --year "$past" >"$tmp/scheme.json" 2>"$tmp/e"; rc=$?
check "scheme prints the stored scheme" bash -c "test $rc -eq 0 && python3 -c \"import json; d = json.load(open('$tmp/scheme.json')); assert d['year'] == $past and len(d['units']) >= 44\""
python3 - "$tmp/scheme.json" "$tmp/scheme-changed.json" <<'PY'
import json, sys
d = json.load(open(sys.argv[1]))
for c in d["categories"]:
    c["weights"] = {"indicator": 0.1, "satisfaction": 0.8, "leadership": 0.1}
json.dump(d, open(sys.argv[2], "w"), ensure_ascii=False)
PY
"$bin" whatif --db "$tmp/city.db" --year "$past" --scheme "$tmp/scheme-changed.json" --format json >"$tmp/whatif.json" 2>"$tmp/e"; rc=$?
check "whatif lists units whose rank moves, with reasons naming the weights" bash -c "test $rc -eq 0 && python3 -c \"
import json; d = json.load(open('$tmp/whatif.json'))
assert d['changed'] >= 3 and d['changed'] == len(d['changes'])
c = d['changes'][0]
assert c['rank_before'] != c['rank_after'] or c['grade_before'] != c['grade_after']
assert any('weights' in r for r in c['reasons']), c['reasons']\""
"$bin" whatif --db "$tmp/city.db" --year "$past" --scheme "$tmp/scheme.json" --format json >"$tmp/same.json"; rc=$?
check "whatif with the stored scheme changes nothing" bash -c "test $rc -eq 0 && python3 -c \"import json; assert json.load(open('$tmp/same.json'))['changed'] == 0\""
"$bin" whatif --db "$tmp/city.db" --year 2026 --scheme "$tmp/scheme.json" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "whatif with another year's scheme file exits non-zero naming the year" bash -c "test $rc -ne 0 && grep -q 'year' '$tmp/e'"

# Analyses from the command line: the same JSON as the server's /analysis endpoints.
for kind in health anomalies fairness uncertainty; do
  "$bin" analyze "$kind" --db "$tmp/city.db" --year "$past" --replicates 50 >"$tmp/a-$kind.json" 2>"$tmp/e"; rc=$?
  check "analyze $kind exits 0" test $rc -eq 0
done
check "analyze fairness gives an efficiency in (0, 1] to every unit, 1 in each category" python3 -c "
import json; d = json.load(open('$tmp/a-fairness.json'))
assert d['inputs'] == ['budget', 'staff'], d['inputs']
e = [u['efficiency'] for u in d['units']]
assert len(e) >= 44 and all(0 < x <= 1 + 1e-9 for x in e)
best = {}
for u in d['units']: best[u['category_id']] = max(best.get(u['category_id'], 0), u['efficiency'])
assert all(abs(b - 1) < 1e-6 for b in best.values()), best"
check "analyze uncertainty: every interval holds its point total" python3 -c "
import json; d = json.load(open('$tmp/a-uncertainty.json'))
assert d['replicates'] == 50 and len(d['units']) >= 44
assert all(u['total_lower'] - 1e-9 <= u['total'] <= u['total_upper'] + 1e-9 or u['flagged'] for u in d['units'])"
check "analyze health lists every leaf" python3 -c "
import json; d = json.load(open('$tmp/a-health.json')); assert len(d['indicators']) >= 90"
"$bin" analyze magic --db "$tmp/city.db" --year "$past" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "analyze with an unknown kind exits non-zero naming the kinds" bash -c "test $rc -ne 0 && grep -q 'uncertainty' '$tmp/e'"

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
# Scoring from files: the scheme-file format and a CSV data directory.
mkdir -p "$tmp/files"
python3 - "$tmp/files" <<'PY'
import json, sys
d = sys.argv[1]
G = [{"code": "excellent", "name_zh": "优秀", "min_score": 90, "max_share": 0.5},
     {"code": "good", "min_score": 80}, {"code": "qualified", "min_score": 60},
     {"code": "unqualified", "min_score": 0}]
scheme = {"version": 1, "year": 2025,
          "categories": [{"id": "C1", "name_zh": "区县", "kind": "district",
                          "weights": {"indicator": 0.8, "satisfaction": 0.2, "leadership": 0}, "grades": G}],
          "units": [{"id": u, "name_zh": u, "category_id": "C1", "kind": "district"} for u in ("D1", "D2")],
          "indicators": [{"id": "1", "level": 1, "name_zh": "经济", "points": 100, "method": "completion_ratio",
                          "category_ids": ["C1"]}],
          "targets": [{"indicator_id": "1", "unit_id": u, "value": 100} for u in ("D1", "D2")]}
json.dump(scheme, open(d + "/scheme.json", "w"), ensure_ascii=False)
open(d + "/values.csv", "w").write("indicator_id,unit_id,period,value\n1,D1,2025,95\n1,D2,2025,100\n")
open(d + "/subjects.csv", "w").write("unit_id,satisfaction,leadership\nD1,90,\nD2,70,\n")
open(d + "/adjustments.csv", "w").write('id,unit_id,kind,points,reason_zh\na1,D2,bonus,1,"国家级表彰, 一等"\n')
PY
"$bin" score --scheme "$tmp/files/scheme.json" --data "$tmp/files" --format csv >"$tmp/f.csv" 2>"$tmp/e"; rc=$?
check "score --scheme --data exits 0" test $rc -eq 0
# D1: 0.8×95 + 0.2×90 = 94; D2: 0.8×100 + 0.2×70 + 1 = 95 → rank 1, and the
# excellent quota (50 % of 2 = 1) is taken, so D1 is good.
check "score --scheme computes the composite" python3 -c "
import csv
r = {x['unit_id']: x for x in csv.DictReader(open('$tmp/f.csv'))}
assert r['D2']['total'] == '95.00' and r['D2']['rank'] == '1' and r['D2']['grade'] == 'excellent', r['D2']
assert r['D1']['total'] == '94.00' and r['D1']['rank'] == '2' and r['D1']['grade'] == 'good', r['D1']"
printf 'indicator_id,unit_id,period,value\n1,D1,2025,abc\n' >"$tmp/files/values.csv"
"$bin" score --scheme "$tmp/files/scheme.json" --data "$tmp/files" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "a bad data file names file, line and column" bash -c "test $rc -ne 0 && grep -q 'values.csv line 2 column value' '$tmp/e'"

# govperf init: an empty installation and its first admin.
printf 'short\nshort\n' | "$bin" init --db "$tmp/office.db" --admin admin >"$tmp/o" 2>"$tmp/e"; rc=$?
check "init refuses a weak password (exit 2, names the field) and leaves no file" \
  bash -c "test $rc -eq 2 && grep -q 'password' '$tmp/e' && test ! -e '$tmp/office.db'"
printf 'Office-pass-2026\nOffice-pass-2027\n' | "$bin" init --db "$tmp/office.db" --admin admin >"$tmp/o" 2>"$tmp/e"; rc=$?
check "init refuses two different entries" bash -c "test $rc -eq 2 && grep -q 'differ' '$tmp/e'"
printf 'Office-pass-2026\nOffice-pass-2026\n' | "$bin" init --db "$tmp/office.db" --admin admin >"$tmp/o" 2>"$tmp/e"; rc=$?
check "init creates the installation" test $rc -eq 0 -a -f "$tmp/office.db"
users=$(sqlite3 "$tmp/office.db" "SELECT username || ':' || role FROM users" 2>/dev/null || python3 -c "
import sqlite3; print('\n'.join(u+':'+r for u, r in sqlite3.connect('$tmp/office.db').execute('SELECT username, role FROM users')))")
check "init made exactly one admin ($users)" test "$users" = "admin:admin"
printf 'Office-pass-2026\n' >"$tmp/pw"
"$bin" init --db "$tmp/office.db" --admin other --password-file "$tmp/pw" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "init refuses an initialised database" bash -c "test $rc -eq 2 && grep -q 'initialised' '$tmp/e'"
for cmd in init demo serve; do
  printf 'Office-pass-2026\n' | "$bin" $cmd --db "$tmp/no-such-dir/x.db" \
    $([ $cmd = init ] && echo "--admin admin --password-file $tmp/pw") >"$tmp/o" 2>"$tmp/e"; rc=$?
  check "$cmd on a database that cannot be opened: exit 2 naming --db" \
    bash -c "test $rc -eq 2 && grep -q -- '--db' '$tmp/e'"
done
"$bin" serve --db "$tmp/office.db" --today 2026-02-30 >"$tmp/o" 2>"$tmp/e"; rc=$?
check "serve --today with an impossible date: exit 2 naming --today" \
  bash -c "test $rc -eq 2 && grep -q -- '--today' '$tmp/e'"

# Excel in and out: the demo city's registry, its newest year's scheme and
# values as workbooks, imported into the fresh installation; a dry run
# changes nothing; a bad file names every bad cell and exits 2. (The newest
# year: an older one may name units the registry has since retired.)
latest=$(echo "$years" | awk '{print $NF}')
for what in units scheme values results; do
  "$bin" export --db "$tmp/city.db" --year "$latest" --what "$what" --out "$tmp/$what.xlsx" >"$tmp/o" 2>"$tmp/e"; rc=$?
  check "export $what writes an xlsx workbook" bash -c "test $rc -eq 0 && head -c 2 '$tmp/$what.xlsx' | grep -q PK"
done
"$bin" export --db "$tmp/city.db" --year "$past" --what results --out "$tmp/results.csv" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "export results as CSV lists every unit" bash -c "test $rc -eq 0 && test \$(grep -c ',' '$tmp/results.csv') -ge 45"
"$bin" export --db "$tmp/city.db" --year "$past" --what scheme --out "$tmp/s.pdf" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "export refuses an unknown file type (exit 2)" bash -c "test $rc -eq 2 && grep -q 'xlsx or .csv' '$tmp/e'"
"$bin" export --what scheme --template --out "$tmp/template.xlsx" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "export --template needs no database" test $rc -eq 0 -a -s "$tmp/template.xlsx"
"$bin" import --db "$tmp/office.db" --what units --in "$tmp/units.xlsx" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "import units into a fresh installation" bash -c "test $rc -eq 0 && grep -q 'unit.added' '$tmp/o'"
"$bin" import --db "$tmp/office.db" --year "$latest" --what scheme --in "$tmp/scheme.xlsx" --dry-run >"$tmp/o" 2>"$tmp/e"; rc=$?
check "import scheme --dry-run reports and opens no year" bash -c "test $rc -eq 0 && grep -q 'dry run: would change' '$tmp/o' && test -z \"\$(sqlite3 '$tmp/office.db' 'SELECT year FROM years')\""
"$bin" import --db "$tmp/office.db" --year "$latest" --what scheme --in "$tmp/scheme.xlsx" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "import scheme opens the year as a draft" bash -c "test $rc -eq 0 && test \"\$(sqlite3 '$tmp/office.db' 'SELECT status FROM years')\" = draft"
"$bin" import --db "$tmp/office.db" --year "$latest" --what values --in "$tmp/values.xlsx" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "import values" bash -c "test $rc -eq 0 && grep -q 'value.added' '$tmp/o'"
printf '指标编码,单位编码,数值\nNO.SUCH,D01,1\n1.1.1,D01,abc\n' >"$tmp/bad-values.csv"
"$bin" import --db "$tmp/office.db" --year "$latest" --what values --in "$tmp/bad-values.csv" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "import names every bad cell and exits 2" bash -c "test $rc -eq 2 && grep -q \"sheet 'bad-values.csv' A2\" '$tmp/e' && grep -q \"sheet 'bad-values.csv' [A-C]3\" '$tmp/e' && grep -q 'nothing was changed' '$tmp/e'"
"$bin" import --db "$tmp/office.db" --year "$latest" --what scheme --in "$tmp/bad-values.csv" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "import of a sheet without its headers names the missing column" bash -c "test $rc -eq 2 && grep -q '分值' '$tmp/e'"
# govperf audit verify: the keyed chain, an anchor, and the replay of the log
# against the rows — on a copy (with its key) that is then tampered with.
cp "$tmp/city.db" "$tmp/audit.db"; cp "$tmp/city.db.audit-key" "$tmp/audit.db.audit-key"
"$bin" audit verify --db "$tmp/audit.db" >"$tmp/a1" 2>"$tmp/e"; rc=$?
check "audit verify on the demo city exits 0 with a summary" bash -c "test $rc -eq 0 && grep -q '^audit ok: [0-9]* records intact (keyed from record 1), head ' '$tmp/a1'"
head_id=$(sed -n 's/.*, head \([0-9]*\) \([0-9a-f]\{64\}\),.*/\1/p' "$tmp/a1")
anchor=$(sed -n 's/.*, head \([0-9]*\) \([0-9a-f]\{64\}\),.*/\2/p' "$tmp/a1")
"$bin" audit verify --db "$tmp/audit.db" --anchor "$anchor" >"$tmp/a2" 2>"$tmp/e"; rc=$?
check "audit verify --anchor finds the head" bash -c "test $rc -eq 0 && grep -q 'anchor at record $head_id' '$tmp/a2'"
sqlite3 "$tmp/audit.db" "UPDATE audit_log SET actor = 'someone_else' WHERE id = 5"
"$bin" audit verify --db "$tmp/audit.db" >"$tmp/a3" 2>"$tmp/e"; rc=$?
check "an edited audit record fails and is named" bash -c "test $rc -eq 1 && grep -q 'record 5: content does not match its keyed hash' '$tmp/a3'"
cp "$tmp/city.db" "$tmp/audit.db"
sqlite3 "$tmp/audit.db" "UPDATE users SET role = 'admin' WHERE username = 'unit_d01'"
"$bin" audit verify --db "$tmp/audit.db" >"$tmp/a4" 2>"$tmp/e"; rc=$?
check "a row changed behind the store's back fails and is named" bash -c "test $rc -eq 1 && grep -q 'user:unit_d01 role: audited \"unit\", stored \"admin\"' '$tmp/a4'"
cp "$tmp/city.db" "$tmp/audit.db"
sqlite3 "$tmp/audit.db" "DELETE FROM audit_log WHERE id = $head_id"
"$bin" audit verify --db "$tmp/audit.db" --anchor "$anchor" >"$tmp/a5" 2>"$tmp/e"; rc=$?
check "deleting the newest record loses the anchor" bash -c "test $rc -eq 1 && grep -q 'not found: the chain no longer contains that head' '$tmp/a5'"
rm "$tmp/audit.db.audit-key"
"$bin" audit verify --db "$tmp/audit.db" >"$tmp/a6" 2>"$tmp/e"; rc=$?
check "audit verify without the key file exits 2 and names it" bash -c "test $rc -eq 2 && grep -q 'audit.db.audit-key not found' '$tmp/e' && test ! -e '$tmp/audit.db.audit-key'"

# govperf remind: the day's reminders and yellow/red cards, recorded once (on
# a copy: the checks above compare city.db before and after).
# A database is copied with its audit key (the key lives outside the file).
cp "$tmp/city.db" "$tmp/remind.db"
cp "$tmp/city.db.audit-key" "$tmp/remind.db.audit-key"
cur=$(python3 -c "
import sqlite3; print(sqlite3.connect('$tmp/remind.db').execute(\"SELECT year FROM years WHERE status = 'monitoring'\").fetchone()[0])")
"$bin" remind --db "$tmp/remind.db" --date "$cur-12-11" >"$tmp/r1" 2>"$tmp/e"; rc=$?
check "remind prints JSON lines and a summary ($cur-12-11)" python3 -c "
import json
lines = [json.loads(l) for l in open('$tmp/r1')]
s = lines[-1]['summary']
assert $rc == 0 and s['date'] == '$cur-12-11' and s['lines'] == len(lines) - 1 > 0, s
assert s['escalations_added'] > 0 and s['messages_added'] > 0, s
assert all(l['level'] in ('reminder', 'yellow', 'red') and l['kind'] in ('report', 'task', 'rectification') for l in lines[:-1])
# The demo's overdue rectification item of last year (整改, due 09-30) escalates too.
assert sum(l['kind'] == 'rectification' for l in lines[:-1]) == 1, [l for l in lines[:-1] if l['kind'] == 'rectification']
# The demo's monthly reports of November are due on 12-10: a yellow card each,
# newly recorded; the story's red cards of October were recorded before.
assert any(l['kind'] == 'report' and l['level'] == 'yellow' and l['period'] == '$cur-11' and l['recorded'] for l in lines[:-1])
assert any(l['level'] == 'red' and not l['recorded'] for l in lines[:-1])"
"$bin" remind --db "$tmp/remind.db" --date "$cur-12-11" >"$tmp/r2" 2>"$tmp/e"; rc=$?
check "remind twice the same day adds nothing" python3 -c "
import json
a = [json.loads(l) for l in open('$tmp/r1')]
b = [json.loads(l) for l in open('$tmp/r2')]
s = b[-1]['summary']
assert $rc == 0 and s['escalations_added'] == 0 and s['messages_added'] == 0, s
assert len(a) == len(b) and not any(l['recorded'] for l in b[:-1])"
"$bin" remind --db "$tmp/remind.db" --date "$cur-12-11" --format table >"$tmp/r3" 2>"$tmp/e"; rc=$?
check "remind --format table" bash -c "test $rc -eq 0 && grep -q 'escalations on $cur-12-11; 0 newly recorded' '$tmp/r3'"
"$bin" remind --db "$tmp/remind.db" --date "$cur-02-30" >"$tmp/o" 2>"$tmp/e"; rc=$?
check "remind refuses a date that does not exist" bash -c "test $rc -eq 2 && grep -q -- '--date' '$tmp/e'"

after=$(sha256sum "$tmp/city.db" | cut -d' ' -f1)
check "failed commands changed nothing" test "$before" = "$after"

finish
