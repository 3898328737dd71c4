"""Milestones: sourced, quoted, and shown to the countries they concern on their date."""

from __future__ import annotations

import pytest

from dashboard.data import frames
from dashboard.data.loading import load_catalogue
from dashboard.data.model import build_model
from dashboard.data.problems import DataError
from dashboard.present import views
from tests.conftest import DATA


@pytest.fixture(scope="module")
def model():
    return build_model(DATA)


def test_the_command_line_table_lists_every_milestone_in_date_order(catalogue):
    table = frames.milestones(catalogue)
    assert len(table) == len(catalogue.milestones) >= 3
    assert list(table["date"]) == sorted(table["date"])
    assert table["source_url"].str.startswith("http").all() and table["quote"].str.len().gt(0).all()


def test_a_step_that_concerns_asean_shows_for_the_members_of_its_day(model):
    ids = lambda selected: set(views.milestones_for(model, selected)["id"])  # noqa: E731
    assert "opening-2020-06-12" in ids(("VNM",))
    # Timor-Leste joined on 26 October 2025: the 2020 opening does not concern it, its admission does
    assert "opening-2020-06-12" not in ids(("TLS",)) and "timor-leste-admitted-2025" in ids(("TLS",))
    assert "timor-leste-admitted-2025" not in ids(("VNM",))
    assert ids(()) == set(model.milestones["id"])


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_timeline_chart_has_a_marker_per_milestone_and_their_sources(model, lang):
    v = views.timeline(model, lang, ())
    assert sum(len(tr.x) for tr in v.chart.figure.data) == len(model.milestones) == v.shown
    assert v.chart.source.startswith("Source:" if lang == "en" else "来源：")
    assert v.table.num_rows == v.shown
    # a marker's hover gives the quote it rests on and its source
    hovers = [row for tr in v.chart.figure.data for row in tr.customdata]
    assert all(row[2].startswith("“") and row[3] for row in hovers)


def test_a_milestone_with_an_unknown_code_or_a_quote_without_its_year_is_refused(data_copy):
    path = data_copy / "milestones.yaml"
    text = path.read_text(encoding="utf-8")
    text = text.replace("      - TLS", "      - XXX", 1)
    text = text.replace("quote: 2019年第22次", "quote: 第22次", 1)
    path.write_text(text, encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_catalogue(data_copy)
    messages = [str(p) for p in err.value.problems]
    assert any("milestones.yaml:" in m and "'XXX' is not a country code or ASEAN" in m for m in messages), (
        messages
    )
    assert any("the year 2019 of the date does not appear in the quote" in m for m in messages), messages


def test_a_year_taken_from_the_page_date_must_match_it(data_copy):
    """ADGMIN 3 ("concluded on Friday, Feb. 10") takes its year from its page, dated 2023-02-12."""
    path = data_copy / "milestones.yaml"
    text = path.read_text(encoding="utf-8")
    assert 'date: "2023-02-10"' in text or "date: '2023-02-10'" in text
    path.write_text(text.replace("2023-02-10", "2022-02-10", 1), encoding="utf-8")
    with pytest.raises(DataError) as err:
        load_catalogue(data_copy)
    assert any("the page is dated 2023-02-12, not in 2022" in str(p) for p in err.value.problems)
