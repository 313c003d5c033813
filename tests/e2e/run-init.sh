#!/usr/bin/env bash
# Browser end-to-end test of running an installation from nothing, through the
# UI only, against a REAL server and REAL Chromium.
#   tests/e2e/run-init.sh <path-to-govperf-binary>
# `govperf init` creates an empty database with one admin in a temp dir; the
# server serves it with the built front end (web/dist, rebuilt here when missing
# or older than web/src) on a free loopback port; web/e2e/init.mjs drives the
# browser (playwright-core from web/node_modules, Debian's /usr/bin/chromium).
# The server is always stopped and the temp dir removed (trap EXIT).
set -euo pipefail

if [ $# -lt 1 ]; then
  echo "usage: $0 <path-to-govperf-binary>" >&2
  exit 2
fi
ROOT="$(cd "$(dirname "$0")/../.." && pwd)"
GOVPERF="$(cd "$(dirname "$1")" && pwd)/$(basename "$1")"
[ -x "$GOVPERF" ] || { echo "e2e-init: not an executable: $1" >&2; exit 2; }

if [ ! -d "$ROOT/web/node_modules/playwright-core" ]; then
  (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error)
fi
if [ ! -f "$ROOT/web/dist/index.html" ] || [ -n "$(find "$ROOT/web/src" -newer "$ROOT/web/dist/index.html" -print -quit)" ]; then
  (cd "$ROOT/web" && npm run --silent build)
fi

TMP="$(mktemp -d /tmp/govperf-e2e-init.XXXXXX)"
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

E2E_INIT_ADMIN_USER="admin"
E2E_INIT_ADMIN_PASS="Init-admin-2026!"
printf '%s\n' "$E2E_INIT_ADMIN_PASS" >"$TMP/pw"
chmod 600 "$TMP/pw"
echo "e2e-init: govperf init (empty installation, admin '$E2E_INIT_ADMIN_USER')"
"$GOVPERF" init --db "$TMP/new.db" --admin "$E2E_INIT_ADMIN_USER" --password-file "$TMP/pw" >"$TMP/init.log" 2>&1 \
  || { cat "$TMP/init.log" >&2; exit 1; }

# A free loopback port, chosen by the kernel.
PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
(cd "$ROOT"; exec "$GOVPERF" serve --db "$TMP/new.db" --host 127.0.0.1 --port "$PORT" \
    --web "$ROOT/web/dist" >"$TMP/server.log" 2>&1) &
SERVER_PID=$!
BASE_URL="http://127.0.0.1:$PORT"

for _ in $(seq 1 100); do
  if curl -fsS "$BASE_URL/api/health" >/dev/null 2>&1; then break; fi
  kill -0 "$SERVER_PID" 2>/dev/null || { echo "e2e-init: server exited" >&2; exit 1; }
  sleep 0.1
done
curl -fsS "$BASE_URL/api/health" >/dev/null || { echo "e2e-init: server not healthy on $BASE_URL" >&2; exit 1; }
echo "e2e-init: server up at $BASE_URL (pid $SERVER_PID)"

export BASE_URL E2E_INIT_ADMIN_USER E2E_INIT_ADMIN_PASS
node "$ROOT/web/e2e/init.mjs"
