"""A short soak: a few concurrent readers for under a minute, the export browser killed midway."""

from __future__ import annotations

import pytest

from benchmarks import soak

pytestmark = pytest.mark.e2e


def test_short_soak_has_no_errors_and_bounded_memory():
    summary = soak.run(sessions=3, seconds=30, kill_at=8)
    assert summary["errors"] == 0, summary["error_samples"]
    assert summary["filter_changes"] >= 6
    assert summary["downloads"] >= 1
    assert summary["export_browser_killed"] >= 1, (
        "the export browser was never killed: the test proved nothing"
    )
    growth = summary["rss_end_mib"] - summary["rss_warm_mib"]
    assert growth < 100, f"server memory grew {growth} MiB after warm-up: {summary}"
