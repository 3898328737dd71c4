"""Chart builders are pure: the figure reflects exactly the rows given, with provenance inside."""

from __future__ import annotations

import pytest

from dashboard import charts, frames


@pytest.fixture(scope="module")
def obs(catalogue):
    return frames.observations(catalogue)


def annotations(fig) -> list[str]:
    return [a.text for a in fig.layout.annotations]


def test_gmv_chart_shows_only_the_filtered_countries(obs):
    rows = frames.series_rows(obs, "internet_economy_gmv")
    rows = frames.filter_countries(rows[~rows["is_group"]], ["THA", "PHL"])
    ch = charts.gmv_by_country(rows, "en")
    assert {x for trace in ch.figure.data for x in trace.x} == {"Thailand", "Philippines"}
    assert set(ch.table["entity"]) == {"THA", "PHL"}
    assert len(ch.table) == len(rows)
    projected = [trace for trace in ch.figure.data if "projection" in trace.name]
    assert projected and all(trace.marker.pattern.shape == "/" for trace in projected)
    sources = annotations(ch.figure)[-1]
    assert sources.startswith("Source: ") and "Bangkok Post" in sources and "ABS-CBN News" in sources


def test_share_chart_draws_the_projection_differently(obs):
    ch = charts.gmv_share_of_gdp(frames.series_rows(obs, "internet_economy_gmv_share_of_gdp"), "en")
    actual, projection = ch.figure.data
    assert list(actual.x) == [2015, 2018] and actual.line.dash is None
    assert list(projection.x) == [2018, 2025] and projection.line.dash == "dash"
    assert "8.5% (projection)" in projection.text
    assert "GMV is not value added" in ch.figure.layout.title.text
    assert "1.3%" in ch.alt and "8.5%" in ch.alt


def test_more_than_qualifier_is_kept_in_labels(obs):
    rows = obs[obs["series_id"].isin(["students_in_remote_education", "remote_office_users"])]
    ch = charts.pandemic_people(rows, "en")
    assert list(ch.figure.data[0].text) == ["more than 200 m", "more than 300 m"]
    ch_zh = charts.pandemic_people(rows, "zh")
    assert all(label.startswith("超过") for label in ch_zh.figure.data[0].text)


def test_ct_range_is_drawn_from_low_to_high(obs, catalogue):
    series = next(s for s in catalogue.series if s.id == "ct_diagnosis_minutes")
    cats = {k: {"en": v.en, "zh": v.zh} for k, v in series.categories.items()}
    ch = charts.ct_diagnosis_range(frames.series_rows(obs, "ct_diagnosis_minutes"), "en", cats)
    bar = ch.figure.data[0]
    assert list(bar.base) == [10, 2] and list(bar.x) == [5, 1]
    assert "10-15 minutes" in ch.alt and "2-3 minutes" in ch.alt


def test_national_shares_keep_their_own_definition_and_targets(obs):
    rows = frames.series_rows(obs, "national_digital_economy_share_of_gdp")
    ch = charts.national_digital_share(rows, "en")
    assert set(rows["definition"]) == {"national_digital_economy_share_of_gdp"}
    assert "Definitions differ" in ch.figure.layout.title.text
    targets = [trace for trace in ch.figure.data if "target" in trace.name]
    assert [list(trace.x) for trace in targets] == [[2025]]


def test_empty_selection_gives_a_clear_message(obs):
    rows = frames.filter_countries(frames.series_rows(obs, "internet_economy_gmv"), ["LAO"])
    ch = charts.gmv_by_country(rows, "en", covered="Indonesia, Malaysia")
    assert ch.is_empty
    assert (
        ch.empty_message == "No data for the selected countries on this chart. Covered: Indonesia, Malaysia."
    )


def test_tile_map_draws_no_geography_and_fades_unselected(catalogue):
    rep = frames.representation(catalogue)
    ch = charts.representation_tiles(rep, "en", ["VNM"])
    assert all(trace.type == "scatter" for trace in ch.figure.data)
    assert not ch.figure.layout.geo.scope and len(ch.figure.layout.shapes) == 11
    opacities = {round(shape.opacity, 2) for shape in ch.figure.layout.shapes}
    assert opacities == {1.0, 0.3}
    vnm = rep.set_index("code").loc["VNM"]
    assert vnm["top_rank"] == "head_of_government" and vnm["officials"] == 3


def test_chinese_charts_have_chinese_titles_and_sources(obs):
    ch = charts.gmv_share_of_gdp(frames.series_rows(obs, "internet_economy_gmv_share_of_gdp"), "zh")
    assert ch.figure.layout.title.text.startswith("<b>东南亚互联网经济")
    assert annotations(ch.figure)[-1].startswith("来源: ")
    assert "中华人民共和国工业和信息化部" in annotations(ch.figure)[-1]


def test_figures_use_the_project_template_not_streamlits(obs):
    import streamlit  # noqa: F401 - importing it switches plotly's default template to "streamlit"

    ch = charts.gmv_share_of_gdp(frames.series_rows(obs, "internet_economy_gmv_share_of_gdp"), "en")
    assert ch.figure.layout.template.layout.paper_bgcolor == "#FFFFFF"
    assert ch.figure.layout.template.layout.font.family.startswith('"Noto Sans CJK SC"')


def test_every_chinese_footer_names_the_publisher_in_chinese(catalogue):
    rep = frames.representation(catalogue)
    tiles = charts.representation_tiles(rep, "zh", [])
    people = charts.officials_by_rank(frames.participants(catalogue), "zh")
    for ch in (tiles, people):
        assert annotations(ch.figure)[-1].startswith("来源: 中华人民共和国工业和信息化部 (2020)")


@pytest.mark.parametrize(
    ("values", "lang", "expected"),
    [
        ([160.639, 170.78, 9.5], "en", ["161", "171", "10"]),
        ([12.345, 3.2], "en", ["12.3", "3.2"]),
        ([0.034, 0.51], "zh", ["0.03", "0.51"]),
        ([2500.0, 120.0], "en", ["2.5 k", "120"]),
        ([2500.0, 120.0], "zh", ["2,500", "120"]),
    ],
)
def test_bar_labels_of_one_chart_share_one_precision(values, lang, expected):
    assert charts.bar_labels(values, lang) == expected
