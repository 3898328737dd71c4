"""Visual regression, as Our World in Data runs it on its charts: every chart of every page, in
both languages and five views, rendered as its SVG download at a desktop and a phone width, is
compared with its reviewed reference in tests/visual/references/, and its layout is measured in
the browser that drew it (texts inside the figure, none overlapping, every category named, a plot
at least 200 px high).

After a reviewed change of the charts: `python scripts/visual_refs.py` rewrites the references;
the diff of the SVGs (one element a line) is what a reviewer reads."""

from __future__ import annotations

import concurrent.futures

import pytest

from dashboard.present import exports
from tests.visual import layout, render

pytestmark = pytest.mark.skipif(
    exports.find_browser() is None and not __import__("os").environ.get("CI"),
    reason="no Chromium here (CI installs it, so this never skips in CI)",
)


ARTIFACTS = render.REPO / "test-artifacts" / "visual"


@pytest.fixture(scope="module")
def model():
    from dashboard.data.model import build_model

    return build_model(render.REPO / "data")


@pytest.fixture(scope="module")
def rendered(model):
    """(case, width name, SVG) for every chart, view, language and width: rendered once."""
    out = []
    for case in render.cases(model):
        for width_name, width in render.WIDTHS.items():
            out.append((case, width_name, render.render(case, width)))
    return out


def test_every_chart_matches_its_reviewed_reference(rendered):
    changed, missing = [], []
    for case, width_name, svg in rendered:
        path = render.reference_path(case.key, width_name)
        if not path.exists():
            missing.append(path.name)
        elif not render.same_drawing(path.read_text(encoding="utf-8"), render.normalise(svg)):
            changed.append(path.name)
            ARTIFACTS.mkdir(parents=True, exist_ok=True)  # the new drawing, to diff with the reference
            (ARTIFACTS / path.name).write_text(render.normalise(svg), encoding="utf-8")
    expected = {render.reference_path(case.key, w).name for case, w, _ in rendered}
    stale = sorted(p.name for p in render.REFERENCES.glob("*.svg") if p.name not in expected)
    assert not (changed or missing or stale), (
        f"changed: {changed}\nmissing: {missing}\nno longer drawn: {stale}\n"
        "Review the difference, then run: python scripts/visual_refs.py"
    )


def test_every_chart_is_laid_out_inside_its_figure(rendered):
    # In a thread of its own: the browser suite's session may hold Playwright's loop in this one.
    with concurrent.futures.ThreadPoolExecutor(max_workers=1) as pool:
        found = pool.submit(_measure_all, rendered).result()
    assert not found, "\n".join(found)


def _measure_all(rendered) -> list[str]:
    from playwright.sync_api import sync_playwright

    found = []
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=exports.find_browser())
        page = browser.new_page()
        for case, width_name, svg in rendered:
            page.set_content(f"<html><body style='margin:0'>{svg}</body></html>")
            measured = page.evaluate(layout.MEASURE)
            for problem in layout.problems(measured, layout.categories(case.chart.figure)):
                found.append(f"{case.key} ({width_name}): {problem}")
        browser.close()
    return found


def test_a_moved_or_changed_element_is_a_changed_drawing_a_pixel_is_not():
    reference = '<text x="100" y="40">Viet Nam</text>\n<rect width="30" height="200"/>\n'
    assert render.same_drawing(reference, reference.replace('x="100"', 'x="102"'))  # a font update
    assert not render.same_drawing(reference, reference.replace('x="100"', 'x="110"'))  # moved
    assert not render.same_drawing(reference, reference.replace("Viet Nam", "Vietnam"))  # text changed
    assert not render.same_drawing(reference, reference.replace('height="200"', 'height="200" fill="red"'))


def test_the_layout_check_finds_what_it_is_for():
    """The checks fail on a chart that is wrong: a label past the edge, two labels on each other,
    a missing category, a squashed plot."""
    measured = {
        "width": 400,
        "height": 300,
        "texts": [
            {
                "text": "Philippines",
                "x": -8,
                "y": 10,
                "w": 60,
                "h": 14,
                "quad": [[-8, 10], [52, 10], [52, 24], [-8, 24]],
            },
            {
                "text": "7.1",
                "x": 100,
                "y": 50,
                "w": 20,
                "h": 14,
                "quad": [[100, 50], [120, 50], [120, 64], [100, 64]],
            },
            {
                "text": "7.5",
                "x": 110,
                "y": 52,
                "w": 20,
                "h": 14,
                "quad": [[110, 52], [130, 52], [130, 66], [110, 66]],
            },
        ],
        "plots": [80],
    }
    measured["texts"].append(
        {
            "text": "10–15 min",
            "x": 300,
            "y": 100,
            "w": 60,
            "h": 14,
            "cut": True,
            "quad": [[300, 100], [360, 100], [360, 114], [300, 114]],
        }
    )
    found = layout.problems(measured, ["Philippines", "Myanmar"])
    assert "text cut at the plot's edge: '10–15 min'" in found
    assert any("outside the figure: 'Philippines'" in p for p in found)
    assert any("overlap: '7.1' and '7.5'" in p for p in found)
    assert "category label not drawn: 'Myanmar'" in found
    assert any("plot area 80 px high" in p for p in found)
    # two labels turned 30 degrees whose upright boxes overlap, but not the labels: no collision
    a = [[0, 20], [52, -10], [57, -1], [5, 29]]
    b = [[30, 20], [82, -10], [87, -1], [35, 29]]
    assert (
        layout.problems(
            {
                "width": 400,
                "height": 300,
                "texts": [
                    {"text": "a", "x": 0, "y": 0, "w": 57, "h": 39, "quad": [[p[0], p[1] + 20] for p in a]},
                    {"text": "b", "x": 30, "y": 0, "w": 57, "h": 39, "quad": [[p[0], p[1] + 20] for p in b]},
                ],
                "plots": [250],
            },
            [],
        )
        == []
    )
