#!/usr/bin/env bash
# Install the peers that benchmarks/bench_build.py compares against.
#
#   bash benchmarks/setup.sh
#
# * Pelican + Markdown into the benchmark's own virtualenv, .cache/bench-venv
#   (git-ignored), so they never mix with the tool's environment;
# * Hugo from Debian (apt-get install hugo);
# * GNU time (/usr/bin/time -v, for peak RSS), from Debian's `time` package.
#
# Run once, with network access; the benchmark itself needs no network.
set -euo pipefail
cd "$(dirname "$0")/.."

VENV=.cache/bench-venv
PYTHON=${PYTHON:-python3}

if [ ! -x "$VENV/bin/python" ]; then
    "$PYTHON" -m venv "$VENV"
fi
"$VENV/bin/pip" install --quiet --upgrade pip
"$VENV/bin/pip" install --quiet pelican markdown

SUDO=""
if [ "$(id -u)" -ne 0 ]; then
    SUDO=sudo
fi
missing=()
command -v hugo >/dev/null 2>&1 || missing+=(hugo)
[ -x /usr/bin/time ] || missing+=(time)
if [ ${#missing[@]} -gt 0 ]; then
    $SUDO apt-get update
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y --no-install-recommends "${missing[@]}"
fi

echo "pelican: $("$VENV/bin/pelican" --version)"
echo "hugo:    $(hugo version)"
echo "time:    /usr/bin/time"
