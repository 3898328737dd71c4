"""Guardrail over every shipped data file: one test run lists every violation."""

from __future__ import annotations

import re

import yaml

from dashboard.loading import DataError, data_files, load_catalogue
from tests.conftest import DATA

CODE_KEYS = ("code", "entity", "represents", "asean_chair")


def test_shipped_data_validates():
    try:
        load_catalogue(DATA)
    except DataError as exc:  # pragma: no cover - the message is the point
        raise AssertionError("shipped data has problems:\n" + exc.report()) from None


def test_every_country_code_is_quoted_in_every_file():
    """YAML 1.1 reads some bare codes as booleans; a quoted code can never be misread."""
    violations = []
    pattern = re.compile(r"\b(" + "|".join(CODE_KEYS) + r"): ([A-Z][A-Z0-9_]*)\b")
    for path in data_files(DATA):
        for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
            for key, value in pattern.findall(line):
                violations.append(f"data/{path.name}:{n}: {key}: {value} is not quoted")
    assert not violations, "\n".join(violations)


def test_every_file_parses_with_the_safe_loader_and_has_a_header_comment():
    violations = []
    for path in data_files(DATA):
        text = path.read_text(encoding="utf-8")
        yaml.load(text, Loader=yaml.SafeLoader)
        if not text.startswith("#"):
            violations.append(f"data/{path.name}:1: no header comment saying what the file holds")
    assert not violations, "\n".join(violations)


def test_every_series_reads_like_owid_metadata(catalogue):
    violations = []
    for s in catalogue.series:
        for field in ("title", "unit", "description", "processing"):
            value = getattr(s, field)
            if not value.en.strip() or not value.zh.strip():
                violations.append(f"{s.id}: {field} is missing a language")
        if not s.observations:
            violations.append(f"{s.id}: no observations")
    assert not violations, "\n".join(violations)


def test_seed_facts_are_all_curated(catalogue):
    """The issue's inventory: 15 officials, 14 attending bodies, 3 experiences, 6 proposals."""
    assert len(catalogue.participants) == 15
    assert len(catalogue.attending_bodies) == 14
    kinds = [s.kind for s in catalogue.statements]
    assert kinds.count("experience") == 3
    assert kinds.count("proposal") == 6
    assert [t.year for t in catalogue.theme_years] == list(range(2016, 2022))
    members = {g.code: set(g.members) for g in catalogue.groups}
    assert len(members["ASEAN10"]) == 10 and "CHN" not in members["ASEAN10"]
    assert members["ASEAN6"] <= members["ASEAN10"]
