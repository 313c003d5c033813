#!/usr/bin/env bash
# Crash test of survey collection (tests/cli/survey_crash.py): kill -9 of
# `govperf serve` under concurrent submissions loses no acknowledged response
# and leaves no half-written batch. Small by default (ctest); larger with
# THREADS and CODES in the environment.
set -uo pipefail
. "$(dirname "$0")/lib.sh"
python3 "$(dirname "$0")/survey_crash.py" "$bin" "$tmp" "${THREADS:-16}" "${CODES:-1200}"
