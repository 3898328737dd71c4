"""Page views: what each page draws for a language and a filter, built without Streamlit."""

from __future__ import annotations

import copy
import json
import math
import re

import plotly.graph_objects as go
import plotly.io as pio
import pytest
from _plotly_utils.utils import convert_to_base64
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from dashboard.data.model import build_model
from dashboard.present import charts, views
from dashboard.present.charts import Chart
from dashboard.present.i18n import t
from dashboard.present.text import escape_markdown
from tests.conftest import DATA


@pytest.fixture(scope="module")
def model():
    return build_model(DATA)


def all_charts(m) -> list[Chart]:
    series = views.indicator_series(m, "fixed_broadband_subscriptions_per_100_people")
    found = []
    for lang in ("en", "zh"):
        de = views.digital_economy(m, lang, ())
        people = views.participants(m, lang, ("CHN", "VNM"))
        agenda = views.agenda(m, lang)
        found += [views.overview(m, lang).share, de.gmv, de.gmv_to_gdp, de.national, de.ct, de.people]
        found += [people.tiles, people.by_rank, agenda.matrix, agenda.timeline]
        found += views.country_profile(m, lang, "VNM").rankings
        found += [
            views.indicator_lines(m, series, lang, ("THA",)),
            views.indicator_ranking(m, views.ranking_of_all(m, series, lang, 2020), lang, ("THA", "VNM")),
            views.china_vs_asean(m, series, lang),
        ]
    return found


def test_the_figure_on_screen_is_the_figure_exported(model):
    """The page draws `wire_figure` (cheaper to send); downloads use `figure`. Same JSON, always."""
    for ch in all_charts(model):
        assert json.loads(pio.to_json(ch.wire_figure)) == json.loads(pio.to_json(ch.figure)), ch.slug


def test_drawing_a_cached_chart_leaves_it_as_it_was(model):
    """The wire figure hands `st.plotly_chart` its own dict (no copy): drawing must not change it,
    or the next reader of the cached chart would see something else."""
    import copy

    import plotly.tools

    ch = views.overview(model, "zh").share
    before = copy.deepcopy(ch.wire_figure.to_dict())
    for _ in range(2):  # what st.plotly_chart does with a figure, twice (two reruns)
        sent = plotly.tools.return_figure_from_figure_or_data(ch.wire_figure, validate_figure=True)
        pio.to_json(sent, validate=False)
    assert ch.wire_figure.to_dict() == before


def test_about_the_indicator_is_one_escaped_block(model):
    text = views.indicator_about(model, "fixed_broadband_subscriptions_per_100_people", "zh")
    meta = model.series("fixed_broadband_subscriptions_per_100_people")
    assert text.startswith(f"**{escape_markdown(meta.title.en)}** · `{meta.origin.dataset_code}`")
    assert escape_markdown(meta.description.en) in text
    assert escape_markdown(meta.processing.zh) in text  # how we processed it, in the reader's language


def test_china_figures_only_when_china_is_shown(model):
    without = views.digital_economy(model, "en", ("VNM", "THA"))
    assert not without.china_shown and without.ct is None and without.people is None
    assert {trace.meta for trace in without.gmv.figure.data} == {"VNM", "THA"}
    with_china = views.digital_economy(model, "en", ("CHN",))
    assert with_china.china_shown and with_china.ct is not None and with_china.people is not None


def test_participants_filter_keeps_the_asean_secretariat(model):
    chosen = views.participants(model, "en", ("VNM",)).officials.to_pandas()
    countries = set(chosen[chosen.columns[3]])
    everyone = views.participants(model, "en", ()).officials
    assert "Viet Nam" in countries and len(countries) == 2  # Viet Nam and the ASEAN Secretariat
    assert len(chosen) < everyone.num_rows


def test_indicator_lines_show_chosen_countries_references_and_gaps(model):
    series = views.indicator_series(model, "research_and_development_expenditure_percent_of_gdp")
    lines = views.indicator_lines(model, series, "en", ("THA", "IDN"))
    names = [trace.name for trace in lines.figure.data]
    assert {"Thailand", "Indonesia", "World"} <= set(names) and "Viet Nam" not in names
    rows = series.rows[series.rows["entity"] == "IDN"]
    years = range(int(rows["year"].min()), int(rows["year"].max()) + 1)
    indonesia = next(trace for trace in lines.figure.data if trace.name == "Indonesia")
    assert list(indonesia.x) == list(years)  # every year from its first to its last ...
    missing = set(years) - set(rows["year"])
    assert missing, "the test needs a series with a gap"
    by_year = dict(zip(indonesia.x, indonesia.y, strict=True))
    assert all(math.isnan(by_year[y]) for y in missing)  # ... and a missing year is a gap
    assert all(by_year[y] == v for y, v in zip(rows["year"], rows["value"], strict=True))


def test_china_vs_asean_does_not_depend_on_the_filter(model):
    series = views.indicator_series(model, "fixed_broadband_subscriptions_per_100_people")
    pair = views.china_vs_asean(model, series, "zh")
    assert [trace.name for trace in pair.figure.data][0] == "中国"
    assert pair.title.startswith(model.series("fixed_broadband_subscriptions_per_100_people").title.zh)


def test_country_profile_lists_who_represented_the_country(model):
    profile = views.country_profile(model, "en", "SGP")
    assert profile.represented_by, "Singapore was represented"
    people = model.participants[model.participants["represents"] == "SGP"]
    items = profile.represented_by.split("\n- ")
    assert len(items) == len(people), "one list item per person"
    for name in people["name_en"]:
        assert sum(escape_markdown(name) in item for item in items) == 1


def test_sources_table_has_headers_in_the_readers_language(model):
    zh = views.sources_table(model, "zh").to_pandas()
    en = views.sources_table(model, "en").to_pandas()
    assert list(zh.columns) != list(en.columns) and len(zh) == len(en) == len(model.cat.sources)
    assert zh.iloc[:, 0].tolist() == [s.id for s in model.cat.sources]


def test_country_figures_table_speaks_the_readers_language(model):
    columns = views.country_profile(model, "zh", "SGP").figures.column_names
    assert {"年份", "数值", "核实状态"} <= set(columns)


def test_sources_table_shows_a_dash_not_none_where_a_source_gives_nothing(model):
    table = views.sources_table(model, "en").to_pandas()
    link = t("col_link", "en")
    text = table.drop(columns=[link, t("col_records", "en")])
    assert text.notna().all().all() and not text.isin(["None", "nan"]).any().any()
    assert (text == "—").any().any(), "some source has no publication date"
    assert table[link].isna().any() or table[link].str.startswith("http").all()


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_the_event_card_says_who_took_part(model, lang):
    """The Overview's card counts the countries represented (the ASEAN Secretariat is not one),
    the officials who took part, the congratulatory letters apart (2: Li Keqiang, Nguyen Xuan
    Phuc, read out by others) and Miao Wei's proposals, from the curated participants and statements."""
    card = views.overview(model, lang).event_card
    came = model.participants[model.participants["took_part"]]
    countries = came["represents"].loc[lambda r: r != "ASEAN10"].nunique()
    proposals = int((model.statements["kind"] == "proposal").sum())
    assert f"**{t('event_countries', lang)}**: {countries}" in card
    assert f"**{t('event_officials', lang)}**: {len(came)}" in card and len(came) == 13
    assert f"**{t('event_letters', lang)}**: 2" in card
    assert f"**{t('event_proposals', lang)}**: {proposals}" in card


def test_sources_table_counts_every_record_and_names_what_a_repost_copies(model):
    table = views.sources_table(model, "en").to_pandas().set_index(t("col_source_title", "en"))
    records = table[t("col_records", "en")]
    # the seed article carries participants, statements and the event, not only figures
    seed = records["2020 年中国-东盟数字经济合作年开幕"]
    assert seed > 15 + 11
    assert table.loc[
        "Indonesia's resilient digital economy up 11% to $44b in 2020: Google", t("col_mirror_of", "en")
    ].startswith("Jakarta Globe")
    accessed = table[t("col_accessed", "en")]
    assert "not recorded" in set(accessed)


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_timor_leste_reads_as_not_a_member_in_2020_not_as_absent(model, lang):
    participants = views.participants(model, lang, ("TLS",))
    assert "2025-10-26" in participants.not_members.replace("\\", "")
    assert views.participants(model, lang, ("VNM",)).not_members == ""
    profile = views.country_profile(model, lang, "TLS").represented_by.replace("\\", "")
    assert "2025-10-26" in profile and t("not_represented", lang) not in profile


@pytest.mark.parametrize(("lang", "code"), [("en", "SGP"), ("zh", "CHN"), ("en", "CHN")])
def test_the_country_profile_table_shows_words_not_codes(model, lang, code):
    """No `None`, `nan`, enum values (before_ai, more_than, exact) or definition ids on screen."""
    table = views.country_profile(model, lang, code).figures.to_pandas()
    text = table.select_dtypes(exclude="number").astype(str)
    codes = {"None", "nan", "before_ai", "with_ai", "more_than", "exact", "as_quoted", "actual", "estimate"}
    codes |= {"national_digital_economy_share_of_gdp", "internet_economy_gmv", "miit-2020-06-12-opening"}
    if lang == "en":
        codes -= {"actual", "estimate"}  # English words for the kinds
    assert not (set(text.to_numpy().ravel()) & codes), set(text.to_numpy().ravel()) & codes
    assert not text.apply(lambda col: col.str.contains(r"\bnan\b|None")).any().any()


def test_the_agenda_never_shows_nan_for_a_statement_without_speaker(model):
    for lang in ("en", "zh"):
        text = " ".join(views.agenda(model, lang).statements.values())
        assert not re.search(r"\bnan\b", text)


def test_the_search_box_offers_countries_and_the_groups_are_buttons(model):
    """Typing "Myanmar" offered ASEAN-6 too (its label shares the letters): the search box now
    holds countries only, and each group is a button named by its short name and size."""
    from dashboard.web.sidebar import _build_country_labels, _build_group_labels

    assert list(_build_country_labels(model, "en")) == [c.code for c in model.cat.countries]
    groups = _build_group_labels(model, "zh")
    assert list(groups) == [g.code for g in model.cat.groups]
    assert groups["CLMV"] == "柬老缅越（4）" and groups["ASEAN10"] == "东盟十国（2020年）（10）"


@pytest.mark.parametrize("selected", [(), ("VNM",), ("THA", "TLS", "VNM")])
def test_a_filter_recolours_the_ranking_of_all_exactly_as_if_built_for_it(model, selected):
    """A new filter's ranking is the year's ranking of all, recoloured: the same figure as one built
    for that filter from its rows (colours, subtitle naming who has no value, all else)."""
    series = views.indicator_series(model, "fixed_broadband_subscriptions_per_100_people")
    base = views.ranking_of_all(model, series, "en", 2024)
    fast = views.indicator_ranking(model, base, "en", selected)
    names = {c.code: c.name.en for c in model.cat.countries}
    missing = [names[c] for c in (selected or model.country_codes) if c not in set(base.rows["entity"])]
    built = charts.indicator_ranking(
        base.rows,
        "en",
        title=base.title,
        unit=base.unit,
        year=2024,
        highlight=list(selected),
        missing=missing,
    )
    assert fast.wire_figure.to_dict() == built.wire_figure.to_dict()
    assert fast.figure.to_dict() == built.wire_figure.to_dict()  # what the exports start from
    assert fast.table.equals(built.table) and fast.selectable


_LINE_SERIES = [
    "fixed_broadband_subscriptions_per_100_people",  # references drawn, values from 0
    "research_and_development_expenditure_percent_of_gdp",  # gaps inside lines
    "gdp_current_usd",  # totals: no reference lines, large numbers
]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(
    series_id=st.sampled_from(_LINE_SERIES),
    lang=st.sampled_from(["en", "zh"]),
    chosen=st.sets(st.integers(0, 11), max_size=4),
    window=st.sampled_from([None, (2000, 2024), (2012, 2018), (2021, 2021)]),
    stack_mode=st.sampled_from(["absolute", "relative"]),
    y_scale=st.sampled_from(["linear", "log"]),
    compare=st.sampled_from(["", "CHN"]),
)
def test_a_filter_picks_its_lines_exactly_as_if_built_for_it(
    model, series_id, lang, chosen, window, stack_mode, y_scale, compare
):
    """A new filter's lines chart is picked from every entity's lines, made and checked once
    (`views.line_set`): the same chart as one built from that filter's own rows alone (lines,
    colours, legend, axis, unit, subtitle, source line, alt text, table). And the figure is what
    Plotly's validation makes of it, though only its layout went through it."""
    series = views.indicator_series(model, series_id)
    codes = model.country_codes
    selected = tuple(codes[i] for i in sorted(chosen))
    kept = views.line_set(model, series, lang, window, stack_mode)
    picked = views.indicator_lines(model, series, lang, selected, window, stack_mode, y_scale, compare, kept)

    shown = list(selected) or codes
    totals = model.series(series_id).aggregate == "sum"
    compared = compare if compare not in shown else ""
    entities = [*shown, *([] if totals else views.REFERENCES), *([compared] if compared else [])]
    own = series.rows[series.rows["entity"].isin(entities)]  # this filter's rows, and no others
    meta = model.series(series_id)
    title, unit = (meta.title.zh, meta.unit.zh) if lang == "zh" else (meta.title.en, meta.unit.en)
    own, unit, log = views.with_settings(own, unit, lang, window, stack_mode, y_scale)
    built = charts.indicator_lines(
        own, lang, title=title, unit=unit, totals=totals, log=log, compared=compared
    )

    def spec(chart):
        return json.loads(pio.to_json(chart.figure, validate=False))

    assert spec(picked) == spec(built)
    assert (picked.alt, picked.subtitle, picked.source) == (built.alt, built.subtitle, built.source)
    assert picked.table.reset_index(drop=True).equals(built.table.reset_index(drop=True))
    if not picked.is_empty:  # valid as it is: Plotly's validation changes nothing
        as_is = copy.deepcopy(picked.figure.to_dict())
        convert_to_base64(as_is)  # as a validated figure's `to_dict` writes its arrays
        assert go.Figure(picked.figure.to_dict()).to_dict() == as_is
    assert picked.wire_figure.to_dict() == spec(picked)  # what the page sends
