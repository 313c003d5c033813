#!/usr/bin/env bash
# Installs what is missing on a fresh Debian 12 machine (as root): Debian
# packages for the C++ build, tests and browser tests, then the front end's npm
# packages. Idempotent and quiet when everything is present.
set -euo pipefail
cd "$(dirname "$0")/.."

PKGS=(
  build-essential cmake ninja-build pkg-config
  libboost-dev nlohmann-json3-dev libsqlite3-dev libpq-dev postgresql
  libsodium-dev libxlsxwriter-dev libminizip-dev libpugixml-dev libmuparser-dev libeigen3-dev
  libspdlog-dev libcli11-dev libgtest-dev libgmock-dev googletest libbenchmark-dev
  libcairo2-dev libpango1.0-dev fonts-noto-cjk libqrencode-dev coinor-libclp-dev libjemalloc-dev
  wrk chromium poppler-utils sqlite3 curl ca-certificates bc
)

missing=()
for p in "${PKGS[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
if [ ${#missing[@]} -gt 0 ]; then
  echo "install-deps: installing ${#missing[@]} Debian packages: ${missing[*]}"
  SUDO=""; [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  $SUDO apt-get update -q
  # --no-install-recommends: otherwise ~90 extra packages and a systemd upgrade.
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

# Front end: never Debian's nodejs/npm (they would replace the machine's Node 20).
if [ -f web/package-lock.json ]; then
  command -v npm >/dev/null || { echo "install-deps: npm (Node.js 20) is required for web/" >&2; exit 1; }
  stamp=web/node_modules/.govperf-lock
  if [ ! -f "$stamp" ] || ! cmp -s web/package-lock.json "$stamp"; then
    echo "install-deps: npm ci in web/"
    (cd web && npm ci --no-audit --no-fund --loglevel=error)
    cp web/package-lock.json "$stamp"
  fi
fi
