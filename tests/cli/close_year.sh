#!/usr/bin/env bash
# Closing the demo's year in progress as the office does (README "Closing the
# year in progress"), through the HTTP API of a real server on loopback: from
# 日常监测 through 年终考核 (year-end values, self-evaluations and lead scoring,
# claims, leadership rating), 公示 with an appeal, the committee's approval and
# publication, then the feedback report, rectification and result use. The
# server is restarted with a later --today for each step in time, as the
# calendar moves. Checks the certificate and `govperf verify-result` exit 0.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
port=$(free_port)
serve() {  # serve <today>
  stop
  "$bin" serve --db "$tmp/city.db" --port "$port" --today "$1" >>"$tmp/serve.log" 2>&1 &
  pid=$!
  wait_for_health "$port" && return 0
  echo "server did not start"; cat "$tmp/serve.log"; return 1
}
step() {  # step <name>: runs one phase of close_year.py against the server
  python3 "$(dirname "$0")/close_year.py" "http://127.0.0.1:$port/api/v1" "$1" "$tmp"
}

"$bin" demo --db "$tmp/city.db" >"$tmp/demo.out" 2>&1; rc=$?
check "demo creates a database" test $rc -eq 0
year=$(sqlite3 "$tmp/city.db" "SELECT year FROM years WHERE status = 'monitoring'")
check "the demo's year in progress is in monitoring ($year)" test "$year" = 2026

# January 2027: the year is over; year-end assessment.
serve 2027-01-11 || exit 1
step year_end; rc=$?
check "year_end: values, self-evaluations, scoring, claims, rating; 公示 refused until done" test $rc -eq 0
# 公示 from 15 January (5 working days) with an appeal decided inside it.
serve 2027-01-15 || exit 1
step publicity; rc=$?
check "preliminary: 公示 window, an appeal answered and decided" test $rc -eq 0
# After the window: the committee's approval and publication.
serve 2027-01-25 || exit 1
step publish; rc=$?
check "published: approval, publication, certificate" test $rc -eq 0
stop
"$bin" verify-result --db "$tmp/city.db" --year "$year" >"$tmp/verify.out" 2>&1; rc=$?
check "verify-result exits 0 ($(cat "$tmp/verify.out"))" test $rc -eq 0
check "… and names the certificate the API answered" \
  grep -q "certificate $(cut -c1-16 "$tmp/certificate")" "$tmp/verify.out"
# Spring: reports, rectification, result use.
serve 2027-03-20 || exit 1
step after; rc=$?
check "after publication: feedback report, rectification, result use" test $rc -eq 0
stop
"$bin" report --db "$tmp/city.db" --year "$year" --unit D01 --out "$tmp/D01.pdf" >/dev/null 2>&1; rc=$?
check "govperf report renders D01's feedback report" test $rc -eq 0 -a -s "$tmp/D01.pdf"

finish
