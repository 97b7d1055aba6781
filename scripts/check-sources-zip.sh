#!/usr/bin/env bash
# Checks that the source zip `npm run zip` makes for addons.mozilla.org builds the same Firefox
# package: unpacks it alone in a temporary folder, installs the locked dependencies, builds, and
# compares every file with the Firefox zip. (Install scripts are skipped: the Firefox build needs
# none, and the server's native SQLite addon is not part of the source zip's purpose.)
set -euo pipefail
cd "$(dirname "$0")/.."
version=$(node -p 'require("./package.json").version')
sources=.output/factmark-$version-sources.zip
package=.output/factmark-$version-firefox.zip
[ -f "$sources" ] && [ -f "$package" ] || { echo "zip:check: run npm run zip first" >&2; exit 1; }

work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
unzip -q "$sources" -d "$work/src"
unzip -q "$package" -d "$work/expected"
(cd "$work/src" && npm ci --ignore-scripts --prefer-offline --no-audit --no-fund && npx wxt build -b firefox --mv3) >"$work/build.log" 2>&1 ||
  { cat "$work/build.log" >&2; echo "zip:check: the source zip does not build" >&2; exit 1; }
if diff -r "$work/expected" "$work/src/.output/firefox-mv3"; then
  echo "zip:check: the source zip builds the same Firefox package ($(find "$work/expected" -type f | wc -l) files)"
else
  echo "zip:check: the source zip builds a different Firefox package" >&2
  exit 1
fi
