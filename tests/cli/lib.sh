# Shared preamble of the command-line tests in this folder, sourced by each
# right after `set -uo pipefail` as
#   . "$(dirname "$0")/lib.sh"
# with the test's arguments unchanged. It sets
#   bin     the govperf binary under test (the test's first argument);
#   tmp     a scratch directory, removed on exit, after a server the test
#           started in the background (its process id in `pid`) is stopped;
#   fail, passed  the counts of failed and passed checks;
# and defines check, stop, free_port, wait_for_health and finish below.
bin="$1"
tmp=$(mktemp -d)
pid=""
# stop: stops the background server of `pid`, if any, and waits for it.
stop() { if [ -n "$pid" ]; then kill "$pid" 2>/dev/null; wait "$pid" 2>/dev/null; pid=""; fi; }
trap 'stop; rm -rf "$tmp"' EXIT
fail=0
passed=0
# check <description> <condition...>: runs the condition and prints
# "ok   - description" or "FAIL - description", counting either.
check() {
  local what="$1"; shift
  if "$@"; then echo "ok   - $what"; passed=$((passed + 1)); else echo "FAIL - $what"; fail=$((fail + 1)); fi
}
# free_port: a TCP port on 127.0.0.1 free at the time of asking.
free_port() {
  python3 -c 'import socket; s=socket.socket(); s.bind(("127.0.0.1",0)); print(s.getsockname()[1])'
}
# wait_for_health <port>: succeeds once `govperf serve` on the port answers
# /api/health; fails after about ten seconds.
wait_for_health() {
  for _ in $(seq 100); do
    curl -sf "http://127.0.0.1:$1/api/health" >/dev/null && return 0
    sleep 0.1
  done
  return 1
}
# finish: the counts, then exit 0 when no check failed and 1 otherwise.
finish() {
  echo "$passed passed, $fail failed"
  if [ "$fail" -eq 0 ]; then exit 0; fi
  exit 1
}
