#!/usr/bin/env bash
# Installs what a fresh machine lacks: Debian's Chromium and Firefox ESR (driven by playwright-core
# and puppeteer-core; nothing downloads a browser of its own), Debian's PostgreSQL and the locked npm dependencies. Safe to run again.
set -euo pipefail
cd "$(dirname "$0")/.."

if [ ! -x "${CHROMIUM_PATH:-/usr/bin/chromium}" ]; then
  echo "setup: installing Debian's chromium package"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq chromium fonts-dejavu-core >/dev/null
fi

# Firefox ESR: the browser tests' second tier (driven by puppeteer-core over WebDriver BiDi).
if [ ! -x "${FIREFOX_PATH:-/usr/bin/firefox-esr}" ]; then
  echo "setup: installing Debian's firefox-esr package"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq firefox-esr >/dev/null
fi

# PostgreSQL: the corrections inbox's tests run on it as well as on SQLite (scripts/test-postgres.sh).
if ! ls /usr/lib/postgresql/*/bin/initdb >/dev/null 2>&1; then
  echo "setup: installing Debian's postgresql package"
  SUDO=""; [ "$(id -u)" -ne 0 ] && SUDO="sudo"
  $SUDO apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq postgresql >/dev/null
fi

# npm ci only when the lockfile changed since the last install.
stamp=node_modules/.factmark-lock
if [ ! -f "$stamp" ] || ! cmp -s package-lock.json "$stamp"; then
  echo "setup: installing npm dependencies from package-lock.json"
  npm ci --no-audit --no-fund
  cp package-lock.json "$stamp"
fi
