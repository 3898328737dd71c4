"""Shared fixtures: a throw-away copy of the shipped data directory for tests that break it."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parent.parent
DATA = REPO / "data"


@pytest.fixture
def data_copy(tmp_path: Path) -> Path:
    target = tmp_path / "data"
    shutil.copytree(DATA, target)
    return target


@pytest.fixture(scope="session")
def catalogue():
    from dashboard.loading import load_catalogue

    return load_catalogue(DATA)
