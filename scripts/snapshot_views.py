"""Write what the dashboard shows and exports for a fixed set of views, to compare two versions.

    python scripts/snapshot_views.py OUT_DIR [--images]     # one file per chart JSON and export
    python scripts/snapshot_views.py OUT_DIR --compare OLD_DIR

For refactors that must not change behaviour: run it before and after, then `--compare`. Every
page, in both languages, for five filters (none, one country, CLMV, Brunei alone, Timor-Leste
alone); for each view the figures the page sends (AppTest, through the router), and every chart's
CSV, Excel, HTML (and with `--images` PNG, SVG, PDF) plus the data bundle, with a fixed date and
permalink. Files that differ between two runs of the *same* code (PDF and Excel carry creation
times) are compared after dropping those stamps; the report says which.
"""

from __future__ import annotations

import argparse
import hashlib
import io
import json
import re
import sys
import zipfile
from pathlib import Path

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

FILTERS = {
    "all": [],
    "vnm": ["VNM"],
    "clmv": ["KHM", "LAO", "MMR", "VNM"],
    "brn": ["BRN"],
    "tls": ["TLS"],
}
LANGS = ["en", "zh"]
TODAY = "2026-01-01"
ORIGIN = "http://localhost:8501"


def _api():
    """The few functions this needs, wherever the current layout keeps them."""
    try:
        from dashboard.present import exports
        from dashboard.web import cache, routes
        from dashboard.web.pages import PAGES
    except ImportError:
        from dashboard.present import exports
        from dashboard.web import cache, routes
        from dashboard.web.pages import PAGES
    return cache, exports, routes, PAGES


def page_specs(page, lang: str, selected: list[str]) -> list[str]:
    from streamlit.testing.v1 import AppTest

    app = next(
        p for p in (REPO / "dashboard" / "web" / "app.py", REPO / "dashboard" / "app.py") if p.exists()
    )
    at = AppTest.from_file(str(app), default_timeout=120)
    if selected:
        at.query_params["country"] = selected
    if lang != "en":
        at.query_params["lang"] = lang
    if page.url_path:
        at.switch_page(_page_script(page))
    at.run()
    if at.exception:
        raise RuntimeError(f"{page.url_path}: {at.exception}")
    return [el.proto.spec for el in at.get("plotly_chart")]


def _page_script(page) -> str:
    """The page's path relative to the router (both live under the same folder in either layout)."""
    return f"app_pages/{page.file}"


def _normalise(name: str, data: bytes) -> bytes:
    """Drop what changes between two runs of the same code: creation times, and the random ids
    Plotly gives an HTML chart's element and an SVG's clip paths."""
    if name.endswith(".html"):
        return re.sub(rb"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", b"UUID", data)
    if name.endswith(".svg"):
        pattern = rb'(?:id="defs-|class="trace \w+ trace|-legend-|id="p[0-9a-f]{6}-)([0-9a-f]{6})\b'
        ids = list(dict.fromkeys(re.findall(pattern, data)))  # in order of first appearance
        for n, found in enumerate(ids):
            data = data.replace(found, b"ID%d" % n)
        return data
    if name.endswith(".pdf"):
        return re.sub(rb"/(CreationDate|ModDate) \(D:[^)]*\)", b"", data)
    if name.endswith((".xlsx", ".zip")):
        out = io.BytesIO()
        with zipfile.ZipFile(io.BytesIO(data)) as zin:
            parts = {i.filename: zin.read(i) for i in zin.infolist()}
        for key, value in sorted(parts.items()):
            value = re.sub(rb"<dcterms:(created|modified)[^<]*</dcterms:\1>", b"", value)
            out.write(key.encode() + b"\0" + hashlib.sha256(value).digest())
        return out.getvalue()
    return data


def snapshot(out: Path, images: bool) -> int:
    cache, exports, routes, PAGES = _api()
    m = cache.current_model()
    formats = ["csv", "xlsx", "html"] + (["png", "svg", "pdf"] if images else [])
    n = 0
    for page in PAGES:
        for lang in LANGS:
            for fname, selected in FILTERS.items():
                key = f"{page.slug}.{lang}.{fname}"
                specs = page_specs(page, lang, selected)
                for i, spec in enumerate(specs):
                    (out / f"{key}.page{i}.json").write_text(spec, encoding="utf-8")
                    n += 1
                query = {"country": selected, "lang": [lang]}
                view, _defaults = routes.read_view(m, page, query)
                for chart in routes.page_charts(m, view):
                    if chart.is_empty:
                        continue
                    for ext in formats:
                        data = exports.chart_file(
                            chart, ext, lang=lang, selected=selected, permalink=ORIGIN, today=TODAY
                        )
                        (out / f"{key}.{chart.slug}.{ext}").write_bytes(data)
                        n += 1
    return n


def compare(new: Path, old: Path) -> int:
    names = sorted({p.name for p in new.iterdir()} | {p.name for p in old.iterdir()})
    differ, normalised, reordered = [], [], []
    for name in names:
        a, b = new / name, old / name
        if not a.exists() or not b.exists():
            differ.append(f"{name}: only in {'old' if b.exists() else 'new'}")
            continue
        x, y = a.read_bytes(), b.read_bytes()
        if x == y:
            continue
        if _normalise(name, x) == _normalise(name, y):
            normalised.append(name)
        elif name.endswith(".json") and json.loads(x) == json.loads(y):
            reordered.append(name)
        else:
            differ.append(name)
    same = len(names) - len(differ) - len(normalised) - len(reordered)
    print(
        f"{len(names)} files compared: {same} byte-identical, "
        f"{len(normalised)} identical after dropping creation times and random ids, "
        f"{len(reordered)} the same figure with keys in another order, {len(differ)} different"
    )
    for name in differ[:50]:
        print("  differs:", name)
    return 1 if differ else 0


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("out")
    parser.add_argument("--images", action="store_true")
    parser.add_argument("--compare", metavar="OLD_DIR")
    args = parser.parse_args()
    out = Path(args.out)
    if args.compare:
        return compare(out, Path(args.compare))
    out.mkdir(parents=True, exist_ok=True)
    print(f"{snapshot(out, args.images)} files written to {out}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
