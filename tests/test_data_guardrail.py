"""Guardrail over every shipped data file: one test run lists every violation."""

from __future__ import annotations

import re

import pytest
import yaml

from dashboard.data.loading import data_files, load_catalogue
from dashboard.data.problems import DataError
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
    # ASEAN's membership today (Timor-Leste since 26 October 2025) and in 2020, both named.
    assert members["ASEAN11"] == members["ASEAN10"] | {"TLS"}
    letters = [p.name.en for p in catalogue.participants if not p.took_part]
    assert letters == ["Li Keqiang", "Nguyen Xuan Phuc"]


def test_every_verified_english_name_cites_an_english_page_with_a_url(catalogue):
    sources = {s.id: s for s in catalogue.sources}
    violations = [
        f"{p.id}: verified on the seed alone"
        for p in catalogue.participants
        if p.name_en_status == "verified"
        and not any(sources[s].language == "en" and sources[s].url for s in p.sources)
    ]
    assert not violations, "\n".join(violations)


# Each way the facts went wrong before, and the message the validator now gives for it: the edit
# to a copy of the shipped data, the file, and what the report must say (with file:line).
BROKEN = [
    pytest.param(
        "participants.yaml",
        "sources: [miit-2020-06-12-opening, mtic-2020-08-19-abdul-mutalib]",
        "sources: [miit-2020-06-12-opening]",
        r"data/participants.yaml:\d+: participants\[6\]\.name_en_status: 'verified' needs an English-language source",
        id="english-name-verified-on-the-chinese-seed-alone",
    ),
    pytest.param(
        "sources.yaml",
        "    licence: {form: not-recorded}\n    citation: ASEAN-China Centre (2020), ACC",
        "    licence: {name: All rights reserved; quoted for citation}\n    citation: ASEAN-China Centre (2020), ACC",
        r"data/sources.yaml:\d+: sources\[1\]\.licence: unknown key 'name'",
        id="licence-assumed-instead-of-recorded",
    ),
    pytest.param(
        "sources.yaml",
        "    licence: {form: not-recorded}\n    citation: ASEAN-China Centre (2020), ACC",
        "    licence: {form: stated}\n    citation: ASEAN-China Centre (2020), ACC",
        r"data/sources.yaml:\d+: sources\[1\]\.licence: .*give `statement`",
        id="licence-stated-without-the-pages-words",
    ),
    pytest.param(
        "sources.yaml",
        "url: https://mida.gov.my/?p=34353",
        "url: null",
        r"data/figures.yaml:\d+: series\[1\]\.observations\[8\]\.status: 'verified' needs a source with a URL",
        id="verified-figure-without-a-url",
    ),
    pytest.param(
        "countries.yaml",
        'members: ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"]',
        'members: ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM"]',
        r"data/countries.yaml:\d+: groups\[0\]\.members\[9\]: 'TLS' was not an ASEAN member on 2020-06-12",
        id="timor-leste-in-the-2020-group",
    ),
    pytest.param(
        "countries.yaml",
        'members: ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM"]\n    asean_membership_as_of: "2025-10-26"\n  - code: "ASEAN6"',
        'members: ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"]\n    asean_membership_as_of: "2025-10-26"\n  - code: "ASEAN6"',
        r"data/countries.yaml:\d+: groups\[1\]\.members: ASEAN members on 2025-10-26 missing from the group: TLS",
        id="current-asean-without-timor-leste",
    ),
    pytest.param(
        "countries.yaml",
        'member_since: "1999-04-30"',
        'member_since: "1998-04-30"',
        r"data/countries.yaml:\d+: countries\[2\]\.asean\.quote: the year 1998 of member_since does not appear",
        id="membership-date-not-in-its-quote",
    ),
    pytest.param(
        "participants.yaml",
        '    name_en_status: inferred\n    represents: "VNM"\n    organisation: {zh: 越南信息通信部',
        '    name_en_status: inferred\n    represents: "TLS"\n    organisation: {zh: 越南信息通信部',
        r"data/participants.yaml:\d+: participants\[14\]\.represents: 'TLS' was not an ASEAN member on the event's date 2020-06-12",
        id="participant-from-a-country-not-then-a-member",
    ),
]


@pytest.mark.parametrize(("file", "old", "new", "expected"), BROKEN)
def test_the_validator_names_each_kind_of_wrong_fact(data_copy, file, old, new, expected):
    path = data_copy / file
    text = path.read_text(encoding="utf-8")
    assert old in text, f"the shipped {file} no longer has the text this case edits"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")
    with pytest.raises(DataError) as caught:
        load_catalogue(data_copy)
    report = caught.value.report()
    assert re.search(expected, report), report
