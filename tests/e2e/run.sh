#!/usr/bin/env bash
# Browser end-to-end test against a REAL server and REAL Chromium.
#   tests/e2e/run.sh <path-to-govperf-binary>
# Creates the demo city in a temp database, serves it with the built front end
# (web/dist, built here if missing) on a free loopback port, waits for
# /api/health, runs web/e2e/e2e.mjs (playwright-core from web/node_modules,
# Debian's /usr/bin/chromium), and always stops the server (trap EXIT).
# Then, when present, runs run-init.sh (an installation from nothing, through
# the UI); the exit status fails when either scenario fails.
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 <path-to-govperf-binary>" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
GOVPERF="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -x "$GOVPERF" ] || { echo "e2e: not an executable: $1" >&2; exit 2; }

if [ ! -d "$ROOT/web/node_modules/playwright-core" ]; then
  (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -f "$ROOT/web/dist/index.html" ] || [ -n "$(find "$ROOT/web/src" -newer "$ROOT/web/dist/index.html" -print -quit)" ]; then
  (cd "$ROOT/web" && npm run --silent build)
fi

TMP="$(mktemp -d /tmp/govperf-e2e.XXXXXX)"
SERVER_PID=""
cleanup() {
  local rc=$?
  if [ -n "$SERVER_PID" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  if [ $rc -ne 0 ] && [ -f "$TMP/server.log" ]; then
    echo "--- server log (last 40 lines) ---" >&2
    tail -n 40 "$TMP/server.log" >&2 || true
  fi
  rm -rf "$TMP"
  exit $rc
}
trap cleanup EXIT

echo "e2e: generating the demo city"
"$GOVPERF" demo --db "$TMP/e2e.db" >"$TMP/demo.log" 2>&1 || { cat "$TMP/demo.log" >&2; exit 1; }

# A free loopback port, chosen by the kernel.
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
(cd "$ROOT"; exec "$GOVPERF" serve --db "$TMP/e2e.db" --host 127.0.0.1 --port "$PORT" \
    --web "$ROOT/web/dist" --print-logins >"$TMP/server.log" 2>&1) &
SERVER_PID=$!
BASE_URL="http://127.0.0.1:$PORT"

for _ in $(seq 1 100); do
  if curl -fsS "$BASE_URL/api/health" >/dev/null 2>&1; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "e2e: server exited" >&2; exit 1; }
  sleep 0.1
done
curl -fsS "$BASE_URL/api/health" >/dev/null || { echo "e2e: server not healthy on $BASE_URL" >&2; exit 1; }
echo "e2e: server up at $BASE_URL (pid $SERVER_PID)"

# Featured logins as printed by `demo` and `serve --print-logins` ("user / password
# (role) …"); a district unit login is preferred. E2E_<ROLE>_USER/_PASS override.
pick_login() {  # role → "user pass"
  node "$ROOT/web/e2e/logins.mjs" "$TMP/demo.log" "$TMP/server.log" "$1"
}
read -r E2E_ADMIN_USER E2E_ADMIN_PASS <<<"$(pick_login admin)"
read -r E2E_UNIT_USER E2E_UNIT_PASS <<<"$(pick_login unit)"
read -r E2E_LEAD_USER E2E_LEAD_PASS <<<"$(pick_login lead)"
read -r E2E_LEADER_USER E2E_LEADER_PASS <<<"$(pick_login leader)"
export BASE_URL E2E_ADMIN_USER E2E_ADMIN_PASS E2E_UNIT_USER E2E_UNIT_PASS E2E_LEAD_USER E2E_LEAD_PASS \
  E2E_LEADER_USER E2E_LEADER_PASS

RC=0
node "$ROOT/web/e2e/e2e.mjs" || RC=$?

# The second scenario runs on its own server: stop this one first.
if [ -x "$ROOT/tests/e2e/run-init.sh" ]; then
  kill "$SERVER_PID" 2>/dev/null || true
  wait "$SERVER_PID" 2>/dev/null || true
  SERVER_PID=""
  "$ROOT/tests/e2e/run-init.sh" "$GOVPERF" || RC=$?
fi
exit $RC
