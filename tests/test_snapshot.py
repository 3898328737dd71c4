"""The checked snapshot of the catalogue: same data as the YAML, never stale, never trusted blindly."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from dashboard.data import snapshot
from dashboard.data.loading import load_catalogue
from dashboard.data.model import build_model
from dashboard.data.problems import DataError


@pytest.fixture
def cache_dir(tmp_path: Path, monkeypatch) -> Path:
    folder = tmp_path / "cache"
    monkeypatch.setenv(snapshot.CACHE_DIR_ENV, str(folder))
    return folder


def _snapshots(folder: Path) -> list[Path]:
    return sorted(folder.glob("snapshot-*")) if folder.exists() else []


def same_frames(left: dict, right: dict) -> bool:
    return left.keys() == right.keys() and all(left[name].equals(right[name]) for name in left)


def words(cat):
    """The catalogue without its observations: what a snapshot keeps besides the frames."""
    return snapshot._without_observations(cat)


def test_a_restart_reads_the_snapshot_and_gets_the_same_model(data_copy, cache_dir):
    first = build_model(data_copy, load=snapshot.load_checked)
    assert len(_snapshots(cache_dir)) == 1
    restart = snapshot.load(data_copy)  # what a restart reads, not the YAML
    assert restart is not None and same_frames(restart.tables, first.tables)
    assert restart.cat == words(first.cat) == words(load_catalogue(data_copy))
    assert sorted(p.name for p in _snapshots(cache_dir)[0].iterdir()) == sorted(
        ["catalogue.json", *(f"{name}.arrow" for name in first.tables)]
    )  # columnar: one Arrow file per frame
    again = build_model(data_copy, load=snapshot.load_checked)
    assert same_frames(again.tables, first.tables) and again.observed_series == first.observed_series
    # what the pages ask of it, answered from the frames: the World Bank pages' series
    from dashboard.present import views

    assert views.indicator_ids(again, ("connectivity",)) == views.indicator_ids(first, ("connectivity",))
    assert again.derived.equals(first.derived)


def test_an_edited_file_is_read_from_the_yaml_not_the_snapshot(data_copy, cache_dir):
    snapshot.load_checked(data_copy)
    countries = data_copy / "countries.yaml"
    countries.write_text(
        countries.read_text(encoding="utf-8").replace("Viet Nam", "Viet-Nam"), encoding="utf-8"
    )
    assert snapshot.load(data_copy) is None
    cat = snapshot.load_checked(data_copy).cat
    assert "Viet-Nam" in {c.name.en for c in cat.countries}
    assert len(_snapshots(cache_dir)) == 2


def test_invalid_data_writes_no_snapshot_and_reports_every_problem(data_copy, cache_dir):
    (data_copy / "sources.yaml").write_text("sources: 3\n", encoding="utf-8")
    with pytest.raises(DataError) as err:
        snapshot.load_checked(data_copy)
    assert "sources.yaml" in err.value.report()
    assert _snapshots(cache_dir) == []


@pytest.mark.parametrize("damaged", ["catalogue.json", "observations.arrow"])
def test_a_damaged_snapshot_is_ignored_and_replaced(data_copy, cache_dir, damaged):
    expected = snapshot.load_checked(data_copy)
    (path,) = _snapshots(cache_dir)
    (path / damaged).write_bytes(b'{"countries": "not a list"}')
    assert snapshot.load(data_copy) is None
    assert same_frames(snapshot.load_checked(data_copy).tables, expected.tables)
    assert same_frames(snapshot.load(data_copy).tables, expected.tables)


@pytest.mark.skipif(not hasattr(os, "getuid"), reason="POSIX permissions")
def test_a_snapshot_others_may_write_is_not_read(data_copy, cache_dir):
    snapshot.load_checked(data_copy)
    (path,) = _snapshots(cache_dir)
    assert path.stat().st_mode & 0o077 == 0 and cache_dir.stat().st_mode & 0o077 == 0
    (path / "observations.arrow").chmod(0o666)
    assert snapshot.load(data_copy) is None


def test_turned_off_or_unwritable_the_yaml_is_read_every_time(data_copy, tmp_path, monkeypatch):
    monkeypatch.setenv(snapshot.CACHE_DIR_ENV, "off")
    assert snapshot.load_checked(data_copy).cat == load_catalogue(data_copy)
    blocker = tmp_path / "a-file"
    blocker.write_text("", encoding="utf-8")
    monkeypatch.setenv(snapshot.CACHE_DIR_ENV, str(blocker / "cache"))  # cannot be created
    assert snapshot.load_checked(data_copy).cat == load_catalogue(data_copy)


def test_nothing_is_written_to_the_data_directory(data_copy, cache_dir, monkeypatch):
    before = {p.name: p.stat().st_mtime_ns for p in data_copy.iterdir()}
    snapshot.load_checked(data_copy)
    snapshot.load_checked(data_copy)
    assert {p.name: p.stat().st_mtime_ns for p in data_copy.iterdir()} == before
    monkeypatch.setenv(snapshot.CACHE_DIR_ENV, str(data_copy / "cache"))  # refused: inside data/
    assert snapshot.load_checked(data_copy).cat == load_catalogue(data_copy)
    assert {p.name: p.stat().st_mtime_ns for p in data_copy.iterdir()} == before


def test_only_the_newest_snapshots_are_kept(data_copy, cache_dir, monkeypatch):
    monkeypatch.setattr(snapshot, "KEEP", 2)
    countries = data_copy / "countries.yaml"
    text = countries.read_text(encoding="utf-8")
    for n in range(4):  # four versions of the data, one snapshot each
        countries.write_text(text + f"# edit {n}\n", encoding="utf-8")
        snapshot.load_checked(data_copy)
    assert len(_snapshots(cache_dir)) == 2
    assert snapshot.load(data_copy) is not None, "the current version's snapshot is kept"


def test_the_code_version_covers_every_subpackage():
    """An edit anywhere in the package (a page, a chart, a locale catalogue) must miss the snapshot."""
    from dashboard.data import snapshot as snap

    files = {p.relative_to(snap.PACKAGE_DIR).as_posix() for p in snap.source_files()}
    for expected in (
        "data/schema.py",
        "present/charts/base.py",
        "present/locales/zh.yaml",
        "web/app_pages/overview.py",
        "__main__.py",
    ):
        assert expected in files
