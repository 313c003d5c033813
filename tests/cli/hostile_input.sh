#!/usr/bin/env bash
# Hostile input, fed to the real binary: every case must exit with exactly 2
# (invalid input) — never 1, never an abort or a signal (≥ 128) — with one
# message on stderr that names the option, field or row at fault.
# Usage: hostile_input.sh path/to/govperf
set -uo pipefail
. "$(dirname "$0")/lib.sh"

# expect2 <description> <fixed text the message must contain> <command...>
# Runs the command (stdin from $stdin when set), checks exit code 2 and stderr.
expect2() {
  local what="$1" want="$2"; shift 2
  local rc
  if [ -n "${stdin:-}" ]; then "$@" <"$stdin" >"$tmp/out" 2>"$tmp/err"; rc=$?
  else "$@" </dev/null >"$tmp/out" 2>"$tmp/err"; rc=$?; fi
  if [ "$rc" -eq 2 ] && grep -qF -- "$want" "$tmp/err"; then
    echo "ok   - $what"
  else
    echo "FAIL - $what: exit $rc (want 2), stderr: $(head -c 400 "$tmp/err")"
    echo "       expected the message to contain: $want"
    fail=1
  fi
}

# A valid year as files: the scheme of tests/cli/cli_contract.sh, reduced.
mkdir -p "$tmp/ok"
python3 - "$tmp/ok" <<'PY'
import json, sys
d = sys.argv[1]
G = [{"code": "excellent", "min_score": 90}, {"code": "good", "min_score": 80},
     {"code": "qualified", "min_score": 60}, {"code": "unqualified", "min_score": 0}]
scheme = {"version": 1, "year": 2025,
          "categories": [{"id": "C1", "kind": "district", "grades": G}],
          "units": [{"id": u, "category_id": "C1", "kind": "district"} for u in ("D1", "D2")],
          "indicators": [{"id": "1", "level": 1, "points": 100, "method": "completion_ratio",
                          "category_ids": ["C1"]}],
          "targets": [{"indicator_id": "1", "unit_id": u, "value": 100} for u in ("D1", "D2")]}
json.dump(scheme, open(d + "/scheme.json", "w"))
open(d + "/values.csv", "w").write("indicator_id,unit_id,period,value\n1,D1,2025,95\n1,D2,2025,100\n")
PY
"$bin" score --scheme "$tmp/ok/scheme.json" --data "$tmp/ok" >"$tmp/out" 2>"$tmp/err"; rc=$?
if [ $rc -ne 0 ]; then echo "FAIL - the valid year scores (exit $rc): $(cat "$tmp/err")"; exit 1; fi
echo "ok   - the valid year scores"

score() { "$bin" score --scheme "$1" --data "$2"; }

# --- values.csv: one bad row after a good one ------------------------------
# values_case <description> <message fragment> <second data row>
values_case() {
  local dir="$tmp/v$RANDOM$RANDOM"; mkdir -p "$dir"
  printf 'indicator_id,unit_id,period,value\n1,D1,2025,95\n%s\n' "$3" >"$dir/values.csv"
  expect2 "$1" "$2" score "$tmp/ok/scheme.json" "$dir"
}
values_case "period 2025-xy"          "values.csv line 3 column period: expected '2025'" "1,D2,2025-xy,100"
values_case "period 2025-13"          "values.csv line 3 column period" "1,D2,2025-13,100"
values_case "period 2025-1"           "values.csv line 3 column period" "1,D2,2025-1,100"
values_case "period 2025-00"          "values.csv line 3 column period" "1,D2,2025-00,100"
values_case "period of another year"  "values.csv line 3 column period" "1,D2,2019,100"
values_case "empty period"            "values.csv line 3 column period: empty" "1,D2,,100"
values_case "empty unit_id"           "values.csv line 3 column unit_id: empty" "1,,2025,100"
values_case "value 0x10"              "values.csv line 3 column value: expected a number, got '0x10'" "1,D2,2025,0x10"
values_case "value inf"               "values.csv line 3 column value" "1,D2,2025,inf"
values_case "value nan"               "values.csv line 3 column value" "1,D2,2025,nan"
values_case "value -Infinity"         "values.csv line 3 column value" "1,D2,2025,-Infinity"
values_case "value 1e999"             "values.csv line 3 column value" "1,D2,2025,1e999"
values_case "value \"1,5\""           "values.csv line 3 column value: expected a number, got '1,5'" '1,D2,2025,"1,5"'
values_case "value 1,5 unquoted"      "values.csv line 3: 5 fields" "1,D2,2025,1,5"
values_case "value with a space"      "values.csv line 3 column value" "1,D2,2025, 100"
values_case "value +100"              "values.csv line 3 column value" "1,D2,2025,+100"
values_case "duplicate row"           "values.csv line 3: duplicate of line 2" "1,D1,2025,96"
dir="$tmp/nodata"; mkdir -p "$dir"
printf 'indicator_id,unit_id,period,value,no_data\n1,D1,2025,95,0\n1,D2,2025,100,2\n' >"$dir/values.csv"
expect2 "no_data flag 2" "values.csv line 3 column no_data" score "$tmp/ok/scheme.json" "$dir"

# --- other data files --------------------------------------------------------
dir="$tmp/subjects"; mkdir -p "$dir"; cp "$tmp/ok/values.csv" "$dir/"
printf 'unit_id,satisfaction,leadership\nD1,80,90\nD2,70,80\nD1,81,90\n' >"$dir/subjects.csv"
expect2 "duplicate unit in subjects.csv" "subjects.csv line 4: duplicate of line 2" score "$tmp/ok/scheme.json" "$dir"
printf 'unit_id,satisfaction,leadership\nD1,1e999,90\n' >"$dir/subjects.csv"
expect2 "satisfaction 1e999" "subjects.csv line 2 column satisfaction" score "$tmp/ok/scheme.json" "$dir"
rm "$dir/subjects.csv"
printf 'id,unit_id,kind,points\na1,D1,bonus,1\na2,D2,bonus,0x2\n' >"$dir/adjustments.csv"
expect2 "adjustment points 0x2" "adjustments.csv line 3 column points" score "$tmp/ok/scheme.json" "$dir"
printf 'id,unit_id,kind,points\na1,D1,bonus,1\na1,D2,bonus,2\n' >"$dir/adjustments.csv"
expect2 "duplicate adjustment id" "adjustments.csv line 3: duplicate of line 2" score "$tmp/ok/scheme.json" "$dir"
rm "$dir/adjustments.csv"
printf 'unit_id,name,value\nD1,budget,5\nD1,budget,6\n' >"$dir/inputs.csv"
expect2 "duplicate input" "inputs.csv line 3: duplicate of line 2" score "$tmp/ok/scheme.json" "$dir"

dir="$tmp/binary"; mkdir -p "$dir"
head -c 4096 "$bin" >"$dir/values.csv"
expect2 "binary values.csv" "values.csv line" score "$tmp/ok/scheme.json" "$dir"
printf 'indicator_id,unit_id,period,value\n1,D\xb0\xb2,2025,95\n' >"$dir/values.csv"
expect2 "values.csv in GBK, not UTF-8" "values.csv line 2: byte 0xB0 is not UTF-8 text" score "$tmp/ok/scheme.json" "$dir"
: >"$dir/values.csv"
expect2 "empty values.csv" "values.csv: empty" score "$tmp/ok/scheme.json" "$dir"
expect2 "missing data directory" "--data: not a directory" score "$tmp/ok/scheme.json" "$tmp/nope"
mkdir -p "$tmp/novalues"
expect2 "data directory without values.csv" "values.csv: cannot open" score "$tmp/ok/scheme.json" "$tmp/novalues"

# --- the scheme file ---------------------------------------------------------
# scheme_case <description> <message fragment> <python expression changing s>
scheme_case() {
  local f="$tmp/s$RANDOM$RANDOM.json"
  python3 - "$tmp/ok/scheme.json" "$f" "$3" <<'PY'
import json, sys
s = json.load(open(sys.argv[1]))
text = None
exec(sys.argv[3])
open(sys.argv[2], "w").write(text if text is not None else json.dumps(s))
PY
  expect2 "$1" "$2" score "$f" "$tmp/ok"
}
scheme_case "points 1e999"      "indicators[0].points: number overflow parsing '1e999'" \
  'text = json.dumps(s).replace("\"points\": 100", "\"points\": 1e999")'
scheme_case "points 0x10"       "indicators[0].points: not valid JSON" \
  'text = json.dumps(s).replace("\"points\": 100", "\"points\": 0x10")'
scheme_case "points inf"        "indicators[0].points: not valid JSON" \
  'text = json.dumps(s).replace("\"points\": 100", "\"points\": inf")'
scheme_case "points NaN"        "indicators[0].points: not valid JSON" \
  'text = json.dumps(s).replace("\"points\": 100", "\"points\": NaN")'
scheme_case "points 1,5"        "indicators[0]" \
  'text = json.dumps(s).replace("\"points\": 100", "\"points\": 1,5")'
scheme_case "points as a string" "indicators[0].points: expected a number" \
  's["indicators"][0]["points"] = "100"'
scheme_case "points empty string" "indicators[0].points: expected a number" \
  's["indicators"][0]["points"] = ""'
scheme_case "empty unit id"     "units[0] (): id is empty" 's["units"][0]["id"] = ""'
scheme_case "year 99999999999"  "year: integer out of range" 's["year"] = 99999999999'
scheme_case "year 0"            "year: must be within 1900..9999" 's["year"] = 0'
scheme_case "year -2025"        "year: must be within 1900..9999" 's["year"] = -2025'
scheme_case "level 2^64-1"      "indicators[0].level: integer out of range" 's["indicators"][0]["level"] = 2**64 - 1'
scheme_case "target 1e999"      "targets[1].value: number overflow" \
  'text = json.dumps(s).replace("\"value\": 100}]", "\"value\": 1e999}]")'
scheme_case "duplicate key"     "indicators[0].points: duplicate key" \
  'text = json.dumps(s).replace("\"points\": 100", "\"points\": 100, \"points\": 50")'
scheme_case "nesting 10000 deep" "nested deeper than 64 levels" 'text = "[" * 10000 + "]" * 10000'
scheme_case "formula of 5000 characters" "formula: 5000 characters, at most 1000" \
  's["indicators"][0]["method"] = "formula"; s["indicators"][0]["formula"] = "x" * 5000'
scheme_case "scheme of another format version" "version: unsupported" 's["version"] = 2'
scheme_case "empty scheme file" "not valid JSON: empty input" 'text = ""'
scheme_case "truncated scheme" "not valid JSON" 'text = json.dumps(s)[:100]'
head -c 4096 "$bin" >"$tmp/binary.json"
expect2 "binary scheme file" "binary.json: not valid JSON" score "$tmp/binary.json" "$tmp/ok"
printf '{"year": 2025, "units": [{"id": "D\xb0"}]}' >"$tmp/gbk.json"
expect2 "scheme in GBK" "units[0].id: not valid JSON" score "$tmp/gbk.json" "$tmp/ok"
expect2 "missing scheme file" "--scheme: file not found" score "$tmp/none.json" "$tmp/ok"
expect2 "scheme is a directory" "is a directory" score "$tmp" "$tmp/ok"

# --- command-line options ----------------------------------------------------
expect2 "--year 0x7e9"        "--year" "$bin" score --db "$tmp/x.db" --year 0x7e9
expect2 "--year 99999999999"  "--year" "$bin" score --db "$tmp/x.db" --year 99999999999
expect2 "--year 2025.0"       "--year" "$bin" score --db "$tmp/x.db" --year 2025.0
expect2 "--year empty"        "--year" "$bin" score --db "$tmp/x.db" --year ""
expect2 "--year -2025"        "--year" "$bin" scheme --db "$tmp/x.db" --year=-2025
expect2 "--threads 1e3"       "--threads" "$bin" score --benchmark-scheme --data "$tmp" --threads 1e3
expect2 "--threads 0"         "--threads" "$bin" score --benchmark-scheme --data "$tmp" --threads 0
expect2 "analyze --level inf" "--level" "$bin" analyze health --db "$tmp/x.db" --year 2025 --level inf
expect2 "analyze --replicates 0x20" "--replicates" "$bin" analyze uncertainty --db "$tmp/x.db" --year 2025 --replicates 0x20
expect2 "gen --units 0"       "--units" "$bin" gen --units 0 --indicators 5 --out "$tmp/g"
expect2 "gen --units -5"      "--units" "$bin" gen --units=-5 --indicators 5 --out "$tmp/g"
expect2 "gen --indicators 0b11" "--indicators" "$bin" gen --units 5 --indicators 0b11 --out "$tmp/g"
expect2 "gen --seed -1"       "--seed" "$bin" gen --units 5 --indicators 5 --seed=-1 --out "$tmp/g"
expect2 "gen too many values" "--units × --indicators" "$bin" gen --units 100000000 --indicators 10000 --out "$tmp/g"
expect2 "unknown option"      "--frobnicate" "$bin" score --frobnicate
expect2 "missing database"    "--db: file not found" "$bin" score --db "$tmp/none.db" --year 2025
expect2 "no subcommand"       "subcommand" "$bin"
printf 'not a database, just text\n' >"$tmp/text.db"
expect2 "a text file as the database" "--db" "$bin" score --db "$tmp/text.db" --year 2025

# --- benchmark CSV files -----------------------------------------------------
"$bin" gen --units 3 --indicators 2 --out "$tmp/bench" >/dev/null || { echo "FAIL - gen"; fail=1; }
bench_case() {  # <description> <message fragment> <file> <content>
  local dir="$tmp/b$RANDOM$RANDOM"; cp -r "$tmp/bench" "$dir"
  printf '%b' "$4" >"$dir/$3"
  expect2 "$1" "$2" "$bin" score --benchmark-scheme --data "$dir"
}
bench_case "bench target 1e999" "values.csv line 2: target must be a number, got '1e999'" values.csv \
  'unit_id,indicator_id,target,actual\nU1,I1,1e999,1\n'
bench_case "bench actual 0x10" "values.csv line 2: actual must be a number or empty, got '0x10'" values.csv \
  'unit_id,indicator_id,target,actual\nU1,I1,5,0x10\n'
bench_case "bench duplicate value" "values.csv line 3: duplicate value for (U1, I1), also on line 2" values.csv \
  'unit_id,indicator_id,target,actual\nU1,I1,5,1\nU1,I1,5,2\n'
bench_case "bench duplicate unit" "units.csv line 3: duplicate unit_id 'U1', also on line 2" units.csv \
  'unit_id,category\nU1,K\nU1,K\n'
bench_case "bench units in GBK" "units.csv line 2: not UTF-8 text" units.csv \
  'unit_id,category\nU1,\xb0\xb2\n'
bench_case "bench empty units.csv" "units.csv line 1: header must be" units.csv ''
bench_case "bench points nan" "indicators.csv line 2: points must be a non-negative number, got 'nan'" indicators.csv \
  'indicator_id,points,direction\nI1,nan,1\nI2,50,1\n'

# --- govperf method ----------------------------------------------------------
method_case() {  # <description> <message fragment> <method> <stdin text>
  printf '%s' "$4" >"$tmp/in.json"
  stdin="$tmp/in.json" expect2 "$1" "$2" "$bin" method "$3"
}
method_case "ahp entry 1e999" "input: matrix[0][1]: number overflow" ahp '{"matrix": [[1, 1e999], [1, 1]]}'
method_case "ahp entry NaN" "input: matrix[0][1]: not valid JSON" ahp '{"matrix": [[1, NaN], [1, 1]]}'
method_case "ahp empty matrix" "matrix must have at least one row" ahp '{"matrix": []}'
method_case "ahp 21 criteria" "matrix[0]: more than 20 elements" ahp \
  "{\"matrix\": [$(python3 -c 'print(",".join(["[" + ",".join(["1"] * 21) + "]"] * 21))')]}"
method_case "topsis empty rows" "matrix" topsis '{"matrix": [[]], "weights": []}'
method_case "rake max_iter 2^64" "max_iter must be an integer in 1..10000" rake \
  '{"units": [{"cells": {"g": "a"}, "weight": 1}], "margins": {"g": {"a": 1}}, "max_iter": 18446744073709551615}'
method_case "rake max_iter -1" "max_iter must be an integer in 1..10000" rake \
  '{"units": [{"cells": {"g": "a"}, "weight": 1}], "margins": {"g": {"a": 1}}, "max_iter": -1}'
method_case "empty stdin" "not valid JSON: empty input" ahp ''
head -c 4096 "$bin" >"$tmp/bin.in"
stdin="$tmp/bin.in" expect2 "binary stdin" "input: not valid JSON" "$bin" method ahp
stdin="" expect2 "unknown method" "unknown method" "$bin" method nosuch

# A 10,000 × 10,000 AHP matrix (about 200 MB of JSON), generated as a stream:
# refused at the 21st entry of the first row, without reading the rest.
start=$(date +%s)
python3 -c '
import sys
row = "[" + ",".join(["1"] * 10000) + "]"
try:
    sys.stdout.write("{\"matrix\": [")
    for i in range(10000):
        sys.stdout.write(("," if i else "") + row)
    sys.stdout.write("]}")
except BrokenPipeError:
    pass
' 2>/dev/null | "$bin" method ahp >"$tmp/out" 2>"$tmp/err"
rc=${PIPESTATUS[1]}
took=$(( $(date +%s) - start ))
if [ "$rc" -eq 2 ] && grep -qF "matrix[0]: more than 20 elements" "$tmp/err" && [ "$took" -lt 30 ]; then
  echo "ok   - 10000 × 10000 AHP matrix refused at once (${took}s)"
else
  echo "FAIL - 10000 × 10000 AHP matrix: exit $rc, ${took}s, stderr: $(head -c 300 "$tmp/err")"
  fail=1
fi

exit $fail
