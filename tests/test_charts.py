"""Chart builders are pure: the figure reflects exactly the rows given, with provenance inside."""

from __future__ import annotations

import pytest

from dashboard.data import frames
from dashboard.present import charts, theme


@pytest.fixture(scope="module")
def obs(catalogue):
    return frames.observations(catalogue)


def test_gmv_chart_shows_only_the_filtered_countries(obs):
    rows = frames.series_rows(obs, "internet_economy_gmv")
    rows = frames.latest_editions(frames.filter_countries(rows[~rows["is_group"]], ["THA", "PHL"]))
    ch = charts.gmv_by_country(rows, "en")
    assert {trace.meta for trace in ch.figure.data} == {"THA", "PHL"}
    assert set(ch.table["entity"]) == {"THA", "PHL"}
    assert len(ch.table) == len(rows)
    projected = [trace for trace in ch.figure.data if "projection" in trace.name]
    assert projected and all(trace.line.dash == "dash" for trace in projected)
    sources = ch.source
    assert sources.startswith("Source: ") and "Bangkok Post" in sources and "ABS-CBN News" in sources


def test_share_chart_draws_the_projection_differently(obs):
    ch = charts.gmv_share_of_gdp(frames.series_rows(obs, "internet_economy_gmv_share_of_gdp"), "en")
    actual, projection = ch.figure.data
    assert list(actual.x) == [2015, 2018] and actual.line.dash is None
    assert list(projection.x) == [2018, 2025] and projection.line.dash == "dash"
    assert any(x.startswith("8.5% (projection") for x in projection.text)
    assert "GMV is not value added" in ch.subtitle
    assert "1.3%" in ch.alt and "8.5%" in ch.alt


def test_more_than_qualifier_is_kept_in_labels(obs):
    rows = obs[obs["series_id"].isin(["students_in_remote_education", "remote_office_users"])]
    ch = charts.pandemic_people(rows, "en")
    assert list(ch.figure.data[0].text) == ["more than 200 m", "more than 300 m"]
    ch_zh = charts.pandemic_people(rows, "zh")
    assert list(ch_zh.figure.data[0].text) == ["超过2亿", "超过3亿"]  # not 超过200百万


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
    assert "Definitions differ" in ch.subtitle
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
    assert not ch.figure.layout.geo.scope and not ch.figure.layout.shapes
    # each tile a square marker a click can select, carrying its country's code
    tiles = [tr for tr in ch.figure.data if tr.mode == "markers+text"]
    codes = [row[0] for tr in tiles for row in tr.customdata]
    assert sorted(codes) == sorted(c.code for c in catalogue.countries) and ch.selectable
    assert all(tr.marker.symbol in ("square", "square-open") for tr in tiles)
    opacity = {code: o for tr in tiles for (code, _), o in zip(tr.customdata, tr.marker.opacity, strict=True)}
    assert opacity["VNM"] == 1.0 and {o for code, o in opacity.items() if code != "VNM"} == {0.3}


def test_tile_map_ranks_who_took_part_and_marks_letters_apart(catalogue):
    """Li Keqiang and Nguyen Xuan Phuc sent letters that others read out: that is not attendance."""
    rep = frames.representation(catalogue).set_index("code")
    assert rep.loc["CHN", "top_rank"] == "minister"  # Miao Wei
    assert rep.loc["VNM", "top_rank"] == "deputy_minister" and rep.loc["VNM", "officials"] == 2
    assert rep.loc["VNM", "letter_from_en"] == "Nguyen Xuan Phuc"
    assert "head_of_government" not in set(rep["top_rank"])
    ch = charts.representation_tiles(rep.reset_index(), "en", [])
    stars = [tr for tr in ch.figure.data if tr.name == "Congratulatory letter from the head of government"]
    assert len(stars) == 1 and len(stars[0].x) == 2
    legend = {tr.name for tr in ch.figure.data if tr.showlegend is not False}
    assert "Head of government" not in legend and "Minister" in legend


def test_timor_leste_is_not_a_member_in_2020_never_absent(catalogue):
    rep = frames.representation(catalogue).set_index("code")
    assert rep.loc["TLS", "top_rank"] == "not_member" and rep.loc["TLS", "officials"] == 0
    for lang, label in (("en", "Not an ASEAN member in 2020"), ("zh", "2020年时尚非东盟成员")):
        ch = charts.representation_tiles(rep.reset_index(), lang, [])
        assert label in {tr.name for tr in ch.figure.data}
        assert "nan" not in ch.source


def test_officials_chart_counts_only_those_who_took_part(catalogue):
    people = frames.participants(catalogue)
    ch = charts.officials_by_rank(people, "en")
    assert sum(sum(tr.x) for tr in ch.figure.data) == int(people["took_part"].sum()) == 13


def test_chinese_charts_have_chinese_titles_and_sources(obs):
    ch = charts.gmv_share_of_gdp(frames.series_rows(obs, "internet_economy_gmv_share_of_gdp"), "zh")
    assert ch.title.startswith("东南亚互联网经济")
    assert ch.source.startswith("来源：")
    assert "中华人民共和国工业和信息化部" in ch.source


def test_figures_use_the_project_template_not_streamlits(obs):
    import streamlit  # noqa: F401 - importing it switches plotly's default template to "streamlit"

    ch = charts.gmv_share_of_gdp(frames.series_rows(obs, "internet_economy_gmv_share_of_gdp"), "en")
    assert ch.figure.layout.template.layout.paper_bgcolor == "#FFFFFF"
    assert (
        ch.figure.layout.template.layout.font.family == theme.FONT_FAMILY
        and "Noto Sans CJK SC" in theme.FONT_FAMILY
    )


def test_every_chinese_footer_names_the_publisher_in_chinese(catalogue):
    rep = frames.representation(catalogue)
    tiles = charts.representation_tiles(rep, "zh", [])
    people = charts.officials_by_rank(frames.participants(catalogue), "zh")
    for ch in (tiles, people):
        assert ch.source.startswith("来源：中华人民共和国工业和信息化部（新浪科技转载）（2020）")


@pytest.mark.parametrize(("lang", "said"), [("en", "origin not traced"), ("zh", "出处未能追溯")])
def test_the_8_5_percent_is_the_secretary_generals_never_e_conomy_seas(obs, lang, said):
    """Only 1.3 % and 2.8 % are traced to e-Conomy SEA; 8.5 % is what the speaker said."""
    ch = charts.gmv_share_of_gdp(frames.series_rows(obs, "internet_economy_gmv_share_of_gdp"), lang)
    label = [x for tr in ch.figure.data for x in (tr.text or ()) if x.startswith("8.5%")]
    assert label and said.replace(" ", "") in label[0].replace("<br>", "").replace(" ", "")
    assert said in ch.alt and said in ch.subtitle
    row = ch.table[ch.table["year"] == 2025].iloc[0]  # the Table tab and every download
    assert row["value"] == 8.5 and row["status"] == "as_quoted" and said in row[f"note_{lang}"]


def test_licence_lines_are_in_the_readers_language(catalogue):
    rep = frames.representation(catalogue)
    zh = charts.representation_tiles(rep, "zh", []).source
    en = charts.representation_tiles(rep, "en", []).source
    assert "许可：使用条款未记录" in zh and "Terms" not in zh
    assert "Licence: Terms not recorded" in en


def test_a_file_draws_title_subtitle_and_source_inside_wrapped_to_its_width(obs):
    """On the page the title and source line are HTML; a file that leaves it carries them inside,
    wrapped for its width, and grows by what they take (the plot keeps its height)."""
    ch = charts.gmv_by_country(frames.series_rows(obs, "internet_economy_gmv"), "zh")
    assert ch.figure.layout.title.text is None and not ch.figure.layout.annotations
    for width in (1000, 360):
        out = charts.furnished(ch.figure, width=width, extra_footer="所示国家：越南")
        assert ch.title in out.layout.title.text.replace("<b>", "").replace("</b>", "").replace("<br>", "")
        source = out.layout.annotations[-1].text.replace("<br>", "")
        assert source.startswith("来源：") and source.endswith("所示国家：越南")
        lines = out.layout.annotations[-1].text.split("<br>")
        assert all(charts.text_width(line, 11) <= width - 24 for line in lines)
        plot = out.layout.height - out.layout.margin.t - out.layout.margin.b
        page_plot = ch.figure.layout.height or 600
        assert plot == page_plot - theme.TEMPLATE.layout.margin.t - theme.TEMPLATE.layout.margin.b
    assert len(charts.furnished(ch.figure, width=360).layout.annotations[-1].text.split("<br>")) > 2


@pytest.mark.parametrize(
    ("text", "width", "lines"),
    [
        ("互联网经济商品交易总额：新加坡的位置", 200, ["互联网经济商品交易总额：", "新加坡的位置"]),
        ("Where Singapore stands", 120, ["Where", "Singapore", "stands"]),
        ("新加坡。", 36, ["新加坡。"]),  # never a line that starts with closing punctuation
    ],
)
def test_wrap_breaks_at_spaces_or_between_ideographs(text, width, lines):
    assert charts.wrap(text, width, 18 if width != 36 else 12) == lines


def test_a_ranking_of_fewer_than_three_countries_is_a_sentence(obs):
    rows = frames.series_rows(obs, "national_digital_economy_share_of_gdp")
    rows = rows[(rows["year"] == 2022) & (rows["kind"] == "actual")]
    assert len(rows) < 3
    ch = charts.ranking(rows, "en", "SGP", "Digital economy share of GDP", "percent of GDP")
    assert ch.is_empty and "Too few countries to rank for 2022" in ch.empty_message
    assert "Singapore 17.3" in ch.empty_message


def test_a_ranking_says_which_chosen_countries_have_no_value(obs):
    rows = frames.series_rows(obs, "research_and_development_expenditure_percent_of_gdp")
    rows = rows[(rows["year"] == 2022) & ~rows["is_group"]]
    ch = charts.indicator_ranking(
        rows, "en", title="R&D", unit="% of GDP", year=2022, highlight=[], missing=["Lao PDR", "Myanmar"]
    )
    assert "no value for 2022: Lao PDR and Myanmar" in ch.subtitle
    height = ch.figure.layout.height - theme.TEMPLATE.layout.margin.t - theme.TEMPLATE.layout.margin.b
    assert height >= 28 * len(rows) and height >= 200  # room for every name


def test_reference_lines_are_named_only_when_drawn(obs):
    rows = frames.series_rows(obs, "mobile_cellular_subscriptions_per_100_people")
    countries = rows[rows["entity"].isin(["VNM", "THA"])]
    plain = charts.indicator_lines(countries, "en", title="Mobile", unit="per 100")
    assert "dashed" not in plain.subtitle and "dotted" not in plain.subtitle
    with_world = charts.indicator_lines(rows[rows["entity"].isin(["VNM", "WLD"])], "en", title="M", unit="u")
    assert "dashed = World" in with_world.subtitle and "dotted" not in with_world.subtitle
    totals = charts.indicator_lines(countries, "en", title="GDP", unit="US$", totals=True)
    assert "no World or regional line" in totals.subtitle


def test_gmv_takes_each_year_from_the_latest_edition_and_the_revision_view_shows_every_edition(obs):
    rows = frames.series_rows(obs, "internet_economy_gmv")
    vnm = rows[rows["entity"] == "VNM"]
    latest = frames.latest_editions(vnm).set_index("year")
    assert latest.loc[2021, "value"] == 18 and latest.loc[2021, "edition"] == 2022  # 2021 edition said 21
    assert 2021 in frames.revised_years(rows)
    ch = charts.gmv_by_country(frames.latest_editions(vnm), "en")
    assert "2021 and 2022: 2022 edition" in ch.subtitle
    revisions = charts.gmv_revisions(vnm, "en", 2021)
    by_edition = {tr.name: list(tr.y) for tr in revisions.figure.data}
    assert by_edition == {"2021 edition": [21], "2022 edition": [18]}
