"""What a person sees in a real browser: charts draw, the URL follows the filter, downloads arrive,
hostile links are harmless, nothing is fetched from outside, and no critical accessibility fault."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
import urllib.error
import urllib.request
import zipfile
from pathlib import Path

import pytest
from playwright.sync_api import expect
from streamlit.testing.v1 import AppTest

from dashboard.present.i18n import t
from dashboard.web.pages import PAGES as ALL_PAGES

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# url path -> (file, the i18n key of its heading; the Overview is headed by the dashboard's name)
PAGES = {p.url_path: (p.file, p.title_key if p.url_path else "app_title") for p in ALL_PAGES}
DRAWN = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => ({
    title: (gd.layout && gd.layout.meta && gd.layout.meta.title) || '',
    traces: gd.data ? gd.data.length : 0,
    drawn: gd.querySelectorAll('g.trace').length + gd.querySelectorAll('.hm').length,
}))"""


def expected_figures(path: str, **query) -> list[dict]:
    """The figures the app's own script produces for this view (AppTest), to compare with the screen."""
    at = AppTest.from_file(str(REPO / "dashboard" / "web" / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if PAGES[path][0] != "overview.py":
        at.switch_page(f"app_pages/{PAGES[path][0]}")
    at.run()
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def open_settings(page) -> None:
    """Open the chart's Settings popover, as a reader does: its widgets are drawn on opening."""
    page.locator("[data-testid=stMain] [data-testid=stPopover] button").first.click()
    page.locator("[data-testid=stPopoverBody] [data-testid=stButtonGroup]").first.wait_for()


def settle(page) -> None:
    """Wait until Streamlit has finished running the script for this view."""
    page.wait_for_selector("[data-testid=stMain] :is(h1, h2)")  # the page heading
    page.wait_for_selector("[data-testid=stSidebar] [data-testid=stMultiSelect]")
    page.wait_for_function("() => !document.querySelector('[data-testid=stSkeleton]')")
    page.wait_for_function(
        "() => !document.querySelector('[data-testid=stStatusWidget]')"
        " || !document.querySelector('[data-testid=stStatusWidget]').innerText.includes('Running')"
    )


def open_view(page, server: str, path: str, query: str = "", charts: int = 0):
    page.goto(f"{server}/{path}{query}")
    settle(page)
    if charts:
        page.wait_for_function(
            "n => [...document.querySelectorAll('.js-plotly-plot')].filter(gd => gd.querySelector('.main-svg')).length >= n",
            arg=charts,
        )
    assert page.locator("[data-testid=stException]").count() == 0


def drawn(page) -> list[dict]:
    return page.evaluate(DRAWN)


@pytest.mark.parametrize("path", list(PAGES))
def test_every_page_loads_and_every_chart_draws(page, server, path):
    expected = expected_figures(path)
    open_view(page, server, path, charts=len(expected))
    shown = drawn(page)
    assert [f["traces"] for f in shown] == [len(f["data"]) for f in expected]
    for fig in shown:
        assert fig["drawn"] == fig["traces"], (
            f"{fig['title']}: {fig['drawn']} of {fig['traces']} traces drawn"
        )
    expect(page.get_by_role("heading", name=t(PAGES[path][1], "en")).first).to_be_visible()


def choose_country(page, typed: str, option_text: str) -> None:
    box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect] input")
    box.click()
    box.fill(typed)
    page.get_by_role("option", name=re.compile(option_text)).first.click()
    page.keyboard.press("Escape")


GMV_ONLY_VIET_NAM = """() => { const gd = [...document.querySelectorAll('.js-plotly-plot')]
     .find(g => g.layout && ((g.layout.meta || {}).title || '').includes('merchandise value'));
   return !!gd && gd.data.length > 0 && gd.data.every(tr => tr.meta === 'VNM'); }"""


def sidebar_chips(page):
    """The country filter's chips (drawn after the page: wait on them with `expect`)."""
    return page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect] [data-tag] span[title]")


def gmv_countries(page) -> set[str]:
    return set(
        page.evaluate(
            """() => { const gd = [...document.querySelectorAll('.js-plotly-plot')]
                 .find(g => ((g.layout.meta || {}).title || '').includes('merchandise value'));
               return gd.data.map(tr => tr.meta); }"""  # a line per country, named by its code
        )
    )


WIDE = "() => getComputedStyle(document.querySelector('[data-testid=stMainBlockContainer]')).maxWidth"


def assert_page_config_kept(page) -> None:
    """The app sets its title, icon and wide layout once per session: they must hold on every run."""
    assert page.title() == t("app_title", "en")
    assert page.evaluate(WIDE) == "none", "wide layout"


def test_filter_updates_charts_url_and_survives_reload_and_page_switch(page, server):
    open_view(page, server, "digital-economy", charts=4)
    assert_page_config_kept(page)
    assert len(gmv_countries(page)) == 6
    choose_country(page, "Vietnam", "Viet Nam")  # found by its alias
    page.wait_for_url(re.compile(r"country=VNM"))
    page.wait_for_function(GMV_ONLY_VIET_NAM)
    assert gmv_countries(page) == {"VNM"}
    assert_page_config_kept(page)  # after a rerun
    page.reload()
    settle(page)
    page.wait_for_function(GMV_ONLY_VIET_NAM)  # the filter came back from the URL
    assert gmv_countries(page) == {"VNM"}
    assert "country=VNM" in page.url
    page.locator("[data-testid=stSidebarNav] a", has_text="Participants").click()
    page.wait_for_url(re.compile(r"/participants\?country=VNM"))
    settle(page)
    chips = sidebar_chips(page)
    expect(chips).to_have_count(1)
    expect(chips.first).to_contain_text("Viet Nam")
    assert_page_config_kept(page)  # after a page switch


def test_typing_a_country_offers_that_country_and_a_group_button_adds_its_members(page, server):
    open_view(page, server, "participants", "", charts=2)
    box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect] input")
    box.click()
    box.fill("Myanmar")
    options = page.get_by_role("option")
    expect(options).to_have_count(1)  # not "ASEAN-6", whose label shares letters with it
    expect(options.first).to_contain_text("Myanmar")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"country=MMR$"))
    settle(page)
    # Close the list as a reader does, by clicking beside it (after Escape, Streamlit's search box
    # keeps the focus and swallows the next click), then add a group with its button.
    page.locator("[data-testid=stMain] :is(h1, h2)").first.click()
    page.locator("[data-testid=stSidebar] [data-testid=stButtonGroup] button", has_text="CLMV").click()
    page.wait_for_url(re.compile(r"country=KHM&country=LAO&country=MMR&country=VNM$"))
    expect(sidebar_chips(page)).to_have_count(4)


def language_link(page, label: str):
    return page.locator("[data-testid=stSidebar] [data-testid=stPageLink] a").filter(has_text=label).first


def test_language_link_redraws_in_chinese_and_the_filter_keeps_working(page, server):
    open_view(page, server, "participants", "?country=VNM", charts=2)
    language_link(page, "中文").click()
    page.get_by_role("heading", name=t("page_participants", "zh")).wait_for()
    page.wait_for_url(re.compile(r"lang=zh"))  # the address bar names the language, to share it
    assert "country=VNM" in page.url
    chips = sidebar_chips(page)
    # The filter speaks Chinese too (the sidebar is drawn after the page's heading).
    expect(chips.first).to_have_text(re.compile("^越南"))
    # and keeps working: adding Thailand keeps Viet Nam (an old label would have lost it)
    search = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect] input")
    search.fill("泰国")
    page.keyboard.press("Enter")
    page.wait_for_url(re.compile(r"country=THA&country=VNM"))
    settle(page)
    expect(chips).to_have_count(2)
    assert sorted(c.inner_text().split(" · ")[0] for c in chips.all()) == ["泰国", "越南"]
    language_link(page, "English").click()
    page.get_by_role("heading", name=t("page_participants", "en")).wait_for()
    page.wait_for_url(re.compile(r"/participants\?country=THA&country=VNM$"))


def test_share_popover_offers_the_views_link_and_embed_snippet(page, server):
    open_view(
        page, server, "connectivity", "?country=VNM&lang=zh", charts=2
    )  # a ranking of one is a sentence
    assert page.locator("[data-testid=stSidebar] [data-testid=stCode]").count() == 0
    page.locator("[data-testid=stSidebar] [data-testid=stPopover] button").click()
    codes = page.locator("[data-testid=stCode]")  # drawn on opening (the popover floats over the page)
    codes.nth(1).wait_for()
    link, snippet = (c.inner_text().strip() for c in codes.all())
    assert link.startswith(f"{server}/connectivity?") and "country=VNM" in link and "lang=zh" in link
    assert snippet.startswith(f'<iframe src="{link}&embed=true"')


@pytest.mark.parametrize("path", list(PAGES))
def test_shared_link_opens_in_chinese_with_two_countries(page, server, path):
    expected = expected_figures(path, country=["VNM", "THA"], lang="zh")
    open_view(page, server, path, "?country=VNM&country=THA&lang=zh", charts=len(expected))
    expect(page.get_by_role("heading", name=t(PAGES[path][1], "zh")).first).to_be_visible()
    chips = sidebar_chips(page)
    expect(chips).to_have_count(2)
    texts = chips.all_inner_texts()
    assert any("越南" in x for x in texts) and any("泰国" in x for x in texts)
    for fig in drawn(page):
        assert re.search(r"[\u4e00-\u9fff]", fig["title"]), fig["title"]


def test_hostile_link_shows_a_notice_runs_no_script_and_works(page, server):
    query = "?country=%3Cscript%3Ealert(1)%3C%2Fscript%3E&country=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E&country=XXX&lang=fr"
    open_view(page, server, "", query, charts=1)
    notice = page.locator("[data-testid=stAlert]", has_text="Ignored unknown values in the link")
    expect(notice).to_have_count(1)
    assert "<script>alert(1)</script>" in notice.inner_text()
    assert page.locator("[data-testid=stMain] script, [data-testid=stMain] img[src=x]").count() == 0
    assert page.evaluate("() => document.querySelectorAll('img[onerror]').length") == 0
    assert drawn(page)[0]["drawn"] == 2
    # the dialog recorder in the fixture fails the test if alert() ran


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def download_from_link(page, name: str):
    """Click a download link (it opens a tab that closes once the file arrives) and return the
    download, whichever tab received it."""
    arrived = []

    def on_download(download):
        arrived.append(download)

    def on_tab(tab):
        tab.on("download", on_download)

    page.context.on("page", on_tab)
    page.on("download", on_download)
    try:
        page.get_by_role("link", name=name, exact=True).first.click()
        for _ in range(300):
            if arrived:
                return arrived[0]
            page.wait_for_timeout(200)
        raise AssertionError(f"no download from the {name} link")
    finally:
        page.context.remove_listener("page", on_tab)
        page.remove_listener("download", on_download)


def test_downloads_arrive_as_real_files(page, server, tmp_path):
    open_view(page, server, "", "?country=VNM", charts=1)
    page.get_by_role("radio", name="Download", exact=True).first.click()
    png = download_from_link(page, "PNG")
    assert png.suggested_filename == "internet-economy-gmv-share-of-gdp_vnm_en.png"
    assert png.failure() is None
    data = Path(png.path()).read_bytes()
    width, height = png_size(data)
    assert width == 2000 and height > 1000  # 2×: the plot, its title above and its sources below
    link = page.get_by_role("link", name="PNG", exact=True).first.get_attribute("href")
    assert link == f"{server}/export/overview/internet-economy-gmv-share-of-gdp.png?country=VNM"
    csv_file = download_from_link(page, "CSV")
    text = Path(csv_file.path()).read_text(encoding="utf-8-sig")
    assert text.startswith("# title: ")  # the file says what it is before the table starts
    rows = list(csv.DictReader(line for line in io.StringIO(text) if not line.startswith("#")))
    assert [r["year"] for r in rows] == ["2015", "2018", "2025"]
    assert all(r["source_url"].startswith("http") for r in rows)
    bundle = download_from_link(page, "Download data bundle (ZIP)")
    assert bundle.suggested_filename == "china-asean-digital-economy-data_vnm_en.zip"
    with zipfile.ZipFile(bundle.path()) as zf:
        assert "data/filtered/observations.csv" in zf.namelist()
        assert "?country=VNM" in zf.read("README.md").decode()


def fetch(url: str) -> tuple[int, dict, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=120) as r:  # noqa: S310 - our own local server
            return r.status, {k.lower(): v for k, v in r.headers.items()}, r.read()
    except urllib.error.HTTPError as e:
        return e.code, {k.lower(): v for k, v in e.headers.items()}, e.read()


def test_export_links_serve_each_view_and_refuse_unknown_values(server):
    """The export route is the page's permalink with a path in front: every value checked."""
    base = f"{server}/export"
    status, headers, body = fetch(
        f"{base}/connectivity/fixed_broadband_subscriptions_per_100_people-ranking-2015.svg"
        "?country=VNM&country=THA&country=IDN&lang=zh&indicator=fixed_broadband_subscriptions_per_100_people&year=2015"
    )
    assert status == 200 and headers["content-type"].startswith("image/svg+xml")
    svg = body.decode()
    assert "2015" in svg and re.search(r"[\u4e00-\u9fff]", svg)
    assert "indicator=fixed_broadband_subscriptions_per_100_people" in svg  # the permalink, stamped
    status, headers, body = fetch(f"{base}/country/ranking-internet_economy_gmv-sgp.csv?profile=SGP")
    assert status == 200 and "attachment" in headers["content-disposition"]
    for bad, reason in [
        ("/overview/internet-economy-gmv-share-of-gdp.png?country=XXX&lang=fr", b"country=XXX, lang=fr"),
        ("/connectivity/x.png?indicator=%3Cscript%3E", b"indicator=<script>"),
        ("/country/ranking-internet_economy_gmv-sgp.csv?country=VNM&profile=SGP", b"profile=SGP"),
    ]:
        status, headers, body = fetch(base + bad)
        assert status == 400 and reason in body and headers["content-type"].startswith("text/plain")
    assert fetch(f"{base}/no-such-page/a.png")[0] == 404
    assert fetch(f"{base}/overview/internet-economy-gmv-share-of-gdp.exe")[0] == 404


def test_chart_settings_change_the_link_and_the_chart(page, server):
    """Grapher's settings, clicked as a reader clicks them: the URL and the drawn line change."""
    open_view(page, server, "connectivity", "?country=VNM&country=THA&country=IDN", charts=3)
    open_settings(page)
    page.locator("[data-testid=stButtonGroup] button", has_text="Change since the first year (%)").click()
    page.wait_for_url(re.compile(r"stackMode=relative"))
    page.wait_for_function(
        """() => [...document.querySelectorAll('.js-plotly-plot')].some(gd =>
             ((gd.layout.yaxis || {}).title || {}).text && gd.layout.yaxis.title.text.startsWith('change since'))"""
    )
    settle(page)
    page.locator("[data-testid=stButtonGroup] button", has_text="Log").click()
    page.wait_for_url(re.compile(r"yScale=log"))
    settle(page)
    page.locator("[data-testid=stButtonGroup] button", has_text="As reported").click()
    page.wait_for_url(lambda url: "yScale=log" in url and "stackMode" not in url)
    page.wait_for_function(
        "() => [...document.querySelectorAll('.js-plotly-plot')].some(gd => (gd.layout.yaxis || {}).type === 'log')"
    )
