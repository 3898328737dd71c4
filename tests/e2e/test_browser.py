"""What a person sees in a real browser: charts draw, the URL follows the filter, downloads arrive,
hostile links are harmless, nothing is fetched from outside, and no critical accessibility fault."""

from __future__ import annotations

import csv
import io
import json
import re
import struct
from pathlib import Path

import pytest
from streamlit.testing.v1 import AppTest

from dashboard.i18n import t
from dashboard.pages import PAGES as ALL_PAGES

pytestmark = pytest.mark.e2e

REPO = Path(__file__).resolve().parents[2]
AXE = REPO / "node_modules" / "axe-core" / "axe.min.js"
# url path -> (file, the i18n key of its heading; the Overview is headed by the dashboard's name)
PAGES = {p.url_path: (p.file, p.title_key if p.url_path else "app_title") for p in ALL_PAGES}
DRAWN = """() => [...document.querySelectorAll('.js-plotly-plot')].map(gd => ({
    title: (gd.layout && gd.layout.title && gd.layout.title.text) || '',
    traces: gd.data ? gd.data.length : 0,
    drawn: gd.querySelectorAll('g.trace').length + gd.querySelectorAll('.hm').length,
}))"""


def expected_figures(path: str, **query) -> list[dict]:
    """The figures the app's own script produces for this view (AppTest), to compare with the screen."""
    at = AppTest.from_file(str(REPO / "dashboard" / "app.py"), default_timeout=60)
    for key, value in query.items():
        at.query_params[key] = value
    if PAGES[path][0] != "overview.py":
        at.switch_page(f"app_pages/{PAGES[path][0]}")
    at.run()
    return [json.loads(el.proto.spec) for el in at.get("plotly_chart")]


def settle(page) -> None:
    """Wait until Streamlit has finished running the script for this view."""
    page.wait_for_selector("[data-testid=stMain] h2")
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
    assert page.get_by_role("heading", name=t(PAGES[path][1], "en")).count() >= 1


def choose_country(page, typed: str, option_text: str) -> None:
    box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect] input")
    box.click()
    box.fill(typed)
    page.get_by_role("option", name=re.compile(option_text)).first.click()
    page.keyboard.press("Escape")


def gmv_countries(page) -> set[str]:
    return set(
        page.evaluate(
            """() => { const gd = [...document.querySelectorAll('.js-plotly-plot')]
                 .find(g => (g.layout.title.text || '').includes('merchandise value'));
               return gd.data.flatMap(tr => Array.from(tr.x)); }"""
        )
    )


def test_filter_updates_charts_url_and_survives_reload_and_page_switch(page, server):
    open_view(page, server, "digital-economy", charts=4)
    assert len(gmv_countries(page)) == 6
    choose_country(page, "Vietnam", "Viet Nam")  # found by its alias
    page.wait_for_url(re.compile(r"country=VNM"))
    page.wait_for_function(
        """() => { const gd = [...document.querySelectorAll('.js-plotly-plot')]
             .find(g => (g.layout.title.text || '').includes('merchandise value'));
           return gd && gd.data.every(tr => Array.from(tr.x).every(x => x === 'Viet Nam')); }"""
    )
    assert gmv_countries(page) == {"Viet Nam"}
    page.reload()
    settle(page)
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length >= 2")
    assert gmv_countries(page) == {"Viet Nam"}
    assert "country=VNM" in page.url
    page.locator("[data-testid=stSidebarNav] a", has_text="Participants").click()
    page.wait_for_url(re.compile(r"/participants\?country=VNM"))
    settle(page)
    chips = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect] [data-tag] span[title]")
    assert chips.count() == 1 and "Viet Nam" in chips.first.inner_text()


@pytest.mark.parametrize("path", list(PAGES))
def test_shared_link_opens_in_chinese_with_two_countries(page, server, path):
    expected = expected_figures(path, country=["VNM", "THA"], lang="zh")
    open_view(page, server, path, "?country=VNM&country=THA&lang=zh", charts=len(expected))
    assert page.get_by_role("heading", name=t(PAGES[path][1], "zh")).count() >= 1
    chips = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect] [data-tag] span[title]")
    texts = chips.all_inner_texts()
    assert len(texts) == 2 and any("越南" in x for x in texts) and any("泰国" in x for x in texts)
    for fig in drawn(page):
        assert re.search(r"[\u4e00-\u9fff]", fig["title"]), fig["title"]


def test_hostile_link_shows_a_notice_runs_no_script_and_works(page, server):
    query = "?country=%3Cscript%3Ealert(1)%3C%2Fscript%3E&country=%3Cimg%20src%3Dx%20onerror%3Dalert(2)%3E&country=XXX&lang=fr"
    open_view(page, server, "", query, charts=1)
    notice = page.locator("[data-testid=stAlert]", has_text="Ignored unknown values in the link")
    assert notice.count() == 1
    assert "<script>alert(1)</script>" in notice.inner_text()
    assert page.locator("[data-testid=stMain] script, [data-testid=stMain] img[src=x]").count() == 0
    assert page.evaluate("() => document.querySelectorAll('img[onerror]').length") == 0
    assert drawn(page)[0]["drawn"] == 2
    # the dialog recorder in the fixture fails the test if alert() ran


def png_size(data: bytes) -> tuple[int, int]:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">II", data[16:24])


def test_downloads_arrive_as_real_files(page, server, tmp_path):
    open_view(page, server, "", "?country=VNM", charts=1)
    page.get_by_role("radio", name="Download", exact=True).first.click()
    with page.expect_download(timeout=60_000) as info:
        page.get_by_role("button", name="PNG", exact=True).click()
    png = info.value
    assert png.suggested_filename == "internet-economy-gmv-share-of-gdp_vnm_en.png"
    data = Path(png.path()).read_bytes()
    assert png_size(data) == (2000, 1200)
    with page.expect_download() as info:
        page.get_by_role("button", name="CSV", exact=True).click()
    rows = list(csv.DictReader(io.StringIO(Path(info.value.path()).read_text(encoding="utf-8-sig"))))
    assert [r["year"] for r in rows] == ["2015", "2018", "2025"]
    assert all(r["source_url"].startswith("http") for r in rows)


def test_accessibility_has_no_critical_violation_in_our_content(page, server):
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: scripts/setup.sh --test installs axe-core")
    for path in PAGES:
        open_view(page, server, path)
        page.add_script_tag(path=str(AXE))
        result = page.evaluate(
            """async () => (await axe.run(document.querySelector('[data-testid=stMain]'),
                                         {resultTypes: ['violations']})).violations
                 .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.length}))"""
        )
        for v in result:
            print(f"axe {path or 'overview'}: {v['impact']} {v['id']} ({v['nodes']}): {v['help']}")
        critical = [v for v in result if v["impact"] == "critical"]
        assert not critical, f"/{path}: {critical}"
