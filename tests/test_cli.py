"""The curator's command line: exit codes and output people script against."""

from __future__ import annotations

import io
import json
from contextlib import redirect_stderr, redirect_stdout
from pathlib import Path

import pandas as pd

from dashboard.__main__ import main
from tests.conftest import DATA


def run(*argv: str) -> tuple[int, str, str]:
    out, err = io.StringIO(), io.StringIO()
    with redirect_stdout(out), redirect_stderr(err):
        code = main(list(argv))
    return code, out.getvalue(), err.getvalue()


def test_validate_passes_on_shipped_data_with_a_summary():
    code, out, _ = run("validate", str(DATA))
    assert code == 0
    assert "files valid: 12 countries, 6 groups" in out and "32 milestones" in out
    assert "15 participants" in out


def test_validate_fails_with_the_full_error_list(data_copy: Path):
    (data_copy / "figures.yaml").write_text("series: 3\n", encoding="utf-8")
    (data_copy / "statements.yaml").write_text("", encoding="utf-8")
    code, out, err = run("validate", str(data_copy))
    assert code == 1 and out == ""
    assert err.splitlines() == [
        "data/figures.yaml:1: series: expected a list, got int 3",
        "data/statements.yaml:1: file is empty",
        "2 errors in 2 files",
    ]


def test_table_participants_csv_lists_all_officials_in_both_languages():
    code, out, _ = run("table", "participants", "--format", "csv")
    assert code == 0
    frame = pd.read_csv(io.StringIO(out))
    assert len(frame) == 15
    assert {"李克强", "苗圩", "林玉辉"} <= set(frame["name_zh"])
    assert {"Li Keqiang", "Miao Wei", "Lim Jock Hoi"} <= set(frame["name_en"])


def test_table_json_is_records(data_copy: Path):
    code, out, _ = run("table", "sources", "--data", str(data_copy), "--format", "json")
    assert code == 0
    records = json.loads(out)
    assert all(r["url"] is None or r["url"].startswith("http") for r in records)
    assert any(r["publisher_zh"].startswith("中华人民共和国工业和信息化部") for r in records)
    # what a repost copies and how the licence reads are in the table too
    assert any(r["mirror_of_en"] == "Jakarta Globe" for r in records)
    assert {r["licence_form"] for r in records} <= {"cc-by-4.0", "stated", "not-stated", "not-recorded"}
