"""Property-based tests (hypothesis): random and mutated inputs never escape as a traceback.

- The loader: every document derived from the real files either loads or raises the project's own
  `DataError` whose every line is `file[:line]: ...`; the data directory never changes.
- The app: random query strings on every page never raise, and unknown values are dropped.
"""

from __future__ import annotations

import hashlib
import re
import shutil
import tempfile
from pathlib import Path

import yaml
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st
from streamlit.testing.v1 import AppTest

from dashboard.data.loading import load_catalogue
from dashboard.data.problems import DataError
from dashboard.present.i18n import t
from dashboard.web.pages import PAGE_FILES
from tests.conftest import DATA

SMALL_FILES = ["countries.yaml", "event.yaml", "participants.yaml", "statements.yaml", "figures.yaml"]
PROBLEM_LINE = re.compile(r"^data/[\w.-]+(:\d+)?: .+$")
TEXTS = {name: (DATA / name).read_text(encoding="utf-8") for name in SMALL_FILES}


def _digest(d: Path) -> dict[str, str]:
    return {p.name: hashlib.sha256(p.read_bytes()).hexdigest() for p in sorted(d.iterdir()) if p.is_file()}


@st.composite
def mutated_file(draw):
    """A real data file with a few random line- and character-level edits."""
    name = draw(st.sampled_from(SMALL_FILES))
    lines = TEXTS[name].splitlines(keepends=True)
    for _ in range(draw(st.integers(1, 4))):
        if not lines:
            break
        i = draw(st.integers(0, len(lines) - 1))
        action = draw(st.sampled_from(["delete", "duplicate", "insert", "swap", "truncate"]))
        if action == "delete":
            del lines[i]
        elif action == "duplicate":
            lines.insert(i, lines[i])
        elif action == "insert":
            j = draw(st.integers(0, len(lines[i])))
            junk = draw(
                st.sampled_from(
                    [
                        ":",
                        "- ",
                        "{",
                        "]",
                        "\t",
                        "&a ",
                        "*a",
                        "NO",
                        "'",
                        '"',
                        "!!str ",
                        "\ufeff",
                        "1e3",
                        ".nan",
                        "\x00",
                    ]
                )
            )
            lines[i] = lines[i][:j] + junk + lines[i][j:]
        elif action == "swap":
            k = draw(st.integers(0, len(lines) - 1))
            lines[i], lines[k] = lines[k], lines[i]
        else:
            lines[i] = lines[i][: draw(st.integers(0, len(lines[i])))]
    return name, "".join(lines)


yaml_values = st.recursive(
    st.none() | st.booleans() | st.integers() | st.floats(allow_nan=True) | st.text(max_size=20),
    lambda children: (
        st.lists(children, max_size=4) | st.dictionaries(st.text(max_size=10), children, max_size=4)
    ),
    max_leaves=20,
)


def _check(name: str, content: str | bytes) -> None:
    with tempfile.TemporaryDirectory() as tmp:
        d = Path(tmp) / "data"
        shutil.copytree(DATA, d, ignore=shutil.ignore_patterns("wdi.yaml"))
        target = d / name
        if isinstance(content, bytes):
            target.write_bytes(content)
        else:
            target.write_text(content, encoding="utf-8", errors="surrogatepass")
        before = _digest(d)
        try:
            load_catalogue(d)
        except DataError as exc:
            lines = exc.report().splitlines()
            assert lines[-1].endswith(("file", "files"))
            bad = [line for line in lines[:-1] if not PROBLEM_LINE.match(line)]
            assert not bad, bad
        assert _digest(d) == before


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(mutated_file())
def test_mutated_real_files_load_or_fail_cleanly(mutation):
    _check(*mutation)


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SMALL_FILES), yaml_values)
def test_random_documents_load_or_fail_cleanly(name, value):
    _check(name, yaml.safe_dump(value, allow_unicode=True))


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(SMALL_FILES), st.binary(max_size=200))
def test_random_bytes_load_or_fail_cleanly(name, content):
    _check(name, content)


APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "web" / "app.py")
PAGES = PAGE_FILES
hostile = st.one_of(
    st.sampled_from(
        [
            "",
            "VNM",
            "vnm",
            "CHN",
            "<script>alert(1)</script>",
            "' OR 1=1 --",
            "%00",
            "\u202e",
            "zh",
            "en",
            "ASEAN10",
            "../../etc/passwd",
            "javascript:alert(1)",
            "[x](javascript:alert(1))",
        ]
    ),
    st.text(max_size=30),
    st.text(min_size=500, max_size=3000),
)
queries = st.dictionaries(
    st.sampled_from(["country", "lang", "indicator", "year", "embed", "x"]),
    st.lists(hostile, min_size=0, max_size=4),
    max_size=4,
)


@settings(max_examples=30, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.sampled_from(PAGES), queries)
def test_random_query_strings_never_break_a_page(page, query):
    at = AppTest.from_file(APP, default_timeout=60)
    for key, values in query.items():
        at.query_params[key] = values
    if page != "overview.py":
        at.switch_page(f"app_pages/{page}")
    at.run()
    assert not at.exception
    countries = at.multiselect(key="country").value
    assert set(countries) <= {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "CHN"}
    asked = set(query.get("country", []))
    assert set(countries) == asked & {
        "BRN",
        "KHM",
        "IDN",
        "LAO",
        "MYS",
        "MMR",
        "PHL",
        "SGP",
        "THA",
        "VNM",
        "CHN",
    }
    unknown = [v for v in query.get("country", []) if v not in set(countries)]
    if unknown:
        langs = [v for v in query.get("lang", []) if v in ("en", "zh")]
        notice = t("dropped_params", langs[-1] if langs else "en", values="")
        assert any(w.value.startswith(notice) for w in at.warning)
