"""Grapher's interactions as a reader drives them in a real browser: a click on a country in a
ranking or on the tile map toggles it in the filter; the years slider moves the lines, the ranking
and the table; a chart's own link opens the page at that chart; an embed link shows the chart alone;
the Overview's tiles follow the filter and open their page."""

from __future__ import annotations

import re

import pytest
from playwright.sync_api import expect

from tests.e2e.test_browser import open_settings, open_view, settle, sidebar_chips

pytestmark = pytest.mark.e2e

#: The centre of the point of chart `n` whose customdata starts with `code` (a bar or a tile), in
#: page coordinates, found through the figure Plotly drew (its traces and their points in order).
POINT = """([n, code]) => {
    const gd = [...document.querySelectorAll('.js-plotly-plot')][n];
    for (const [i, trace] of gd._fullData.entries()) {
        const j = (trace.customdata || []).findIndex(row => (Array.isArray(row) ? row[0] : row) === code);
        if (j < 0) continue;
        const layer = gd.querySelectorAll('g.trace')[i];
        const point = layer.querySelectorAll('.point')[j];
        point.scrollIntoView({block: 'center'});  // the mouse reaches only what is on screen
        const box = point.getBoundingClientRect();
        return {x: box.x + box.width / 2, y: box.y + box.height / 2};
    }
    return null;
}"""

#: The accent colour of a chosen country's bar, per chart `n`: which countries are highlighted.
HIGHLIGHTED = """([n, accent]) => {
    const gd = [...document.querySelectorAll('.js-plotly-plot')][n];
    const bar = gd.data[0];
    return bar.customdata.filter((row, i) => bar.marker.color[i] === accent).map(row => row[0]).sort();
}"""


def click_country(page, chart: int, code: str) -> None:
    """Hover the country's point until Plotly shows its label, then click it, as a reader does."""
    page.wait_for_function(POINT, arg=[chart, code])
    at = page.evaluate(POINT, [chart, code])
    page.mouse.move(at["x"], at["y"])
    expect(page.locator(".hoverlayer .hovertext").first).to_be_visible()
    page.mouse.click(at["x"], at["y"])


def test_clicking_a_ranking_bar_adds_the_country_and_clicking_it_again_removes_it(page, server):
    from dashboard.present import theme

    open_view(page, server, "connectivity", "?country=VNM", charts=3)
    page.wait_for_function(
        "([n, accent]) => { const gd = [...document.querySelectorAll('.js-plotly-plot')][n];"
        " return gd.data[0].marker.color.filter(c => c === accent).length === 1 }",
        arg=[1, theme.ACCENT],
    )
    click_country(page, 1, "SGP")
    page.wait_for_url(re.compile(r"country=SGP"))
    settle(page)
    assert "country=VNM" in page.url
    page.wait_for_function(
        f'a => JSON.stringify(({HIGHLIGHTED})(a)) === \'["SGP","VNM"]\'', arg=[1, theme.ACCENT]
    )
    chips = sidebar_chips(page)
    expect(chips).to_have_count(2)
    click_country(page, 1, "SGP")  # a chosen one: out of the filter again
    page.wait_for_url(lambda url: "country=SGP" not in url and "country=VNM" in url)
    settle(page)
    expect(chips).to_have_count(1)


def test_clicking_a_tile_on_the_map_adds_the_country(page, server):
    open_view(page, server, "participants", "?country=VNM", charts=2)
    click_country(page, 0, "THA")
    page.wait_for_url(re.compile(r"country=THA"))
    settle(page)
    # the clicked tile is drawn as chosen: full colour, no longer faded
    page.wait_for_function(
        """() => { const gd = document.querySelectorAll('.js-plotly-plot')[0];
             return gd.data.some(tr => (tr.customdata || []).some((row, i) => row[0] === 'THA'
                 && tr.marker.opacity[i] === 1)) }"""
    )
    assert "country=VNM" in page.url


def test_the_years_slider_moves_the_lines_the_ranking_and_the_table(page, server):
    open_view(page, server, "connectivity", "?country=VNM&country=THA", charts=3)
    ends = page.locator("[data-testid=stSlider] input[type=range]")  # each handle's (hidden) input
    thumbs = [ends.nth(i).locator("xpath=../..") for i in (0, 1)]  # the handles a reader drags
    first, last = thumbs[0].bounding_box(), thumbs[1].bounding_box()
    years = int(ends.nth(1).get_attribute("aria-valuetext")) - int(
        ends.nth(0).get_attribute("aria-valuetext")
    )
    y = first["y"] + first["height"] / 2
    x0, x1 = first["x"] + first["width"] / 2, last["x"] + last["width"] / 2
    page.mouse.move(x0, y)  # drag the first year's handle ten years on: 2000 → 2010
    page.mouse.down()
    page.mouse.move(x0 + (x1 - x0) * 10 / years, y, steps=12)
    page.mouse.up()
    page.wait_for_url(re.compile(r"time=2010\.\.\d{4}"))
    settle(page)
    page.wait_for_function(
        "() => Math.min(...document.querySelectorAll('.js-plotly-plot')[0].data.flatMap(tr => [...tr.x])) === 2010"
    )
    last = re.search(r"time=2010\.\.(\d{4})", page.url).group(1)
    expect(page.locator("h2", has_text=f"ranking {last}")).to_be_visible()
    page.locator("[data-testid=stButtonGroup] button", has_text="Table").click()
    first_table = page.locator("[data-testid=stDataFrame]").first
    expect(first_table).to_be_visible()
    headers = first_table.locator("[role=columnheader]")
    expect(headers.nth(1)).to_have_text("2010")  # the plotted years only, from 2010


def test_a_charts_link_opens_the_page_at_that_chart(page, server):
    anchor = "fixed_broadband_subscriptions_per_100_people-china-vs-asean10"
    page.goto(f"{server}/connectivity?indicator=fixed_broadband_subscriptions_per_100_people#{anchor}")
    settle(page)
    heading = page.locator(f"[id='{anchor}']")
    expect(heading).to_be_visible()
    # Scrolled to the chart: its heading on screen, the page no longer at its top. Not always in
    # the top half: the browser scrolls when the heading arrives, and a last chart can only come
    # up as far as what is drawn below it allows; Streamlit loads plotly.js when the first chart
    # arrives, so the charts may not have their height yet (2 of 40 loads ended at 658 px of 900).
    page.wait_for_function(
        "id => { const r = document.getElementById(id).getBoundingClientRect();"
        " const main = document.querySelector('[data-testid=stMain]');"
        " return main.scrollTop > 0 && r.top >= 0 && r.bottom <= window.innerHeight }",
        arg=anchor,
    )


def test_an_embed_link_shows_the_chart_alone(page, server):
    chart = "mobile_cellular_subscriptions_per_100_people-over-time"
    page.goto(f"{server}/connectivity?country=VNM&time=2010..2020&embed=true&chart={chart}")
    page.wait_for_selector(f"[id='{chart}']")
    page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot .main-svg').length > 0")
    assert page.locator(".js-plotly-plot").count() == 1
    assert page.locator("h1").count() == 0 and page.locator("[data-testid=stSidebar]").count() == 0
    years = page.evaluate("() => document.querySelector('.js-plotly-plot').data.flatMap(tr => [...tr.x])")
    assert min(years) == 2010 and max(years) == 2020
    page.goto(f"{server}/connectivity?embed=true&chart=nope")  # no such chart: the page, and why
    expect(page.get_by_text("This link names a chart the page does not have")).to_be_visible()


def test_overview_key_indicators_follow_the_filter_and_open_their_chart(page, server):
    open_view(page, server, "", "?country=VNM&country=THA", charts=1)
    expect(page.get_by_text("For the countries in the filter (Thailand and Viet Nam)")).to_be_visible()
    expect(page.locator("[data-testid=stDataFrame]")).to_have_count(1)
    with page.expect_popup() as opened:  # Streamlit opens a Markdown link in a new tab
        page.locator("a", has_text="Fixed broadband subscriptions").click()
    chart = opened.value
    chart.wait_for_url(re.compile(r"/connectivity\?.*indicator=fixed_broadband_subscriptions_per_100_people"))
    settle(chart)
    assert "country=THA" in chart.url and "country=VNM" in chart.url
    expect(chart.locator("h2", has_text="Fixed broadband subscriptions").first).to_be_visible()


def test_compare_with_china_adds_chinas_line_and_keeps_it_in_the_link(page, server):
    open_view(page, server, "connectivity", "?country=VNM", charts=3)
    names = "() => document.querySelectorAll('.js-plotly-plot')[0].data.map(tr => tr.name)"
    assert "China" not in page.evaluate(names)
    open_settings(page)
    page.locator("[data-testid=stCheckbox]", has_text="Compare with China").click()
    page.wait_for_url(re.compile(r"compare=CHN"))
    page.wait_for_function(f"() => ({names})().includes('China')")
    page.keyboard.press("Escape")  # the popover closes; the setting stays
    expect(page.locator("[data-testid=stPopoverBody]")).to_have_count(0)
    settle(page)
    assert "compare=CHN" in page.url and "China" in page.evaluate(names)
    page.locator("[data-testid=stButtonGroup] button", has_text="Table").click()
    expect(page.locator("[data-testid=stDataFrame]").first).to_contain_text("China")
