"""Render every chart of every page, as a reader downloads it, to SVG for the visual regression
tests (tests/test_visual.py) and for `scripts/visual_refs.py`, which writes the reviewed references.

Our World in Data renders every chart of its grapher to SVG for a fixed set of views and compares
the files with reviewed references; so do we: each page, both languages, five views (all
countries, one country, CLMV, Brunei alone, Myanmar alone), at a desktop and a phone width. A
chart drawn the same in several views is rendered once, under the first view that draws it.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

from dashboard.data.model import Model
from dashboard.present import exports
from dashboard.present.charts import Chart
from dashboard.present.i18n import LANGS
from dashboard.web import routes
from dashboard.web.pages import PAGES

REFERENCES = Path(__file__).parent / "references"
REPO = Path(__file__).resolve().parents[2]
VIEWS = {
    "all": {},
    "viet-nam": {"country": ["VNM"]},
    "clmv": {"country": ["KHM", "LAO", "MMR", "VNM"]},
    "brunei": {"country": ["BRN"]},
    "myanmar": {"country": ["MMR"]},
}
WIDTHS = {"desktop": 1000, "phone": 390}


@dataclass(frozen=True)
class Case:
    key: str  # "<page>.<chart>.<lang>.<view>": the reference file's name without width and extension
    chart: Chart
    lang: str
    selected: tuple[str, ...]
    permalink: str


def cases(model: Model) -> Iterator[Case]:
    """Every chart of every page, in each language and view, each distinct drawing once."""
    seen: set[str] = set()
    for page in PAGES:
        if page.slug == "sources":
            continue
        for lang in LANGS:
            for view_name, query in VIEWS.items():
                asked = {**query, "lang": [lang]}
                view, _ = routes.read_view(model, page, asked)
                for chart in routes.page_charts(model, view):
                    if chart.is_empty:
                        continue
                    digest = hashlib.sha256(chart.figure.to_json().encode()).hexdigest()
                    if digest in seen:
                        continue
                    seen.add(digest)
                    permalink = f"http://localhost:8501/{page.url_path}?" + urlencode(asked, doseq=True)
                    key = f"{page.slug}.{chart.slug}.{lang}.{view_name}"
                    yield Case(key, chart, lang, view.selected, permalink)


def render(case: Case, width: int) -> str:
    """The chart as its SVG download, at `width` pixels."""
    fig = exports.stamp(
        case.chart.figure,
        filter_text=exports.filter_text(list(case.selected), case.lang, case.chart.table),
        permalink=case.permalink,
        data_dates=exports.data_dates(case.chart.table, case.lang),
        width=width,
    )
    return exports.to_image(fig, "svg", width=width).decode("utf-8")


_ID = re.compile(r'\bid="([^"]+)"')
_ID_USE = re.compile(r"""(id="|#)([^"')\s]+)""")
_TRACE_CLASS = re.compile(r"\btrace[0-9a-f]{6}\b")
_NUMBER = re.compile(r"-?\d+\.\d+")


def normalise(svg: str) -> str:
    """The SVG with what changes between identical renders taken out (Plotly's random ids of clip
    paths, patterns and traces: every id renamed by order of appearance, with its uses) and
    coordinates rounded to whole pixels, one element a line: a diff reads as what moved."""
    names = {old: f"id{n}" for n, old in enumerate(dict.fromkeys(_ID.findall(svg)))}
    text = _ID_USE.sub(lambda m: m.group(1) + names.get(m.group(2), m.group(2)), svg)
    text = _TRACE_CLASS.sub("trace", text)
    text = _NUMBER.sub(lambda m: str(round(float(m.group(0)))), text)
    return re.sub(r">\s*<", ">\n<", text).strip() + "\n"


_INTEGER = re.compile(r"-?\d+")
#: How far (px) a coordinate may move and still be the same drawing: a Chromium or font update
#: shifts text by a pixel or two; a layout change moves things further, or changes the elements.
TOLERANCE_PX = 3


def same_drawing(reference: str, drawn: str) -> bool:
    """Whether two normalised SVGs show the same chart: the same elements, attributes and texts in
    the same order, every number within `TOLERANCE_PX` of the reference's."""
    if reference == drawn:
        return True
    if _INTEGER.sub("#", reference) != _INTEGER.sub("#", drawn):
        return False
    numbers = zip(_INTEGER.findall(reference), _INTEGER.findall(drawn), strict=True)
    return all(abs(int(a) - int(b)) <= TOLERANCE_PX for a, b in numbers)


def reference_path(key: str, width_name: str) -> Path:
    return REFERENCES / f"{key}.{width_name}.svg"


def digest_of(text: str) -> str:
    return hashlib.sha256(text.encode()).hexdigest()[:12]


def as_json(obj) -> str:
    return json.dumps(obj, ensure_ascii=False, indent=1, sort_keys=True)
