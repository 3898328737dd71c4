"""AppTest for every page: what a reader sees by default, with a filter, in Chinese, with a hostile link."""

from __future__ import annotations

import base64
import json
import re
import time
from pathlib import Path
from urllib.parse import parse_qs

import numpy as np
import pytest
from streamlit.testing.v1 import AppTest

from dashboard.present import theme
from dashboard.present.i18n import t
from dashboard.web import cache
from dashboard.web.pages import PAGE_FILES
from dashboard.web.pages import PAGES as ALL_PAGES

APP = str(Path(__file__).resolve().parent.parent / "dashboard" / "web" / "app.py")
# Page file -> (title key, how many charts it shows by default).
PAGES = {
    "overview.py": ("page_overview", 1),
    "participants.py": ("page_participants", 2),
    "digital-economy.py": ("page_digital_economy", 5),
    "connectivity.py": ("page_connectivity", 3),
    "innovation.py": ("page_innovation", 3),
    "agenda.py": ("page_agenda", 2),
    "timeline.py": ("page_timeline", 1),
    "country.py": ("page_country", 1),
    "sources.py": ("page_sources", 0),
}


def test_every_page_is_tested():
    assert list(PAGES) == PAGE_FILES
    assert [PAGES[p.file][0] for p in ALL_PAGES] == [p.title_key for p in ALL_PAGES]


def open_app(page: str | None = None, **query: str | list[str]) -> AppTest:
    at = AppTest.from_file(APP, default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if page is not None and page != "overview.py":
        at.switch_page(f"app_pages/{page}")  # a deep link: the first run is on that page
    at.run()
    return at


def figures(at: AppTest) -> list[dict]:
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def decoded(values) -> list:
    """A trace's values as Plotly sends them: a list, or a typed array (`bdata`) for numpy input."""
    if isinstance(values, dict) and "bdata" in values:
        return np.frombuffer(base64.b64decode(values["bdata"]), dtype=values["dtype"]).tolist()
    return list(values)


def headers(at: AppTest) -> list[str]:
    """The page's headings, whether drawn as headings or as the first line of a Markdown block."""
    first_lines = [m.value.split("\n", 1)[0] for m in at.main.markdown]
    in_markdown = [line.lstrip("#").strip() for line in first_lines if line.startswith("#")]
    return [h.value for h in at.title] + [h.value for h in at.header] + in_markdown


def heading(page: str, lang: str) -> str:
    """The page's own heading: the Overview, the landing page, is headed by the dashboard's name."""
    return t("app_title" if page == "overview.py" else PAGES[page][0], lang)


@pytest.mark.parametrize("page", PAGES)
def test_every_page_renders_by_default(page):
    at = open_app(page)
    assert not at.exception
    _, min_charts = PAGES[page]
    assert heading(page, "en") in headers(at)
    figs = figures(at)
    assert len(figs) >= min_charts
    for fig in figs:
        assert fig["data"], "a chart without traces"
        assert fig["layout"]["meta"]["footer"].startswith("Source:"), "every chart carries its source line"
    # and shows it under the chart (HTML, so it wraps at any width), with the text description
    below = [c.value for c in at.main.caption if c.value.startswith("Source:")]
    assert len(below) == len(figs) and all("Text description: " in c for c in below)
    # each chart under its title, a heading (h2, or h3 within a section) anchored at its id
    titled = {h.value.replace("\\", ""): h.proto.anchor for h in [*at.main.header, *at.main.subheader]}
    assert all(fig["layout"]["meta"]["title"] in titled for fig in figs)


@pytest.mark.parametrize("page", PAGES)
def test_shared_link_opens_each_page_in_chinese_with_viet_nam(page):
    at = open_app(page, country="VNM", lang="zh")
    assert not at.exception
    assert at.multiselect(key="country").value == ["VNM"]
    assert heading(page, "zh") in headers(at)
    for fig in figures(at):
        title = fig["layout"]["meta"]["title"]
        assert any("\u4e00" <= ch <= "\u9fff" for ch in title), f"title not in Chinese: {title}"


@pytest.mark.parametrize("page", PAGES)
def test_hostile_link_is_dropped_with_a_notice(page):
    at = open_app(page, country=["<script>alert(1)</script>", "XXX", "THA"], lang="fr")
    assert not at.exception
    assert at.multiselect(key="country").value == ["THA"]
    warnings = " ".join(w.value for w in at.warning)
    assert "Ignored unknown values in the link" in warnings
    assert "lang=`fr`" in warnings and "country=`XXX`" in warnings
    assert heading(page, "en") in headers(at)


def test_country_filter_changes_the_charts():
    at = open_app("digital-economy.py")
    before = figures(at)[0]
    at.multiselect(key="country").set_value(["VNM", "IDN"]).run()
    after = figures(at)[0]
    shown = {trace["meta"] for trace in after["data"]}
    assert shown == {"VNM", "IDN"}
    assert len({trace["meta"] for trace in before["data"]}) == 6


def test_a_group_button_adds_its_countries_and_the_search_offers_countries_only():
    at = open_app()
    box = at.multiselect(key="country")
    assert len(box.options) == 12 and not any("CLMV" in o or "ASEAN" in o for o in box.options)
    box.set_value(["THA"]).run()
    at.button_group(key="group_pick").set_value("CLMV").run()
    assert at.multiselect(key="country").value == ["THA", "KHM", "LAO", "MMR", "VNM"]
    assert at.query_params["country"] == ["KHM", "LAO", "MMR", "THA", "VNM"]
    assert at.button_group(key="group_pick").value is None  # released for the next click
    at.button_group(key="group_pick").set_value("ASEAN10").run()  # adds, keeps what is there
    assert at.query_params["country"] == [
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
    ]


def test_filter_without_china_explains_the_china_only_figures():
    at = open_app("digital-economy.py", country="THA")
    assert not at.exception
    infos = [i.value for i in at.info]
    assert t("china_only", "en") in infos
    # Thailand has GMV (and so GMV / GDP) but no national digital-economy estimate: that chart explains.
    assert len(figures(at)) == 2
    assert any(i.startswith("No data for the selected countries") and "Malaysia" in i for i in infos)


def test_table_view_shows_exactly_the_plotted_values_as_the_chart_reads_them():
    """Countries × years, as the GMV chart reads (the downloads keep one row per value with its
    source columns, and the Sources tab says what the rows rest on)."""
    at = open_app("digital-economy.py", country="VNM")
    at.segmented_control(key="tab-digital-economy").set_value("table").run()
    table = at.dataframe[0].value
    assert table["Country / body"].tolist() == ["Viet Nam"]
    years = [c for c in table.columns if c.isdigit()]
    assert years[:3] == ["2019", "2020", "2021"] and "2025" in years
    # each year from the latest edition that gives it: 2021 as the 2022 edition revised it (18, not
    # the 2021 edition's 21), 2025 as the 2025 edition estimated it (39, not the 2020 edition's 52)
    assert table.iloc[0][["2019", "2020", "2021", "2025"]].tolist() == [12, 14, 18, 39]


def follow_language_link(at: AppTest) -> AppTest:
    """What a click on the sidebar's language link does: rerun this page with the link's query."""
    (link,) = [el.proto for el in at.sidebar if el.type == "page_link"]
    at.query_params = {k: v if len(v) > 1 else v[0] for k, v in parse_qs(link.query_string).items()}
    return at.run()


def test_the_language_link_turns_the_page_and_the_link_to_chinese_and_back():
    at = open_app("connectivity.py", country="VNM", indicator="fixed_broadband_subscriptions_per_100_people")
    (link,) = [el.proto for el in at.sidebar if el.type == "page_link"]
    assert link.label == "中文"
    follow_language_link(at)
    assert heading("connectivity.py", "zh") in headers(at)
    assert at.query_params["lang"] == "zh" and at.query_params["country"] == "VNM"
    assert at.query_params["indicator"] == "fixed_broadband_subscriptions_per_100_people"
    assert "中国" in {trace["name"] for trace in figures(at)[-1]["data"]}  # China vs ASEAN-10
    follow_language_link(at)  # the link now says "English"
    assert heading("connectivity.py", "en") in headers(at) and "lang" not in at.query_params
    assert at.query_params["country"] == "VNM"


def test_after_a_language_switch_the_filter_and_choices_show_the_new_labels():
    """The browser keeps a choice as its shown label: the script hands values back relabelled,
    or the old label stays and the next change loses the selection."""
    at = open_app("connectivity.py", country="VNM")
    follow_language_link(at)
    assert at.sidebar.multiselect(key="country").proto.raw_values == ["越南 · Viet Nam (Vietnam, Việt Nam)"]
    assert at.sidebar.multiselect(key="country").proto.set_value
    indicator = at.selectbox(key="url-connectivity-indicator")
    assert indicator.proto.set_value and indicator.proto.raw_value == indicator.format_func(indicator.value)
    assert any("\u4e00" <= ch <= "\u9fff" for ch in indicator.proto.raw_value)  # a Chinese title


def test_overview_says_its_regional_chart_ignores_the_country_filter():
    note = t("regional_note", "en")
    assert not any(note in i.value for i in open_app().info)
    assert any(note in i.value for i in open_app(country="VNM").info)


def test_one_view_switch_per_page_turns_every_chart_into_its_table():
    at = open_app("connectivity.py")
    switches = [w for w in at.get("button_group") if w.proto.id and "tab-" in w.proto.id]
    assert len(switches) == 1, "one tab switch for the page's three charts"
    assert len(figures(at)) == 3
    at.segmented_control(key="tab-connectivity").set_value("table").run()
    assert figures(at) == [] and len(at.dataframe) == 3


def test_broken_data_shows_the_error_list_not_a_traceback(data_copy, monkeypatch):
    (data_copy / "figures.yaml").write_text("series:\n  - id: Bad Id\n", encoding="utf-8")
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_copy))
    at = open_app()
    assert not at.exception
    assert t("data_error_title", "en") in [e.value for e in at.error]
    report = at.code[0].value
    assert "data/figures.yaml:2: series[0].id: 'Bad Id' is not an id" in report
    assert "data/figures.yaml:2: series[0]: required key 'title' is missing" in report


def test_an_edited_data_file_shows_within_a_second(data_copy, monkeypatch):
    """Curators edit YAML while the app runs: a rerun a second later shows the edit, not a cached
    page (reruns within `cache.RECHECK_SECONDS` share one look at the files)."""
    monkeypatch.setenv("DASHBOARD_DATA_DIR", str(data_copy))
    at = open_app()
    assert any("Gross merchandise value" in i.value for i in at.info)
    path = data_copy / "definitions.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace(
            "Gross merchandise value (GMV)", "Gross merchandise amount (GMV)"
        ),
        encoding="utf-8",
    )
    time.sleep(cache.RECHECK_SECONDS)
    at.run()
    assert any("Gross merchandise amount" in i.value for i in at.info)


def test_an_older_links_year_opens_the_years_up_to_it_and_ranks_every_country_that_year():
    at = open_app(
        "innovation.py", indicator="gdp_per_capita_current_usd", year="2010", country=["VNM", "THA", "LAO"]
    )
    assert not at.exception
    assert at.query_params["time"] == "2000..2010" and "year" not in at.query_params  # Grapher's key now
    figs = figures(at)
    assert "GDP per capita (current US$)" in figs[0]["layout"]["meta"]["title"]
    assert max(x for trace in figs[0]["data"] for x in trace["x"]) == 2010
    ranking = figs[1]
    assert "2010" in ranking["layout"]["meta"]["title"]
    bars = ranking["data"][0]
    # every country with a value, so a reader can click one into the filter; the chosen ones stand out
    assert {"Viet Nam", "Thailand", "Lao PDR", "Singapore", "China"} <= set(bars["y"])
    accent = {
        name
        for name, colour in zip(bars["y"], bars["marker"]["color"], strict=True)
        if colour == theme.ACCENT
    }
    assert accent == {"Viet Nam", "Thailand", "Lao PDR"}
    assert [code for (code,) in bars["customdata"]][bars["y"].index("Singapore")] == "SGP"
    names = {trace["name"].replace("<br>", " ") for trace in figs[0]["data"]}
    assert {
        "Viet Nam",
        "Thailand",
        "Lao PDR",
        "World",
        "East Asia & Pacific",
        "ASEAN-10",  # the subtitle says which members, and that we derived it
    } == names


def test_totals_have_no_world_line():
    at = open_app("innovation.py", indicator="gdp_current_usd", time="2000..2010", country="VNM")
    figs = figures(at)
    assert {trace["name"] for trace in figs[0]["data"]} == {"Viet Nam"}  # World's GDP would flatten it


def test_the_time_slider_sets_the_years_shown_and_the_rankings_year():
    at = open_app("connectivity.py", country=["VNM", "THA"])
    at.select_slider(key="url-connectivity-time").set_value((2005, 2010)).run()  # a drag
    assert at.query_params["time"] == "2005..2010"
    lines, ranking = figures(at)[:2]
    assert {x for trace in lines["data"] for x in trace["x"]} == set(range(2005, 2011))
    assert "2010" in ranking["layout"]["meta"]["title"]
    one = open_app("connectivity.py", country=["VNM", "THA"], time="2015")  # Grapher's single year
    assert not one.exception and one.select_slider(key="url-connectivity-time").value == (2015, 2015)
    lines, ranking = figures(one)[:2]
    assert {x for trace in lines["data"] for x in trace["x"]} == {2015}
    assert "2015" in ranking["layout"]["meta"]["title"]
    assert one.query_params["time"] == "2015"


def open_settings(at):
    """The reader opens the chart's Settings popover (its widgets exist only while it is open)."""
    at.session_state[f"url-{at.session_state['_page']}-settings"] = True
    return at.run()


def test_settings_are_drawn_only_while_open_and_kept_when_closed():
    at = open_app("connectivity.py", country="VNM")
    assert "url-connectivity-stackMode" not in {w.key for w in at.segmented_control}, "closed: not drawn"
    open_settings(at)
    at.segmented_control(key="url-connectivity-stackMode").set_value("relative").run()
    at.segmented_control(key="url-connectivity-yScale").set_value("log").run()
    at.session_state["url-connectivity-settings"] = False  # the reader closes the popover
    at.run()
    at.run()  # a later run: Streamlit has forgotten the widgets' own values by now
    assert "url-connectivity-stackMode" not in {w.key for w in at.segmented_control}
    assert at.query_params["stackMode"] == "relative" and at.query_params["yScale"] == "log"
    lines = figures(at)[0]
    assert "change since" in lines["layout"]["yaxis"]["title"]["text"]
    open_settings(at)  # opened again, it shows what is in force
    assert at.segmented_control(key="url-connectivity-stackMode").value == "relative"


def test_compare_with_china_adds_china_whatever_the_filter_and_keeps_it_in_the_link():
    at = open_app("connectivity.py", country=["VNM", "THA"])
    assert "China" not in {trace["name"] for trace in figures(at)[0]["data"]}
    open_settings(at).toggle(key="url-connectivity-compare").set_value(True).run()
    assert at.query_params["compare"] == "CHN"
    lines = figures(at)[0]
    china = next(trace for trace in lines["data"] if trace["name"] == "China")
    assert (
        china["line"]["dash"] == "dashdot" and "China, for comparison" in lines["layout"]["meta"]["subtitle"]
    )
    at.segmented_control(key="tab-connectivity").set_value("table").run()
    assert "China" in set(at.dataframe[0].value.iloc[:, 0])  # the table holds what is drawn
    everyone = open_settings(open_app("connectivity.py"))  # China is in the filter (all countries)
    assert everyone.toggle(key="url-connectivity-compare").disabled  # nothing to add
    bad = open_app("connectivity.py", compare="USA")
    assert "compare=`USA`" in " ".join(w.value for w in bad.warning) and "compare" not in bad.query_params


def test_the_gmv_chart_has_grapher_settings_in_the_link():
    at = open_app("digital-economy.py", time="2019..2024", stackMode="relative", yScale="log")
    assert not at.exception
    gmv = figures(at)[0]
    years = {int(x) for trace in gmv["data"] for x in decoded(trace["x"])}
    assert min(years) == 2019 and max(years) == 2024
    assert gmv["layout"]["yaxis"]["title"]["text"].startswith("change since 2019 (%)")
    assert gmv["layout"]["yaxis"].get("type") != "log"  # relative values can be negative: no log axis
    log = open_app("digital-economy.py", yScale="log")
    assert figures(log)[0]["layout"]["yaxis"]["type"] == "log" and log.query_params["yScale"] == "log"


def test_each_chart_offers_its_own_link_and_embed_with_the_views_settings():
    at = open_app("connectivity.py", country=["VNM", "THA"], time="2010..2020")
    link, embed = [c.value for c in _download_codes(at)][:2]
    assert link.endswith("#mobile_cellular_subscriptions_per_100_people-over-time")  # its heading's anchor
    assert "time=2010..2020" in link and "country=THA&country=VNM" in link
    assert "embed=true&chart=mobile_cellular_subscriptions_per_100_people-over-time" in embed
    assert embed.startswith('<iframe src="http') and "time=2010..2020" in embed


def _download_codes(at: AppTest):
    at.segmented_control(key="tab-connectivity").set_value("download").run()
    return [c for c in at.main.code if "mobile_cellular" in c.value]


def test_overview_key_indicators_follow_the_filter_and_the_language():
    at = open_app()
    (table,) = [df.value for df in at.main.dataframe]
    assert len(table) == 12  # every country, China and the eleven ASEAN members
    singapore = table.set_index("Country").loc["Singapore"]
    assert re.fullmatch(r"[\d.,]+ \(20\d\d\)", singapore["Broadband per 100"])  # value (year)
    assert len(singapore["Broadband per 100: trend"]) >= 10  # a sparkline since 2010
    assert table.set_index("Country").loc["China", "GMV (US$ bn)"] == "—"  # e-Conomy SEA has no China
    block = next(m.value for m in at.main.markdown if m.value.startswith("## Key indicators"))
    assert "(/connectivity?indicator=fixed_broadband_subscriptions_per_100_people)" in block
    assert "(all countries)" in block and "Source: World Bank" in block
    zh = open_app(country=["VNM", "CHN"], lang="zh")
    (table,) = [df.value for df in zh.main.dataframe]
    assert list(table["国家"]) == ["中国", "越南"] and table.columns[1] == "GMV（十亿美元）"
    assert table.iloc[1, 1].endswith("年）")  # Viet Nam's GMV, with its year in Chinese
    block = next(m.value for m in zh.main.markdown if m.value.startswith("## 主要指标"))
    assert "中国和越南" in block  # the filter, in the reader's words
    assert "country=CHN&country=VNM&lang=zh&indicator=gdp_per_capita_current_usd" in block


def test_without_chromium_image_downloads_say_why_and_tables_still_download(monkeypatch):
    monkeypatch.setenv("DASHBOARD_CHROMIUM", "/nonexistent/chromium")
    at = open_app()
    at.segmented_control(key="tab-overview").set_value("download").run()
    assert not at.exception
    png = at.button(key="dl-internet-economy-gmv-share-of-gdp-png")
    assert png.disabled and "apt-get install -y chromium" in png.help
    assert any("PNG/SVG/PDF: install Chromium" in c.value for c in at.caption)
    labels = [el.proto.label for el in at.get("download_button")]
    assert {"HTML", "CSV", "Excel"} <= set(labels)


def test_table_headers_follow_the_language():
    at = open_app("digital-economy.py", country="VNM", lang="zh")
    at.segmented_control(key="tab-digital-economy").set_value("table").run()
    table = at.dataframe[0].value
    assert table["国家/机构"].tolist() == ["越南"] and "2020" in table.columns


def test_agenda_shows_each_proposal_with_original_translation_and_fields():
    at = open_app("agenda.py")
    tables = [
        m.value for m in at.markdown if m.value.startswith("| Original | Translation (our translation) |")
    ]
    assert len(tables) == 4  # experiences, proposals, other statements, plans
    rows = [line for table in tables for line in table.splitlines()[2:]]
    assert len(rows) == 11 and all(line.count(" | ") == 2 for line in rows)  # 3 cells each
    proposal = next(line for line in rows if "二是加强数字基础设施建设" in line)
    original, translation, about = proposal.strip("| ").split(" | ")
    assert original.startswith("二是加强数字基础设施建设") and original.endswith(":gray[(zh)]")
    assert translation.startswith("Strengthen the building of digital infrastructure")
    assert about.startswith("**Miao Wei** · Digital infrastructure, 5G, Internet of things")


def test_share_box_permalink_holds_the_whole_view():
    at = open_app("innovation.py", indicator="gdp_current_usd", year="2010", country="VNM", lang="zh")
    assert not at.sidebar.code, "drawn only while the popover is open"
    at.session_state["share"] = True  # the reader opens "Share this view"
    at.run()
    link, snippet = [c.value for c in at.sidebar.code]
    assert link.startswith("http") and "\n" not in link
    assert "country=VNM" in link and "lang=zh" in link
    assert "indicator=gdp_current_usd" in link and "time=2000..2010" in link
    assert snippet.startswith(f'<iframe src="{link}&embed=true"')


def test_every_block_in_the_table_and_sources_tabs_starts_with_its_charts_title():
    at = open_app("connectivity.py", country=["VNM", "THA", "IDN"])
    titles = [json.loads(el.proto.spec)["layout"]["meta"]["title"] for el in at.get("plotly_chart")]
    for tab in ("table", "sources", "download"):
        at.segmented_control(key="tab-connectivity").set_value(tab).run()
        headed = [h.value.replace("\\", "") for h in at.main.header]
        assert headed == titles, tab


def test_the_gmv_revision_view_follows_the_link_and_unknown_values_are_dropped():
    at = open_app("digital-economy.py", gmv="revisions", gmv_year="2021", country=["VNM", "PHL"])
    assert not at.exception
    gmv = figures(at)[0]
    assert gmv["layout"]["meta"]["title"] == "Internet-economy GMV in 2021, edition by edition"
    assert {trace["name"] for trace in gmv["data"]} == {"2021 edition", "2022 edition"}
    at.segmented_control(key="url-digital-economy-gmv").set_value("latest").run()
    assert "gmv" not in at.query_params and "edition" in figures(at)[0]["layout"]["meta"]["subtitle"]
    bad = open_app("digital-economy.py", gmv="everything")
    assert "gmv=`everything`" in " ".join(w.value for w in bad.warning)


def test_grapher_settings_follow_the_link_and_the_table_holds_the_plotted_values():
    """?time=2010..2020, ?stackMode=relative and ?yScale=log, in Grapher's own keys."""
    at = open_app("connectivity.py", country=["VNM", "THA"], time="2010..2020", stackMode="relative")
    assert not at.exception
    lines = figures(at)[0]
    years = {x for trace in lines["data"] for x in trace["x"]}
    assert min(years) == 2010 and max(years) == 2020
    first = [trace["text"][0] for trace in lines["data"]]  # each line's label for 2010
    assert first and all(label in ("0", "-0") for label in first)  # change since 2010: 0 %
    assert "change since 2010 (%)" in lines["layout"]["yaxis"]["title"]["text"]
    at.segmented_control(key="tab-connectivity").set_value("table").run()
    table = at.dataframe[0].value
    assert [c for c in table.columns if c.isdigit()] == [str(y) for y in range(2010, 2021)]
    assert (table["2010"].dropna() == 0).all()  # the plotted (relative) values, not the raw ones
    log = open_app("connectivity.py", country="VNM", yScale="log")
    assert figures(log)[0]["layout"]["yaxis"]["type"] == "log"
    assert log.query_params["yScale"] == "log"


def test_unknown_grapher_settings_are_dropped_with_a_notice():
    at = open_app("connectivity.py", time="1990..2050", stackMode="stacked", yScale="sqrt")
    assert not at.exception
    warnings = " ".join(w.value for w in at.warning)
    assert (
        "time=`1990..2050`" in warnings and "stackMode=`stacked`" in warnings and "yScale=`sqrt`" in warnings
    )
    assert "time" not in at.query_params and "yScale" not in at.query_params
