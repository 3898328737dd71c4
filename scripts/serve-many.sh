#!/usr/bin/env bash
# Serve the dashboard from two processes behind nginx on http://127.0.0.1:8500 (see deploy/nginx.conf).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
command -v nginx >/dev/null || { [ "$(id -u)" = 0 ] && apt-get install -y -q nginx >/dev/null; } || {
  echo "nginx is missing: sudo apt-get install -y nginx" >&2; exit 1; }
export STREAMLIT_SERVER_COOKIE_SECRET="${STREAMLIT_SERVER_COOKIE_SECRET:-$(python3 -c 'import secrets; print(secrets.token_hex(32))')}"
pids=()
for port in 8601 8602; do
  .venv/bin/streamlit run dashboard/web/server.py --server.port "$port" --server.address 127.0.0.1 &
  pids+=($!)
done
trap 'kill "${pids[@]}" 2>/dev/null; nginx -c "$PWD/deploy/nginx.conf" -s stop 2>/dev/null || true' EXIT
nginx -c "$PWD/deploy/nginx.conf"
echo "serving on http://127.0.0.1:8500 (processes on 8601, 8602)"
wait
