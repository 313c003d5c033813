# Shared set-up of the browser end-to-end scenarios; sourced, not run.
#   e2e_setup NAME BINARY   — resolves ROOT and GOVPERF, makes sure the front end
#                             is installed and built, makes $TMP and the EXIT trap
#   e2e_serve DB [ARGS...]  — serves DB with web/dist on a free loopback port,
#                             waits for /api/health; sets BASE_URL, SERVER_PID
#   e2e_stop                — stops the server (also done by the trap)
# The trap always stops the server and removes $TMP, and shows the end of the
# server log when the scenario failed.

e2e_setup() {
  E2E_NAME="$1"
  ROOT="$(cd "$(dirname "${BASH_SOURCE[0]}")/../.." && pwd)"
  GOVPERF="$(cd "$(dirname "$2")" && pwd)/$(basename "$2")"
  [ -x "$GOVPERF" ] || { echo "$E2E_NAME: not an executable: $2" >&2; exit 2; }
  if [ ! -d "$ROOT/web/node_modules/playwright-core" ]; then
    (cd "$ROOT/web" && npm ci --no-audit --no-fund --loglevel=error)
  fi
  if [ ! -f "$ROOT/web/dist/index.html" ] ||
     [ -n "$(find "$ROOT/web/src" -newer "$ROOT/web/dist/index.html" -print -quit)" ]; then
    (cd "$ROOT/web" && npm run --silent build)
  fi
  TMP="$(mktemp -d "/tmp/govperf-$E2E_NAME.XXXXXX")"
  SERVER_PID=""
  trap e2e_cleanup EXIT
}

e2e_stop() {
  if [ -n "${SERVER_PID:-}" ] && kill -0 "$SERVER_PID" 2>/dev/null; then
    kill "$SERVER_PID" 2>/dev/null || true
    wait "$SERVER_PID" 2>/dev/null || true
  fi
  SERVER_PID=""
}

e2e_cleanup() {
  local rc=$?
  e2e_stop
  if [ $rc -ne 0 ] && [ -f "$TMP/server.log" ]; then
    echo "--- server log (last 40 lines) ---" >&2
    tail -n 40 "$TMP/server.log" >&2 || true
  fi
  rm -rf "$TMP"
  exit $rc
}

e2e_serve() {
  local db="$1"
  shift
  # A free loopback port, chosen by the kernel.
  PORT="$(node -e 'const s=require("net").createServer();s.listen(0,"127.0.0.1",()=>{console.log(s.address().port);s.close()})')"
  (cd "$ROOT"; exec "$GOVPERF" serve --db "$db" --host 127.0.0.1 --port "$PORT" \
      --web "$ROOT/web/dist" "$@" >"$TMP/server.log" 2>&1) &
  SERVER_PID=$!
  BASE_URL="http://127.0.0.1:$PORT"
  for _ in $(seq 1 100); do
    if curl -fsS "$BASE_URL/api/health" >/dev/null 2>&1; then break; fi
    kill -0 "$SERVER_PID" 2>/dev/null || { echo "$E2E_NAME: server exited" >&2; exit 1; }
    sleep 0.1
  done
  curl -fsS "$BASE_URL/api/health" >/dev/null ||
    { echo "$E2E_NAME: server not healthy on $BASE_URL" >&2; exit 1; }
  echo "$E2E_NAME: server up at $BASE_URL (pid $SERVER_PID)"
}
