"""The loader's promise to curators: every problem, at once, as `file:line: path: message`."""

from __future__ import annotations

import hashlib
from pathlib import Path

import pytest

from dashboard.data.loading import load_catalogue
from dashboard.data.problems import DataError
from tests.corpus import replace


def test_all_problems_are_reported_at_once(data_copy: Path):
    replace(
        data_copy / "countries.yaml",
        'members: ["KHM", "LAO", "MMR", "VNM"]',
        'members: ["KHM", "LAO", "XXX", "VNM"]',
    )
    replace(data_copy / "participants.yaml", 'represents: "SGP"', 'represents: "SPG"')
    replace(data_copy / "statements.yaml", "speaker: lim-jock-hoi", "speaker: lim-jock-hui")
    with pytest.raises(DataError) as info:
        load_catalogue(data_copy)
    report = str(info.value)
    assert "'XXX' is not a known country code" in report
    assert "'SPG' is not a known country or group code" in report
    assert "'lim-jock-hui' is not a known participant id" in report
    assert report.splitlines()[-1] == "3 errors in 3 files"


def test_bom_and_crlf_are_accepted(data_copy: Path):
    path = data_copy / "figures.yaml"
    text = path.read_text(encoding="utf-8").replace("\n", "\r\n")
    path.write_bytes(b"\xef\xbb\xbf" + text.encode("utf-8"))
    assert (
        load_catalogue(data_copy).observation_count
        == load_catalogue(Path(__file__).parent.parent / "data").observation_count
    )


def test_loading_never_writes_to_the_data_directory(data_copy: Path):
    def digest() -> dict[str, str]:
        return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(data_copy.iterdir())}

    before = digest()
    load_catalogue(data_copy)
    (data_copy / "figures.yaml").write_text("- broken\n", encoding="utf-8")
    before_broken = digest()
    with pytest.raises(DataError):
        load_catalogue(data_copy)
    assert digest() == before_broken
    assert set(before) == set(before_broken)


def test_data_dir_from_environment(data_copy: Path, monkeypatch):
    (data_copy / "figures.yaml").write_text("", encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_copy))
    with pytest.raises(DataError, match="data/figures.yaml:1: file is empty"):
        load_catalogue()
