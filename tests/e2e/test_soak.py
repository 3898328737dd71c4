"""A short soak: a few concurrent readers, the export browser killed midway.

Run as its own process (as a person would run the script), so its event loop and browsers are
independent of this test session's. Every count asserted here is reached by condition inside the
soak (see `benchmarks/soak.py`), so a slow machine makes it slower, never different."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.common import REPO

pytestmark = pytest.mark.e2e

SESSIONS = 3


def test_short_soak_has_no_errors_and_survives_a_killed_export_browser(tmp_path):
    out = tmp_path / "soak.json"
    cmd = [sys.executable, "-m", "benchmarks.soak", "--sessions", str(SESSIONS), "--seconds", "20"]
    cmd += ["--kill-export-browser-at", "5", "--json", str(out)]
    done = subprocess.run(cmd, cwd=REPO, timeout=900, check=False, capture_output=True, text=True)
    assert out.exists(), f"the soak wrote no summary:\n{done.stdout[-2000:]}\n{done.stderr[-2000:]}"
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["errors"] == 0, summary["error_samples"]
    # Each reader finishes a round of at least two filter changes; the first one downloads.
    assert summary["filter_changes"] >= 2 * SESSIONS
    assert summary["downloads"] >= 1
    # The export browser existed before the kill (an export was made first) and was killed ...
    assert summary["export_browser_killed"] >= 1, summary
    # ... and a later image export arrived from a new one.
    assert summary["export_after_kill"] == "png from a new browser", summary
    growth = summary["rss_end_mib"] - summary["rss_warm_mib"]
    assert growth < 100, f"server memory grew {growth} MiB after warm-up: {summary}"
