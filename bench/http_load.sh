#!/usr/bin/env bash
# HTTP load bench (wrk): how many requests/s `govperf serve` answers, and
# whether light requests stay fast while CPU-heavy ones run.
#   bench/http_load.sh GOVPERF_BIN [DB]
#     DB: a database made by `govperf demo` (default: made in $BENCH_DIR).
#     DURATION=10 (s per wrk run), THREADS=2, CONNS=32, YEAR=2025, REPLICATES=1000
# Phase 1: throughput of /api/health and /api/v1/public/results, and their ratio.
# Phase 2: /api/health latency (p50/p99, wrk --latency), first alone, then while
#   32 clients post wrong-password logins (argon2id; bench/wrk/login_wrong.lua)
#   and one admin client requests the uncertainty analysis with REPLICATES
#   (admin: other roles, leaders included, may ask for at most 500 replicates).
# Prints the figures, the machine load (other processes share the CPUs) and
# whether the targets are met: results ≥ 50 % of health and both ≥ 30,000
# requests/s; /api/health p99 < 20 ms under the heavy load. Needs wrk
# (scripts/install-deps.sh).
set -euo pipefail
bin="$(realpath "$1")"
src="$(cd "$(dirname "$0")/.." && pwd)"
work="${BENCH_DIR:-/tmp/govperf-bench}/http"
duration="${DURATION:-10}"; threads="${THREADS:-2}"; conns="${CONNS:-32}"
year="${YEAR:-2025}"; replicates="${REPLICATES:-1000}"
command -v wrk >/dev/null || { echo "http_load: wrk not found (scripts/install-deps.sh)" >&2; exit 2; }
mkdir -p "$work"
db="${2:-$work/demo.db}"
[ -f "$db" ] || "$bin" demo --db "$db" >/dev/null

# Port 0: the server picks a free port and prints it in its banner.
log="$work/serve.log"
"$bin" serve --db "$db" --host 127.0.0.1 --port 0 >"$log" 2>&1 &
server=$!
pids=()
cleanup() {
  for p in "${pids[@]}"; do kill "$p" 2>/dev/null || true; done
  kill "$server" 2>/dev/null || true
  wait "$server" 2>/dev/null || true
}
trap cleanup EXIT
port=""
for _ in $(seq 100); do
  port=$(sed -nE 's|^govperf serving http://[^:]+:([0-9]+)/.*|\1|p' "$log")
  [ -n "$port" ] && break
  kill -0 "$server" 2>/dev/null || { cat "$log" >&2; exit 1; }
  sleep 0.1
done
[ -n "$port" ] || { echo "http_load: no banner from govperf serve" >&2; cat "$log" >&2; exit 1; }
base="http://127.0.0.1:$port"
curl -fsS "$base/api/health" >/dev/null

rps() { sed -nE 's/^Requests\/sec: *([0-9.]+).*/\1/p' "$1"; }
pct() { sed -nE "s/^ *$2% +([0-9.]+[a-z]+).*/\\1/p" "$1"; }
errors() { grep -E 'Non-2xx|Socket errors' "$1" | tr -s ' ' | paste -sd';' - || true; }

load() { cut -d' ' -f1-3 /proc/loadavg; }
echo "machine load before: $(load) (1/5/15 min) on $(nproc) CPUs"
echo "== phase 1: throughput (wrk -t$threads -c$conns -d${duration}s) =="
wrk -t"$threads" -c"$conns" -d"${duration}s" "$base/api/health" >"$work/health.txt"
wrk -t"$threads" -c"$conns" -d"${duration}s" "$base/api/v1/public/results?year=$year" >"$work/results.txt"
h=$(rps "$work/health.txt"); r=$(rps "$work/results.txt")
printf '%-34s %12s  %s\n' endpoint requests/s errors
printf '%-34s %12s  %s\n' "/api/health" "$h" "$(errors "$work/health.txt")"
printf '%-34s %12s  %s\n' "/api/v1/public/results?year=$year" "$r" "$(errors "$work/results.txt")"
printf 'ratio results/health: %.3f\n' "$(echo "$r / $h" | bc -l)"
meets() { [ "$(echo "$1" | bc -l)" = 1 ] && echo met || echo "NOT met"; }
echo "target results >= 50 % of health: $(meets "$r >= 0.5 * $h"); both >= 30000/s:" \
  "$(meets "$r >= 30000 && $h >= 30000")"

echo "== phase 2: /api/health latency under heavy load (wrk -t1 -c4 -d${duration}s --latency) =="
# --timeout: a health check stuck behind heavy work should show as latency, not vanish as a timeout.
wrk -t1 -c4 -d"${duration}s" --timeout 30s --latency "$base/api/health" >"$work/idle.txt"
token=$(curl -fsS -H 'Content-Type: application/json' \
  -d '{"username":"admin","password":"demo-admin-2026"}' "$base/api/v1/auth/login" |
  sed -nE 's/.*"token": *"([^"]+)".*/\1/p')
[ -n "$token" ] || { echo "http_load: admin login failed" >&2; exit 1; }
# The heavy load runs a little longer than the measurement, which starts once it is going.
heavy=$((duration + 4))
wrk -t1 -c32 -d"${heavy}s" --timeout 30s -s "$src/bench/wrk/login_wrong.lua" \
  "$base/api/v1/auth/login" >"$work/logins.txt" 2>&1 &
pids+=($!)
wrk -t1 -c1 -d"${heavy}s" --timeout 120s -H "Authorization: Bearer $token" \
  "$base/api/v1/years/$year/analysis/uncertainty?replicates=$replicates" >"$work/uncertainty.txt" 2>&1 &
pids+=($!)
sleep 2
wrk -t1 -c4 -d"${duration}s" --timeout 30s --latency "$base/api/health" >"$work/loaded.txt"
wait "${pids[@]}" || true
pids=()
printf '%-12s %10s %10s %10s %10s %12s  %s\n' "/api/health" requests p50 p99 max requests/s errors
for f in idle loaded; do
  n=$(sed -nE 's/^ *([0-9]+) requests in.*/\1/p' "$work/$f.txt")
  max=$(sed -nE 's/^ *Latency +[0-9.]+[a-z]+ +[0-9.]+[a-z]+ +([0-9.]+[a-z]+).*/\1/p' "$work/$f.txt")
  if [ "${n:-0}" = 0 ]; then  # wrk prints zeros when nothing came back
    printf '%-12s %10s %10s %10s %10s %12s  %s\n' "$f" 0 - - - 0 "$(errors "$work/$f.txt")"
  else
    printf '%-12s %10s %10s %10s %10s %12s  %s\n' "$f" "$n" "$(pct "$work/$f.txt" 50)" \
      "$(pct "$work/$f.txt" 99)" "$max" "$(rps "$work/$f.txt")" "$(errors "$work/$f.txt")"
  fi
done
echo "wrong-password logins (32 clients): $(rps "$work/logins.txt") requests/s;" \
  "$(grep 'login statuses' "$work/logins.txt" || echo 'no statuses')"
echo "uncertainty (replicates=$replicates, 1 client): $(sed -nE 's/^ *([0-9]+) requests in.*/\1/p' \
  "$work/uncertainty.txt") completed; $(errors "$work/uncertainty.txt")"
p99=$(pct "$work/loaded.txt" 99)
p99_ms=$(echo "$p99" | sed -E 's/([0-9.]+)us/\1\/1000/; s/([0-9.]+)ms/\1/; s/([0-9.]+)s$/\1*1000/')
[ -n "$p99" ] && echo "target /api/health p99 < 20 ms under load: $(meets "$p99_ms < 20") ($p99)"
echo "machine load after: $(load)"
echo "(raw wrk output in $work)"
