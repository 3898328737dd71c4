"""The loader's promise to curators: every problem, at once, as `file:line: path: message`."""

from __future__ import annotations

import hashlib
import os
from pathlib import Path

import pytest

from dashboard.loading import DataError, load_catalogue

SERIES_HEADER = """series:
  - id: test_series
    title: {en: Test, zh: 测试}
    unit: {en: percent of GDP, zh: 占GDP百分比}
    short_unit: "%"
    percent: true
    definition: internet_economy_gmv_share_of_gdp
    description: {en: A test series., zh: 测试序列。}
    processing: {en: None., zh: 无。}
    observations:
"""
OBS = '      - {entity: "VNM", year: 2020, value: 12, kind: actual, source: miit-2020-06-12-opening, status: verified}\n'


def series_file(*observations: str) -> str:
    return SERIES_HEADER + "".join(observations)


def errors(data_dir: Path) -> list[str]:
    with pytest.raises(DataError) as info:
        load_catalogue(data_dir)
    return [str(p) for p in info.value.problems]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


def line_of(path: Path, needle: str) -> int:
    for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        if needle in line:
            return n
    raise AssertionError(needle)


# Each case: (id, file to write, content builder, expected message with {line} where relevant).
SERIES_CASES = [
    ("syntax error", series_file(OBS) + "  - {entity: [\n", "data/figures.yaml:12: YAML syntax error"),
    (
        "tab indent",
        series_file(OBS).replace("    short_unit", "\tshort_unit"),
        "data/figures.yaml:5: YAML syntax error: while scanning for the next token found character",
    ),
    (
        "unknown key",
        series_file(OBS.replace("status: verified", "status: verified, licence_url: x")),
        "data/figures.yaml:11: series[0].observations[0]: unknown key 'licence_url'",
    ),
    (
        "wrong type",
        series_file(OBS.replace("year: 2020", "year: twenty")),
        "data/figures.yaml:11: series[0].observations[0].year: Input should be a valid integer, got text 'twenty'",
    ),
    (
        "missing field",
        series_file(OBS.replace(" kind: actual,", "")),
        "data/figures.yaml:11: series[0].observations[0]: required key 'kind' is missing",
    ),
    (
        "unquoted NO",
        series_file(OBS.replace('"VNM"', "NO")),
        "data/figures.yaml:11: series[0].observations[0].entity: expected text, got false: "
        "YAML reads bare yes/no/on/off/NO as a boolean; put the value in quotes",
    ),
    (
        "unknown country",
        series_file(OBS.replace('"VNM"', '"XQZ"')),
        "data/figures.yaml:11: series[0].observations[0].entity: 'XQZ' is not a known country or group code",
    ),
    (
        "unknown source",
        series_file(OBS.replace("miit-2020-06-12-opening", "nowhere")),
        "data/figures.yaml:11: series[0].observations[0].source: 'nowhere' is not a known source id (see sources.yaml)",
    ),
    (
        "range reversed",
        series_file(OBS.replace("value: 12", "low: 15, high: 10")),
        "data/figures.yaml:11: series[0].observations[0]: range reversed: low 15 is greater than high 10",
    ),
    (
        "percentage over 100",
        series_file(OBS.replace("value: 12", "value: 120")),
        "data/figures.yaml:11: series[0].observations[0].value: 120 is not a percentage (0-100)",
    ),
    (
        "observations disagree",
        series_file(OBS, OBS.replace("value: 12", "value: 13")),
        "data/figures.yaml:12: series[0].observations[1]: disagrees with observations[0] (VNM 2020 actual)",
    ),
    (
        "number not in quote",
        series_file(OBS.replace("status: verified", 'status: verified, quote: "about 11 percent"')),
        "data/figures.yaml:11: series[0].observations[0].quote: the number 12 does not appear in the quote",
    ),
    ("empty file", "# nothing here\n", "data/figures.yaml:1: file is empty"),
    (
        "list where a mapping belongs",
        "- a\n- b\n",
        "data/figures.yaml:1: the top level must be a mapping, got a list",
    ),
    (
        "python object tag",
        "series: !!python/object/apply:os.system ['echo hacked']\n",
        "data/figures.yaml:1: could not determine a constructor for the tag "
        "'tag:yaml.org,2002:python/object/apply:os.system': only plain YAML is allowed (safe loader)",
    ),
    (
        "alias bomb",
        'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
        "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n",
        "data/figures.yaml:2: b[0]: YAML anchors and aliases (&, *) are not allowed",
    ),
    (
        "duplicate key in a mapping",
        series_file(OBS.replace("year: 2020", "year: 2020, year: 2021")),
        "data/figures.yaml:11: series[0].observations[0]: duplicate key 'year' (first at line 11)",
    ),
    (
        "unquoted date",
        series_file(OBS),
        None,
    ),
]


@pytest.mark.parametrize(
    "name,content,expected", [c for c in SERIES_CASES if c[2]], ids=[c[0] for c in SERIES_CASES if c[2]]
)
def test_broken_series_file_is_reported_with_file_line_and_path(data_copy: Path, name, content, expected):
    (data_copy / "figures.yaml").write_text(content, encoding="utf-8")
    found = errors(data_copy)
    assert any(e.startswith(expected) for e in found), f"{name}: expected {expected!r} in {found}"


def test_duplicate_id_names_both_places(data_copy: Path):
    sources = data_copy / "sources.yaml"
    replace(sources, "id: acc-2020-06-opening", "id: miit-2020-06-12-opening")
    line = [
        n
        for n, text in enumerate(sources.read_text(encoding="utf-8").splitlines(), 1)
        if text.strip() == "- id: miit-2020-06-12-opening"
    ][1]
    found = errors(data_copy)
    assert (
        f"data/sources.yaml:{line}: sources[1].id: duplicate source id 'miit-2020-06-12-opening' (also sources[0])"
        in found
    )


def test_unquoted_date_is_explained(data_copy: Path):
    event = data_copy / "event.yaml"
    replace(event, 'date: "2020-06-12"', "date: 2020-06-12")
    line = line_of(event, "  date: 2020-06-12")
    assert errors(data_copy) == [
        f'data/event.yaml:{line}: event.date: expected a quoted date string, got an unquoted date: write "2020-06-12"'
    ]


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


def test_field_tag_must_match_the_statement_text(data_copy: Path):
    statements = data_copy / "statements.yaml"
    replace(statements, "fields: [cybersecurity]", "fields: [blockchain]")
    line = line_of(statements, "fields: [blockchain]")
    assert errors(data_copy) == [
        f"data/statements.yaml:{line}: statements[8].fields[0]: tagged 'blockchain' but the text contains none "
        "of its keywords ['区块链']"
    ]


def test_oversized_file_is_refused_before_parsing(data_copy: Path):
    (data_copy / "figures.yaml").write_text("x: " + "y" * 999_997 + "\n", encoding="utf-8")
    with pytest.raises(DataError) as info:
        load_catalogue(data_copy, max_bytes=600_000)
    assert [str(p) for p in info.value.problems] == [
        "data/figures.yaml: file is 1000001 bytes, over the 600000-byte limit; refused"
    ]


def test_missing_required_file(data_copy: Path):
    (data_copy / "sources.yaml").unlink()
    assert errors(data_copy) == ["data/sources.yaml: required file is missing"]


def test_directory_where_a_file_belongs(data_copy: Path):
    (data_copy / "extra.yaml").mkdir()
    assert errors(data_copy) == ["data/extra.yaml: is a directory; expected a YAML file"]


def test_symlink_leading_outside_is_refused(data_copy: Path, tmp_path: Path):
    outside = tmp_path / "outside.yaml"
    outside.write_text(series_file(OBS), encoding="utf-8")
    os.symlink(outside, data_copy / "linked.yaml")
    assert errors(data_copy) == [
        "data/linked.yaml: is a symbolic link leading outside the data directory; refused"
    ]


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
