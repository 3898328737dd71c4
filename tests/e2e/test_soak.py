"""A short soak: a few concurrent readers for under a minute, the export browser killed midway.

Run as its own process (as a person would run the script), so its event loop and browsers are
independent of this test session's."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from benchmarks.common import REPO

pytestmark = pytest.mark.e2e


def test_short_soak_has_no_errors_and_bounded_memory(tmp_path):
    out = tmp_path / "soak.json"
    cmd = [sys.executable, "-m", "benchmarks.soak", "--sessions", "3", "--seconds", "30"]
    cmd += ["--kill-export-browser-at", "8", "--json", str(out)]
    subprocess.run(cmd, cwd=REPO, timeout=600, check=False, capture_output=True)
    summary = json.loads(out.read_text(encoding="utf-8"))
    assert summary["errors"] == 0, summary["error_samples"]
    assert summary["filter_changes"] >= 6
    assert summary["downloads"] >= 1
    assert summary["export_browser_killed"] >= 1, (
        "the export browser was never killed: the test proved nothing"
    )
    growth = summary["rss_end_mib"] - summary["rss_warm_mib"]
    assert growth < 100, f"server memory grew {growth} MiB after warm-up: {summary}"
