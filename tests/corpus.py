"""A corpus of broken data directories, each beside the exact message a curator must see.

Each case mutates a fresh copy of the shipped data. `{csv}`-style placeholders are not needed:
series cases replace figures.yaml with a small file whose lines are known; the others locate
the line they broke with `line_of`.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

SERIES_HEADER = """series:
  - id: test_series
    title: {en: Test, zh: 测试}
    unit: {en: percent of GDP, zh: 占GDP百分比}
    short_unit: "%"
    percent: true
    decimal_places: 1
    definition: internet_economy_gmv_share_of_gdp
    description: {en: A test series., zh: 测试序列。}
    processing: {en: None., zh: 无。}
    observations:
"""
OBS = '      - {entity: "VNM", year: 2020, value: 12, kind: actual, source: miit-2020-06-12-opening, status: verified}\n'
OBS_LINE = 12


def series_file(*observations: str) -> str:
    return SERIES_HEADER + "".join(observations)


def line_of(path: Path, needle: str, occurrence: int = 0) -> int:
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    return hits[occurrence]


def replace(path: Path, old: str, new: str) -> None:
    text = path.read_text(encoding="utf-8")
    assert old in text, f"corpus fixture text {old!r} not found in {path.name}"
    path.write_text(text.replace(old, new, 1), encoding="utf-8")


@dataclass
class Case:
    """`make(data_dir)` breaks the copy and returns the exact message expected."""

    name: str
    make: Callable[[Path], str]
    env: dict[str, str] | None = None
    unreadable: str | None = None  # simulate a file the server may not read (root ignores chmod)


def figures(text: str, expected: str) -> Callable[[Path], str]:
    def make(d: Path) -> str:
        (d / "figures.yaml").write_text(text, encoding="utf-8")
        return expected

    return make


def obs(old: str, new: str, message: str, line: int = OBS_LINE) -> Callable[[Path], str]:
    return figures(series_file(OBS.replace(old, new)), f"data/figures.yaml:{line}: {message}")


def edit(
    file: str, old: str, new: str, needle: str, message: str, occurrence: int = 0
) -> Callable[[Path], str]:
    def make(d: Path) -> str:
        replace(d / file, old, new)
        return f"data/{file}:{line_of(d / file, needle, occurrence)}: {message}"

    return make


def _symlink(d: Path) -> str:
    outside = d.parent / "outside.yaml"
    outside.write_text(series_file(OBS), encoding="utf-8")
    os.symlink(outside, d / "linked.yaml")
    return "data/linked.yaml: is a symbolic link leading outside the data directory; refused"


def _directory(d: Path) -> str:
    (d / "countries.yaml").unlink()
    (d / "countries.yaml").mkdir()
    return "data/countries.yaml: is a directory; expected a YAML file"


def _missing(d: Path) -> str:
    (d / "sources.yaml").unlink()
    return "data/sources.yaml: required file is missing"


def _latin1(d: Path) -> str:
    (d / "figures.yaml").write_bytes(
        series_file(OBS).replace("测试", "x").encode() + "# café\n".encode("latin-1")
    )
    size = len(series_file(OBS).replace("测试", "x").encode())
    return f"data/figures.yaml: is not UTF-8 text (byte {size + 5} cannot be decoded)"


def _bom(d: Path) -> str:
    (d / "figures.yaml").write_bytes(b"\xef\xbb\xbf" + series_file(OBS.replace('"VNM"', '"ZZZ"')).encode())
    return f"data/figures.yaml:{OBS_LINE}: series[0].observations[0].entity: 'ZZZ' is not a known country or group code"


def _crlf(d: Path) -> str:
    text = series_file(OBS, OBS.replace("value: 12", "value: 101")).replace("\n", "\r\n")
    (d / "figures.yaml").write_bytes(text.encode())
    return (
        f"data/figures.yaml:{OBS_LINE + 1}: series[0].observations[1].value: 101 is not a percentage (0-100)"
    )


def _oversized(d: Path) -> str:
    (d / "figures.yaml").write_text("x: " + "y" * 999_997 + "\n", encoding="utf-8")
    return "data/figures.yaml: file is 1000001 bytes, over the 600000-byte limit; refused"


def _unreadable(d: Path) -> str:
    return "data/event.yaml: cannot be read: Permission denied"


DEEP = "a: " + "[" * 80 + "]" * 80 + "\n"
BOMB = (
    'a: &a ["x","x","x","x","x","x","x","x","x"]\nb: &b [*a,*a,*a,*a,*a,*a,*a,*a,*a]\n'
    "c: &c [*b,*b,*b,*b,*b,*b,*b,*b,*b]\nd: [*c,*c,*c,*c,*c,*c,*c,*c,*c]\n"
)
BOOL_HINT = "YAML reads bare yes/no/on/off/NO as a boolean; put the value in quotes"
P = "series[0].observations[0]"

CASES = [
    Case(
        "syntax error",
        figures(
            series_file(OBS) + "  - {entity: [\n",
            "data/figures.yaml:13: YAML syntax error: while parsing a flow node did not find expected node content (the file ends before a bracket or quote is closed)",
        ),
    ),
    Case(
        "tab indent",
        figures(
            series_file(OBS).replace("    short_unit", "\tshort_unit"),
            "data/figures.yaml:5: YAML syntax error: while scanning for the next token found character that cannot start any token (tabs cannot indent YAML; use spaces)",
        ),
    ),
    Case(
        "unknown key",
        obs("status: verified", "status: verified, licence_url: x", f"{P}: unknown key 'licence_url'"),
    ),
    Case(
        "wrong type",
        obs("year: 2020", "year: twenty", f"{P}.year: Input should be a valid integer, got text 'twenty'"),
    ),
    Case("missing field", obs(" kind: actual,", "", f"{P}: required key 'kind' is missing")),
    Case("unquoted NO", obs('"VNM"', "NO", f"{P}.entity: expected text, got false: {BOOL_HINT}")),
    Case("unknown country", obs('"VNM"', '"XQZ"', f"{P}.entity: 'XQZ' is not a known country or group code")),
    Case(
        "look-alike country code",
        obs('"VNM"', '"VNМ"', f"{P}.entity: 'VNМ' is not an entity code (upper-case letters, digits or _)"),
    ),
    Case(
        "unknown source",
        obs(
            "miit-2020-06-12-opening",
            "nowhere",
            f"{P}.source: 'nowhere' is not a known source id (see sources.yaml)",
        ),
    ),
    Case(
        "range reversed",
        obs("value: 12", "low: 15, high: 10", f"{P}: range reversed: low 15 is greater than high 10"),
    ),
    Case(
        "value and range",
        obs(
            "value: 12",
            "value: 12, low: 1, high: 2",
            f"{P}: give either value, or low and high (a range), not both and not neither",
        ),
    ),
    Case(
        "percentage over 100", obs("value: 12", "value: 120", f"{P}.value: 120 is not a percentage (0-100)")
    ),
    Case("huge number", obs("value: 12", "value: 1.0e+300", f"{P}.value: value 1e+300 is implausibly large")),
    Case(
        "exponent read as text",
        obs(
            "value: 12",
            "value: 1e3",
            f"{P}.value: '1e3' is read as text: YAML 1.1 needs a dot and a sign in exponents (write 1.0e+3)",
        ),
    ),
    Case(
        "NaN",
        obs("value: 12", "value: .nan", f"{P}.value: value must be a finite number (not NaN or infinity)"),
    ),
    Case(
        "infinity",
        obs("value: 12", "value: .inf", f"{P}.value: value must be a finite number (not NaN or infinity)"),
    ),
    Case(
        "year out of range",
        obs("year: 2020", "year: 1800", f"{P}.year: year 1800 is outside the plausible range 1990-2035"),
    ),
    Case(
        "unknown kind",
        obs(
            "kind: actual",
            "kind: guess",
            f"{P}.kind: 'guess' is not one of 'actual', 'estimate', 'projection' or 'target'",
        ),
    ),
    Case(
        "number not in quote",
        obs(
            "status: verified",
            'status: verified, quote: "about 11 percent"',
            f"{P}.quote: the number 12 does not appear in the quote",
        ),
    ),
    Case(
        "observations disagree",
        figures(
            series_file(OBS, OBS.replace("value: 12", "value: 13")),
            f"data/figures.yaml:{OBS_LINE + 1}: series[0].observations[1]: disagrees with observations[0] (VNM 2020 actual)",
        ),
    ),
    Case(
        "observation repeated",
        figures(
            series_file(OBS, OBS),
            f"data/figures.yaml:{OBS_LINE + 1}: series[0].observations[1]: repeats observations[0] (VNM 2020 actual)",
        ),
    ),
    Case(
        "duplicate key in a mapping",
        obs("year: 2020", "year: 2020, year: 2021", f"{P}: duplicate key 'year' (first at line {OBS_LINE})"),
    ),
    Case(
        "category not defined",
        obs(
            "kind: actual",
            "kind: actual, category: before_ai",
            f"{P}.category: the series defines no categories",
        ),
    ),
    Case(
        "unknown definition",
        figures(
            series_file(OBS).replace("definition: internet_economy_gmv_share_of_gdp", "definition: vibes"),
            "data/figures.yaml:8: series[0].definition: 'vibes' is not a known definition id",
        ),
    ),
    Case("empty file", figures("# nothing here\n", "data/figures.yaml:1: file is empty")),
    Case(
        "null document",
        figures("~\n", "data/figures.yaml:1: the top level must be a mapping, got nothing (null)"),
    ),
    Case(
        "list where a mapping belongs",
        figures("- a\n- b\n", "data/figures.yaml:1: the top level must be a mapping, got a list"),
    ),
    Case(
        "two documents",
        figures(
            "series: []\n---\nseries: []\n",
            "data/figures.yaml:2: YAML syntax error: expected a single document in the stream but found another document",
        ),
    ),
    Case(
        "python object tag",
        figures(
            "series: !!python/object/apply:os.system ['echo hacked']\n",
            "data/figures.yaml:1: could not determine a constructor for the tag 'tag:yaml.org,2002:python/object/apply:os.system': only plain YAML is allowed (safe loader)",
        ),
    ),
    Case(
        "alias bomb",
        figures(BOMB, "data/figures.yaml:2: b[0]: YAML anchors and aliases (&, *) are not allowed"),
    ),
    Case(
        "merge key",
        figures(
            "base: {a: 1}\nseries:\n  - <<: {id: x}\n",
            "data/figures.yaml:3: series[0]: YAML merge keys (<<) are not allowed",
        ),
    ),
    Case(
        "deep nesting",
        figures(
            DEEP,
            "data/figures.yaml:1: a[0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0][0]: nesting is deeper than 64 levels; refused",
        ),
    ),
    Case("not UTF-8", _latin1),
    Case("BOM with an error keeps line numbers", _bom),
    Case("CRLF with an error keeps line numbers", _crlf),
    Case("oversized file", _oversized, env={"DASHBOARD_MAX_FILE_BYTES": "600000"}),
    Case("unreadable file", _unreadable, unreadable="event.yaml"),
    Case("directory where a file belongs", _directory),
    Case("symlink leading outside", _symlink),
    Case("missing required file", _missing),
    Case(
        "duplicate source id",
        edit(
            "sources.yaml",
            "id: acc-2020-06-opening",
            "id: miit-2020-06-12-opening",
            "- id: miit-2020-06-12-opening",
            "sources[1].id: duplicate source id 'miit-2020-06-12-opening' (also sources[0])",
            occurrence=1,
        ),
    ),
    Case(
        "bad URL",
        edit(
            "sources.yaml",
            "url: https://mida.gov.my/?p=34353",
            "url: mida dot gov",
            "url: mida dot gov",
            "sources[20].url: 'mida dot gov' is not a valid http(s) URL",
        ),
    ),
    Case(
        "impossible date",
        edit(
            "sources.yaml",
            'date_published: "2020-03-11"',
            'date_published: "2020-02-30"',
            '"2020-02-30"',
            "sources[6].date_published: '2020-02-30' is not a real calendar date",
        ),
    ),
    Case(
        "unquoted date",
        edit(
            "event.yaml",
            'date: "2020-06-12"',
            "date: 2020-06-12",
            "  date: 2020-06-12",
            'event.date: expected a quoted date string, got an unquoted date: write "2020-06-12"',
        ),
    ),
    Case(
        "translation without attribution",
        edit(
            "event.yaml",
            "      translation_by: ours\n    meeting",
            "    meeting",
            "    text:",
            "event.designation.text: a translation needs translation_by: ours or source",
        ),
    ),
    Case(
        "unknown group member",
        edit(
            "countries.yaml",
            'members: ["KHM", "LAO", "MMR", "VNM"]',
            'members: ["KHM", "LAO", "XXX", "VNM"]',
            '"XXX"',
            "groups[3].members[2]: 'XXX' is not a known country code",
        ),
    ),
    Case(
        "tile collision",
        edit(
            "countries.yaml",
            "tile: {row: 4, col: 1}",
            "tile: {row: 4, col: 2}",
            "tile: {row: 4, col: 2}",
            "countries[8].tile: tile (4, 2) is already taken by 'IDN'",
            occurrence=1,
        ),
    ),
    Case(
        "unknown speaker",
        edit(
            "statements.yaml",
            "speaker: lim-jock-hoi",
            "speaker: lim-jock-hui",
            "speaker: lim-jock-hui",
            "statements[9].speaker: 'lim-jock-hui' is not a known participant id",
        ),
    ),
    Case(
        "field tag not in the text",
        edit(
            "statements.yaml",
            "fields: [cybersecurity]",
            "fields: [blockchain]",
            "fields: [blockchain]",
            "statements[8].fields[0]: tagged 'blockchain' but the text contains none of its keywords ['区块链']",
        ),
    ),
    Case(
        "unknown rank",
        edit(
            "participants.yaml",
            "rank: deputy_minister\n    other_readings",
            "rank: intern\n    other_readings",
            "rank: intern",
            "participants[11].rank: 'intern' is not one of 'head_of_government', 'minister', 'deputy_minister', 'senior_official' or 'secretary_general'",
        ),
    ),
]
