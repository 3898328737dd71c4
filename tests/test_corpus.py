"""Every broken data set in the corpus gives its exact message, from `validate` and on the page."""

from __future__ import annotations

import io
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.__main__ import main
from dashboard.present.i18n import t
from tests.corpus import CASES, Case

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "web" / "app.py")


def test_the_corpus_is_large_enough():
    assert len(CASES) >= 40
    assert len({c.name for c in CASES}) == len(CASES)


@pytest.fixture(params=CASES, ids=[c.name for c in CASES])
def broken(request, data_copy, monkeypatch) -> tuple[Path, str]:
    case: Case = request.param
    for key, value in (case.env or {}).items():
        monkeypatch.setenv(key, value)
    if case.unreadable:
        original = Path.read_bytes

        def read_bytes(self: Path) -> bytes:
            if self.name == case.unreadable:
                raise PermissionError(13, "Permission denied", str(self))
            return original(self)

        monkeypatch.setattr(Path, "read_bytes", read_bytes)
    return data_copy, case.make(data_copy)


def test_validate_prints_the_exact_message(broken):
    data_dir, expected = broken
    err = io.StringIO()
    with redirect_stdout(io.StringIO()), redirect_stderr(err):
        code = main(["validate", str(data_dir)])
    assert code == 1
    assert expected in err.getvalue().splitlines(), err.getvalue()


def test_the_page_shows_the_exact_message(broken, monkeypatch):
    data_dir, expected = broken
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_dir))
    at = AppTest.from_file(APP, default_timeout=60).run()
    assert not at.exception
    assert t("data_error_title", "en") in [e.value for e in at.error]
    assert expected in at.code[0].value.splitlines()
