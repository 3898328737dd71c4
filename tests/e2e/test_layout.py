"""Every page on a phone (390 × 844) and to an accessibility checker: chart text inside its chart,
nothing wider than the screen, no serious or moderate axe violation, the filter within a few Tab
presses."""

from __future__ import annotations

import pytest

from tests.e2e.conftest import PHONE
from tests.e2e.test_browser import AXE, PAGES, expected_figures, open_view
from tests.visual.layout import CUT_BY_PLOT

#: Every text of every drawn chart, with the chart's own box and the screen's width.
CLIPPED = (
    "() => {"
    + CUT_BY_PLOT
    + """
  const out = [];
  for (const gd of document.querySelectorAll('.js-plotly-plot')) {
    const box = gd.getBoundingClientRect();
    for (const el of gd.querySelectorAll('svg text')) {
      const text = el.textContent.trim();
      if (!text) continue;
      const r = el.getBoundingClientRect();
      if (r.width === 0) continue;
      if (r.left < box.left - 1 || r.right > box.right + 1 || r.top < box.top - 1 || r.bottom > box.bottom + 1
          || r.left < -1 || r.right > window.innerWidth + 1) {
        out.push(text.slice(0, 50));
        continue;
      }
      if (cutByPlot(el)) out.push('cut by the plot: ' + text.slice(0, 50));
    }
  }
  return out;
}"""
)


@pytest.mark.parametrize("lang", ["en", "zh"])
@pytest.mark.parametrize("path", list(PAGES))
def test_on_a_phone_no_chart_text_is_cut_and_nothing_is_wider_than_the_screen(phone, server, path, lang):
    expected = expected_figures(path, lang=lang)
    open_view(phone, server, path, f"?lang={lang}", charts=len(expected))
    assert phone.evaluate(CLIPPED) == []
    width = phone.evaluate("() => document.querySelector('[data-testid=stMain]').scrollWidth")
    assert width <= PHONE["width"], f"the page scrolls sideways: {width} px"
    # a chart's toolbar would float over its title: there is none
    assert phone.locator(".modebar").count() == 0


AXE_RUN = """async () => (await axe.run(document.querySelector('[data-testid=stMain]'),
                             {resultTypes: ['violations']})).violations
     .map(v => ({id: v.id, impact: v.impact, help: v.help, nodes: v.nodes.map(n => n.target.join(' ')).slice(0, 3)}))"""


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_axe_finds_no_serious_or_moderate_violation_on_any_page(page, server, lang):
    if not AXE.exists():
        pytest.fail(f"{AXE} missing: scripts/setup.sh --test installs axe-core")
    found = []
    for path in PAGES:
        open_view(page, server, path, f"?lang={lang}", charts=len(expected_figures(path, lang=lang)))
        page.add_script_tag(path=str(AXE))
        for v in page.evaluate(AXE_RUN):
            if v["impact"] in ("critical", "serious", "moderate"):
                found.append(f"/{path}?lang={lang}: {v['impact']} {v['id']}: {v['help']} {v['nodes']}")
        headings = page.locator("[data-testid=stMain] h1").count()
        if headings != 1:
            found.append(f"/{path}?lang={lang}: {headings} h1 headings, not one")
    assert not found, "\n".join(found)


def test_the_country_filter_is_a_few_tab_presses_away(page, server):
    """No chart toolbar's buttons to cross first: the filter and the tab switch come quickly."""
    open_view(page, server, "connectivity", "", charts=3)
    page.evaluate("() => document.activeElement && document.activeElement.blur()")
    reached = {}
    for n in range(1, 40):
        page.keyboard.press("Tab")
        where = page.evaluate(
            """() => { const el = document.activeElement;
                 if (el.closest('[data-testid=stMultiSelect]')) return 'filter';
                 if (el.closest('[data-testid=stButtonGroup]') && el.closest('[data-testid=stMain]')) return 'tabs';
                 return ''; }"""
        )
        if where and where not in reached:
            reached[where] = n
        if len(reached) == 2:
            break
    assert reached.get("filter", 99) <= 25 and reached.get("tabs", 99) <= 25, reached
