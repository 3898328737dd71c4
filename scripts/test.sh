#!/usr/bin/env bash
# One command: set up a fresh machine and run the whole test suite (lint, unit, AppTest, browser).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/setup.sh --test
.venv/bin/ruff check .
.venv/bin/ruff format --check .
.venv/bin/lint-imports  # the layers (web -> present -> data), Streamlit only in web, no import cycle
.venv/bin/python -m dashboard validate
exec .venv/bin/python -m pytest "$@"
