#!/usr/bin/env bash
# One command: set up a fresh machine and open the dashboard on http://localhost:8501
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh
exec .venv/bin/streamlit run dashboard/web/server.py "$@"
