"""The protocol-level load tool against the real server: simulated readers open Connectivity,
change the country filter over Streamlit's websocket and get every chart back, with no browser."""

from __future__ import annotations

import pytest

from benchmarks import load
from tests.conftest import run_async

pytestmark = pytest.mark.e2e


def test_simulated_readers_change_the_filter_and_get_every_chart(server):
    result = run_async(load.run_load(server, sessions=3, seconds=3, pids=[]))
    assert result["opened"] == 3 and result["errors"] == 0, result["error_samples"]
    assert result["changes"] >= 3  # each reader changed the filter at least once
    assert 0 < result["p50_ms"] <= result["p95_ms"] <= result["p99_ms"]
    assert result["throughput_per_s"] > 0
