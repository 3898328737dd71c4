"""Shared fixtures: a throw-away copy of the shipped data directory for tests that break it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


def pytest_configure(config) -> None:
    """Data snapshots (dashboard/snapshot.py) go to a directory of this test run, never the user's
    cache; servers the browser tests start inherit it."""
    import os
    import tempfile

    os.environ["DASHBOARD_CACHE_DIR"] = tempfile.mkdtemp(prefix="dashboard-test-cache-")


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def catalogue():
    from dashboard.data.loading import load_catalogue

    return load_catalogue(DATA)


def _hypothesis_profiles() -> None:
    """In CI, hypothesis draws the same examples every run: a red build is reproducible, never luck."""
    import os

    from hypothesis import settings

    settings.register_profile("ci", derandomize=True, deadline=None)
    if os.environ.get("CI"):
        settings.load_profile("ci")


_hypothesis_profiles()


def run_async(coroutine):
    """`asyncio.run(coroutine)` on a thread of its own: the browser tests' Playwright keeps an event
    loop running in the main thread for the whole session, where `asyncio.run` is refused."""
    import asyncio
    from concurrent.futures import ThreadPoolExecutor

    with ThreadPoolExecutor(max_workers=1) as pool:
        return pool.submit(asyncio.run, coroutine).result()
