"""A country added in a real browser → all three Connectivity charts updated, against a selectbox
app with the same charts ready-made (benchmarks/floors/select.py)."""

from __future__ import annotations

import json
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.common import (
    APP,
    REPO,
    TARGETS,
    median_ms,
    start_server,
    stop_server,
)
from benchmarks.measures.cold import FIRST_CHART, launch  # noqa: E402

FLOORS = REPO / "benchmarks" / "floors"


TRACE_NAMES = "() => { const gd = document.querySelector('.js-plotly-plot'); return gd && gd.data ? gd.data.map(t => t.name) : []; }"


# How many charts on the page show `name` (as a trace, or as a bar's category): "all charts updated"
# means this reaches the number of charts that show the country in the page's own output.
CHARTS_SHOWING = """([name, n]) => [...document.querySelectorAll('.js-plotly-plot')].filter(gd =>
  (gd.data || []).some(t => t.name === name || [t.x, t.y].some(v => Array.isArray(v) && v.includes(name)))
).length >= n"""


WARM_UP = "Cambodia"  # clicked once on each side before timing: a warm browser, not a warm server cache


TOGGLE = ["Viet Nam", "Thailand", "Indonesia", "Malaysia", "Singapore", "Philippines"]


CODES = {
    "China": "CHN",
    "Cambodia": "KHM",
    "Viet Nam": "VNM",
    "Thailand": "THA",
    "Indonesia": "IDN",
    "Malaysia": "MYS",
    "Singapore": "SGP",
    "Philippines": "PHL",
}


class _DashboardReader:
    """A browser on the Connectivity page that adds a country, times it, then removes it."""

    def __init__(self, pw, base: str):
        self.browser = launch(pw)
        self.page = self.browser.new_page(viewport={"width": 1300, "height": 900})
        self.page.goto(base + "/connectivity?country=CHN")
        self.page.wait_for_function(f"() => ({TRACE_NAMES})().includes('China')", timeout=60_000)

    def choose(self, name: str, expected: dict[str, int]) -> float:
        page = self.page
        box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect] input")
        box.click()
        box.fill(name)
        option = page.get_by_role("option", name=name).first
        option.wait_for()
        start = time.perf_counter()
        option.click()
        page.wait_for_function(CHARTS_SHOWING, arg=[name, expected[name]], timeout=60_000)
        elapsed = time.perf_counter() - start
        page.keyboard.press("Escape")
        page.locator(f"[data-testid=stSidebar] button[aria-label^='Remove {name}']").click()
        page.wait_for_function(f"() => !({TRACE_NAMES})().includes({json.dumps(name)})", timeout=60_000)
        return elapsed


class _FloorReader:
    """A browser on the floor app: choose the country in its one selectbox, time it, back to China."""

    def __init__(self, pw, base: str):
        self.browser = launch(pw)
        self.page = self.browser.new_page(viewport={"width": 1300, "height": 900})
        self.page.goto(base + "/")
        self.page.wait_for_function(FIRST_CHART, timeout=60_000)

    def choose(self, name: str, expected: dict[str, int]) -> float:
        times = []
        for option in (name, "China"):
            self.page.locator("[data-testid=stSelectbox]").click()
            item = self.page.get_by_role("option", name=option, exact=True)
            item.wait_for()
            start = time.perf_counter()
            item.click()
            self.page.wait_for_function(CHARTS_SHOWING, arg=[option, expected[option]], timeout=60_000)
            times.append(time.perf_counter() - start)
        return times[0]


def bench_browser(reps: int) -> list[dict]:
    """Both apps served at once; clicks alternate between them, so both meet the same machine."""
    from playwright.sync_api import sync_playwright
    from streamlit.testing.v1 import AppTest

    names = [TOGGLE[i % len(TOGGLE)] for i in range(reps)]
    # Ready-made figures: the Connectivity page's own output for each selection the test makes.
    variants = {}
    for option in ["China", WARM_UP, *TOGGLE]:
        at = AppTest.from_file(str(APP), default_timeout=120)
        at.query_params["country"] = sorted({"CHN", CODES[option]})
        at.switch_page("app_pages/connectivity.py")
        at.run()
        variants[option] = [el.proto.spec for el in at.get("plotly_chart")]
    expected = {option: sum(option in spec for spec in specs) for option, specs in variants.items()}
    tmp = Path(tempfile.mkdtemp(prefix="floor-"))
    (tmp / "variants.json").write_text(json.dumps(variants), encoding="utf-8")
    floor = FLOORS / "select.py"
    servers = []
    try:
        servers.append(start_server())
        servers.append(
            start_server(script=str(floor), env_extra={"FLOOR_VARIANTS": str(tmp / "variants.json")})
        )
        with sync_playwright() as pw:
            readers = [_DashboardReader(pw, servers[0][1]), _FloorReader(pw, servers[1][1])]
            for reader in readers:  # a warm browser, not a warm server cache
                reader.choose(WARM_UP, expected)
            dash, flo = [], []
            for name in names:
                dash.append(readers[0].choose(name, expected))
                flo.append(readers[1].choose(name, expected))
            for reader in readers:
                reader.browser.close()
    finally:
        for proc, _ in servers:
            stop_server(proc)
    shutil.rmtree(tmp, ignore_errors=True)
    d, f = median_ms(dash), median_ms(flo)
    first = [t for i, t in enumerate(dash) if names.index(names[i]) == i]  # charts built on the click
    again = [t for i, t in enumerate(dash) if names.index(names[i]) != i]  # charts already built
    return [
        {
            "measure": "browser",
            "case": f"filter -> {len(variants['China'])} charts updated (Connectivity)",
            "dashboard_ms": d,
            "floor_ms": f,
            "ratio": round(d / f, 2),
            "target": TARGETS["browser"],
            "dashboard_first_choice_ms": median_ms(first),
            "dashboard_repeat_choice_ms": median_ms(again) if again else None,
        }
    ]
