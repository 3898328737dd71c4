#!/usr/bin/env bash
# Sets up a fresh machine for the dashboard: system packages (Chromium for image exports and the
# browser tests, Noto CJK so Chinese renders in exports, Liberation Sans for Latin text in them), a virtualenv in .venv, the package.
# Usage: bash scripts/setup.sh [--test]   (--test also installs the test tools)
# Safe to re-run: every step is skipped when already done.
set -euo pipefail
cd "$(dirname "$0")/.."

need_apt=()
[ -x /usr/bin/chromium ] || need_apt+=(chromium)
# grep reads all of fc-list's output: with -q it would stop early, and under pipefail the SIGPIPE
# that fc-list then gets would count as "no font" (apt-get ran again on every setup).
fc-list 2>/dev/null | grep -i "Noto Sans CJK" >/dev/null || need_apt+=(fonts-noto-cjk)
# Latin letters and digits in exports (theme.FONT_FAMILY): with only the CJK face, a PDF's digits
# do not copy as text.
fc-list 2>/dev/null | grep -i "Liberation Sans" >/dev/null || need_apt+=(fonts-liberation)
if [ ${#need_apt[@]} -gt 0 ]; then
  if [ "$(id -u)" = 0 ] && command -v apt-get >/dev/null; then
    echo "setup: installing ${need_apt[*]} (apt-get)"
    export DEBIAN_FRONTEND=noninteractive
    apt-get update -q >/dev/null
    apt-get install -y -q --no-install-recommends "${need_apt[@]}" >/dev/null
  else
    echo "setup: missing ${need_apt[*]}; install with: sudo apt-get install -y ${need_apt[*]}" >&2
    echo "setup: the dashboard still runs; PNG/SVG/PDF exports say they are unavailable" >&2
  fi
fi

python=${PYTHON:-python3}
[ -x .venv/bin/python ] || "$python" -m venv .venv
extras=""
[ "${1:-}" = "--test" ] && extras="[test]"
.venv/bin/python -m pip install -q --disable-pip-version-check -e ".${extras}"
# Byte-compile the dashboard as pip does an installed package: an editable install is not, and
# with PYTHONDONTWRITEBYTECODE set every server start would compile it again (~0.05 s).
.venv/bin/python -m compileall -q dashboard

if [ "${1:-}" = "--test" ] && [ ! -f node_modules/axe-core/axe.min.js ] && command -v npm >/dev/null; then
  npm install --no-save --no-audit --no-fund --silent axe-core@4 >/dev/null
fi
