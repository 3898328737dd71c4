"""Figure / DataFrame → downloadable bytes: PNG, SVG, PDF, HTML, CSV, XLSX, and the data bundle ZIP.

Static images use kaleido with one long-lived headless Chromium per process: one-shot exports
start a browser each time (~3 s); a kept browser answers in ~0.2-0.4 s but is not thread-safe
(Kaleido#444), and Streamlit serves sessions on threads, so every call holds one lock. Every call
has a timeout; when the browser dies or hangs it is replaced and the export retried once. Without a
browser kaleido would block forever, so we check for one first and raise `ExportUnavailable`.
"""

from __future__ import annotations

import asyncio
import concurrent.futures
import hashlib
import io
import os
import re
import shutil
import threading
import time
import unicodedata
import zipfile
from collections import OrderedDict
from collections.abc import Callable, Iterable
from dataclasses import dataclass
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.present import formatting, theme
from dashboard.present.charts import furnished
from dashboard.present.i18n import label, t

CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
INSTALL_HINT = (
    "install Chromium (Debian: sudo apt-get install -y chromium fonts-noto-cjk) and restart the dashboard"
)


class ExportUnavailable(RuntimeError):
    """Static image export cannot run here; the message says why and how to fix it."""


# --- provenance stamp ---------------------------------------------------------------------------


def stamp(
    fig: go.Figure, *, filter_text: str, permalink: str, data_dates: str = "", width: int = theme.EXPORT_WIDTH
) -> go.Figure:
    """`fig` as a file carries it: title, subtitle and source line drawn inside (wrapped for
    `width`), and below them the active filter, the data dates and the permalink, since a file
    that leaves the page must say which view it came from."""
    extra = " · ".join(x for x in (filter_text, data_dates, permalink) if x)
    return furnished(fig, width=width, extra_footer=extra)


# --- static images ------------------------------------------------------------------------------


def find_browser() -> str | None:
    """Path of a Chromium kaleido can drive, or None. `DASHBOARD_CHROMIUM` overrides (tests use it)."""
    override = os.environ.get("DASHBOARD_CHROMIUM")
    if override is not None:
        return override if override and Path(override).is_file() and os.access(override, os.X_OK) else None
    for path in CHROMIUM_CANDIDATES:
        if Path(path).is_file() and os.access(path, os.X_OK):
            return path
    found = shutil.which("chromium") or shutil.which("google-chrome")
    return found


EXPORT_TIMEOUT_S = 30


class _KaleidoWorker:
    """One kaleido `Kaleido` (one headless Chromium) on its own event-loop thread.

    kaleido's global sync server waits forever once its browser has died (its queue is never
    served again), so we run our own, with a timeout on every call. MathJax is off: kaleido would
    otherwise fetch it from a CDN, and exports must work offline.
    """

    def __init__(self, browser: str):
        import kaleido

        os.environ["BROWSER_PATH"] = browser
        self.loop = asyncio.new_event_loop()
        self.thread = threading.Thread(target=self.loop.run_forever, name="kaleido-worker", daemon=True)
        self.thread.start()
        self.kaleido = kaleido.Kaleido(n=1, timeout=EXPORT_TIMEOUT_S, mathjax=False)
        try:
            self.call(self.kaleido.open())
        except BaseException:
            self.close()
            raise

    def alive(self) -> bool:
        process = getattr(self.kaleido, "subprocess", None)
        return process is None or process.poll() is None

    def call(self, coroutine, timeout: float = EXPORT_TIMEOUT_S):
        """Run `coroutine` on the worker's loop; give up at `timeout`, or at once if the browser died."""
        future = asyncio.run_coroutine_threadsafe(coroutine, self.loop)
        deadline = time.monotonic() + timeout
        while True:
            try:
                return future.result(0.2)
            except concurrent.futures.TimeoutError:
                if time.monotonic() > deadline or not self.alive():
                    future.cancel()
                    raise ExportUnavailable("the export browser stopped answering") from None

    def close(self) -> None:
        """Best effort: close the browser (or kill it if it does not answer), stop the loop."""
        try:
            self.call(self.kaleido.close(), timeout=10)
        except BaseException:  # noqa: S110 - already broken; the process is killed below
            pass
        process = getattr(self.kaleido, "subprocess", None)  # choreographer's Popen of the browser
        if process is not None and process.poll() is None:
            process.kill()
        self.loop.call_soon_threadsafe(self.loop.stop)


class ImageExporter:
    """One export browser per process, one lock, a restart when it fails, a small LRU cache."""

    def __init__(self, cache_size: int = 64):
        self._lock = threading.Lock()
        self._worker: _KaleidoWorker | None = None
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._cache_size = cache_size
        self.restarts = 0

    def export(self, fig: go.Figure, fmt: str, *, width: int, height: int, scale: float) -> bytes:
        if fmt not in IMAGE_FORMATS:
            raise ValueError(f"unknown image format {fmt!r}")
        browser = find_browser()
        if browser is None:
            raise ExportUnavailable(
                f"Image export needs a Chromium browser, and none was found: {INSTALL_HINT}."
            )
        spec = fig.to_json()
        key = hashlib.sha256(f"{fmt}:{width}:{height}:{scale}:{spec}".encode()).hexdigest()
        with self._lock:
            if key in self._cache:
                self._cache.move_to_end(key)
                return self._cache[key]
            data = self._render(fig, fmt, width, height, scale, browser)
            self._cache[key] = data
            if len(self._cache) > self._cache_size:
                self._cache.popitem(last=False)
            return data

    def _render(self, fig: go.Figure, fmt: str, width: int, height: int, scale: float, browser: str) -> bytes:
        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        for attempt in (1, 2):
            try:
                if self._worker is not None and not self._worker.alive():
                    raise ExportUnavailable("the export browser is no longer running")
                if self._worker is None:
                    self._worker = _KaleidoWorker(browser)
                return self._worker.call(self._worker.kaleido.calc_fig(fig, opts=opts))
            except Exception as exc:
                # The browser died, hung or refused: throw it away and start afresh, once.
                worker, self._worker = self._worker, None
                if worker is not None:
                    worker.close()
                if attempt == 2:
                    raise ExportUnavailable(f"Image export failed: {type(exc).__name__}: {exc}") from exc
                self.restarts += 1
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            if self._worker is not None:
                self._worker.close()
                self._worker = None


_EXPORTER: ImageExporter | None = None
_EXPORTER_LOCK = threading.Lock()


def exporter() -> ImageExporter:
    global _EXPORTER
    with _EXPORTER_LOCK:
        if _EXPORTER is None:
            _EXPORTER = ImageExporter()
        return _EXPORTER


# --- PDF: a title, and text that copies as the characters drawn ----------------------------------

#: Kangxi radicals and CJK radicals supplement: Chromium's PDF maps some Noto CJK glyphs to these
#: code points (人口 copies as ⼈⼝), which search and copy-paste then fail to match.
_RADICALS = re.compile(r"<(2[EF][0-9A-Fa-f]{2})>")


#: CJK Radicals Supplement forms that stand alone as ideographs in simplified Chinese (NFKC leaves
#: this block alone): the radical → the ideograph (e.g. ⻢ C-SIMPLIFIED HORSE → 马, as in 马来西亚).
_SUPPLEMENT = {
    0x2E9F: 0x6BCD, 0x2EA0: 0x6C11, 0x2EC4: 0x897F, 0x2EC5: 0x89C1, 0x2EC6: 0x89D2, 0x2EC9: 0x8D1D,
    0x2ECB: 0x8F66, 0x2ED1: 0x9577, 0x2ED3: 0x957F, 0x2ED4: 0x95E8, 0x2ED8: 0x9752, 0x2EDA: 0x9875,
    0x2EDB: 0x98CE, 0x2EDC: 0x98DE, 0x2EDD: 0x98DF, 0x2EE2: 0x9A6C, 0x2EE3: 0x9AA8, 0x2EE5: 0x9C7C,
    0x2EE6: 0x9E1F, 0x2EE7: 0x5364, 0x2EE8: 0x9EA6, 0x2EE9: 0x9EC4, 0x2EEC: 0x9F50, 0x2EEE: 0x9F7F,
    0x2EF3: 0x9F9F,
}  # fmt: skip


def _unicode_of(hex_code: str) -> str:
    """A radical's code point → the ideograph it stands for, as a CMap hex value: Kangxi radicals
    by NFKC, the supplement's simplified forms by `_SUPPLEMENT`; any other stays as it is."""
    code = int(hex_code, 16)
    text = chr(_SUPPLEMENT[code]) if code in _SUPPLEMENT else unicodedata.normalize("NFKC", chr(code))
    return "".join(f"{ord(ch):04X}" for ch in text)


def _fix_cmap(cmap: str) -> str:
    """Rewrite the destinations of a ToUnicode CMap's `bfchar` entries that are radicals; a `bfrange`
    that starts on one is split into single entries first (its targets are not consecutive)."""
    out = []
    for block in re.split(r"(\d+ beginbf(?:char|range)\n.*?endbf(?:char|range))", cmap, flags=re.S):
        if "beginbfchar" in block:
            lines = block.splitlines()
            fixed = [
                re.sub(
                    r"^(<[0-9A-Fa-f]+>\s+)<(2[EF][0-9A-Fa-f]{2})>",
                    lambda m: f"{m.group(1)}<{_unicode_of(m.group(2))}>",
                    ln,
                )
                for ln in lines
            ]
            out.append("\n".join(fixed))
        elif "beginbfrange" in block and _RADICALS.search(block):
            entries = []
            for src1, src2, dst in re.findall(
                r"<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>\s*<([0-9A-Fa-f]+)>", block
            ):
                width = len(src1)
                for k in range(int(src2, 16) - int(src1, 16) + 1):
                    code = f"{int(dst, 16) + k:04X}"
                    target = _unicode_of(code) if _RADICALS.fullmatch(f"<{code}>") else code
                    entries.append(f"<{int(src1, 16) + k:0{width}X}> <{target}>")
            out.append(f"{len(entries)} beginbfchar\n" + "\n".join(entries) + "\nendbfchar")
        else:
            out.append(block)
    return "".join(out)


def finish_pdf(data: bytes, title: str) -> bytes:
    """The chart's title as the document's title (Chromium writes "Kaleido-fier"), and ToUnicode
    maps that give the ideographs drawn, so the text copies and searches as it reads."""
    from pypdf import PdfReader, PdfWriter
    from pypdf.generic import NameObject

    writer = PdfWriter(clone_from=PdfReader(io.BytesIO(data)))
    seen: set[int] = set()
    for page in writer.pages:
        fonts = page.get("/Resources", {}).get("/Font", {})
        for ref in fonts.values():
            font = ref.get_object()
            to_unicode = font.get(NameObject("/ToUnicode"))
            if to_unicode is None or id(to_unicode.get_object()) in seen:
                continue
            stream = to_unicode.get_object()
            seen.add(id(stream))
            cmap = stream.get_data().decode("latin-1")
            fixed = _fix_cmap(cmap)
            if fixed != cmap:
                stream.set_data(fixed.encode("latin-1"))
    writer.add_metadata({"/Title": title, "/Creator": "China-ASEAN Digital Economy Cooperation dashboard"})
    buf = io.BytesIO()
    writer.write(buf)
    return buf.getvalue()


def to_image(fig: go.Figure, fmt: str, *, width: int | None = None, height: int | None = None) -> bytes:
    """PNG at 2× scale, SVG and PDF at 1×, at the figure's own height if it sets one."""
    width = width or theme.EXPORT_WIDTH
    height = height or fig.layout.height or theme.EXPORT_HEIGHT
    return exporter().export(fig, fmt, width=width, height=height, scale=2 if fmt == "png" else 1)


# --- HTML, CSV, Excel ---------------------------------------------------------------------------


def to_html(fig: go.Figure, *, title: str) -> bytes:
    """Self-contained HTML: plotly.js inline, no external script, opens offline."""
    html = pio.to_html(
        fig,
        include_plotlyjs=True,
        full_html=True,
        config={"displaylogo": False, "responsive": True},
        default_width="100%",
        default_height=f"{fig.layout.height or theme.EXPORT_HEIGHT}px",
    )
    safe_title = title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    html = html.replace("<head>", f'<head><meta charset="utf-8"><title>{safe_title}</title>', 1)
    return html.encode("utf-8")


def to_csv(table: pd.DataFrame, about: Iterable[tuple[str, str]] = ()) -> bytes:
    """UTF-8 with BOM so Excel opens Chinese text correctly. `about` lines (title, filter,
    permalink, sources and licences) come first as `# field: value`: a spreadsheet shows them above
    the table; a script skips the leading lines that start with `#` (pandas: `comment="#"`, as no
    value in the data holds a `#`) and reads the table back unchanged."""
    head = "".join(f"# {field}: {' '.join(str(value).split())}\n" for field, value in about)
    return (head + table.to_csv(index=False)).encode("utf-8-sig")


def to_xlsx(table: pd.DataFrame, *, sheet: str = "data", about: Iterable[tuple[str, str]] = ()) -> bytes:
    """The table on one sheet, and a second sheet `about` with title, sources, filter and link."""
    buf = io.BytesIO()
    with pd.ExcelWriter(buf, engine="openpyxl") as writer:
        table.to_excel(writer, sheet_name=sheet[:31], index=False)
        about = list(about)
        if about:
            pd.DataFrame(about, columns=["field", "value"]).to_excel(writer, sheet_name="about", index=False)
    return buf.getvalue()


# --- file names ---------------------------------------------------------------------------------


def ascii_slug(text: str) -> str:
    text = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode()
    return re.sub(r"[^a-z0-9]+", "-", text.lower()).strip("-") or "chart"


def file_name(slug: str, countries: list[str], lang: str, ext: str) -> str:
    """`<chart-slug>_<countries-or-all>_<lang>.<ext>`, ASCII only."""
    part = "-".join(c.lower() for c in countries) if countries else "all"
    if len(part) > 40:
        part = f"{len(countries)}-countries"
    return f"{ascii_slug(slug)}_{ascii_slug(part)}_{ascii_slug(lang)}.{ext}"


# --- one chart, one format: what the Download view and the export route hand over ----------------


def filter_text(selected: list[str], lang: str, table: pd.DataFrame | None = None) -> str:
    """ "Countries shown: Viet Nam and Thailand": what the chart plots, by name in the file's
    language (an aggregate by its own name, e.g. "ASEAN-6 (e-Conomy SEA)"), not the filter's codes."""
    # the entities plotted: observation rows name them; the tile map's rows are countries by name;
    # the officials' rows say whom each official represented
    names = (
        f"entity_{lang}",
        f"represents_{lang}",
        f"name_{lang}" if table is not None and "top_rank" in table else "",
    )
    column = next((c for c in names if c and table is not None and c in table), None)
    if column is not None and not table.empty:
        shown = formatting.join(dict.fromkeys(table[column].dropna().astype(str)), lang)
    else:
        shown = formatting.join(selected, lang) if selected else t("all_countries", lang)
    return label("filter_label", lang) + shown


def data_dates(table: pd.DataFrame, lang: str) -> str:
    """ "Data: 2015–2025", from the plotted rows ("" when they carry no year)."""
    if "year" not in table or table["year"].empty:
        return ""
    first, last = int(table["year"].min()), int(table["year"].max())
    return label("data_years", lang) + f"{first}" + (f"–{last}" if last != first else "")


def _about_sheet(ch, selected: list[str], lang: str, permalink: str, today: str) -> list[tuple[str, str]]:
    """The Excel file's `about` sheet: what the chart is, and every source and licence its rows
    rest on, one line each, so a workbook that leaves the dashboard still says where it comes from."""
    rows = [
        ("title", ch.title),
        ("filter", filter_text(selected, lang, ch.table)),
        ("permalink", permalink),
        ("data", data_dates(ch.table, lang)),
        ("text description", ch.alt),
        ("downloaded", today),
    ]
    table = ch.table
    if "source_id" in table:
        cols = [c for c in ("source_publisher", "source_url", "source_date", "source_licence") if c in table]
        for record in table[cols].drop_duplicates().itertuples(index=False):
            values = dict(zip(cols, record, strict=True))
            text = " · ".join(str(v) for v in values.values() if isinstance(v, str) and v)
            rows.append(("source", text))
    return rows


def _stamped(ch, selected: list[str], lang: str, permalink: str) -> go.Figure:
    return stamp(
        ch.figure,
        filter_text=filter_text(selected, lang, ch.table),
        permalink=permalink,
        data_dates=data_dates(ch.table, lang),
    )


@dataclass(frozen=True)
class Format:
    """One download format: its button label, MIME type, how a chart becomes it, and whether it
    needs the export browser. `render(chart, selected, lang, permalink, today) -> bytes`."""

    label: str
    mime: str
    render: Callable[..., bytes] | None  # None: not a chart format (the bundle)
    needs_browser: bool = False


def _image(fmt: str) -> Callable[..., bytes]:
    def render(ch, selected, lang, permalink, today) -> bytes:
        data = to_image(_stamped(ch, selected, lang, permalink), fmt)
        return finish_pdf(data, ch.title) if fmt == "pdf" else data

    return render


#: Every format, once (in the order the Download tab offers them), in the spirit of Datasette's
#: renderer registry: routes, the Download tab and `chart_file` all read this table.
FORMATS: dict[str, Format] = {
    "png": Format("PNG", "image/png", _image("png"), needs_browser=True),
    "svg": Format("SVG", "image/svg+xml", _image("svg"), needs_browser=True),
    "pdf": Format("PDF", "application/pdf", _image("pdf"), needs_browser=True),
    "html": Format(
        "HTML",
        "text/html",
        lambda ch, selected, lang, permalink, today: to_html(
            _stamped(ch, selected, lang, permalink), title=ch.title
        ),
    ),
    "csv": Format(
        "CSV",
        "text/csv",
        lambda ch, selected, lang, permalink, today: to_csv(
            ch.table, about=_about_sheet(ch, selected, lang, permalink, today)
        ),
    ),
    "xlsx": Format(
        "Excel",
        "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
        lambda ch, selected, lang, permalink, today: to_xlsx(
            ch.table, about=_about_sheet(ch, selected, lang, permalink, today)
        ),
    ),
    "zip": Format("ZIP", "application/zip", None),
}
CHART_FORMATS = tuple(ext for ext, f in FORMATS.items() if f.render is not None)
IMAGE_FORMATS = tuple(ext for ext, f in FORMATS.items() if f.needs_browser)


def chart_file(ch, ext: str, *, lang: str, selected: list[str], permalink: str, today: str) -> bytes:
    """`ch` (a `charts.Chart`) as a file: images and HTML stamped with the filter, the years of
    the data and the permalink; CSV of exactly the plotted rows; Excel with an `about` sheet."""
    fmt = FORMATS.get(ext)
    if fmt is None or fmt.render is None:
        raise ValueError(f"unknown format: {ext}")
    return fmt.render(ch, selected, lang, permalink, today)


# --- the data bundle ----------------------------------------------------------------------------


def bundle(
    *,
    filtered: dict[str, pd.DataFrame],
    full: dict[str, pd.DataFrame],
    data_dir: Path,
    readme: str,
) -> bytes:
    """ZIP: README.md, data/filtered/*.csv, data/full/*.csv, and the curated YAML files as shipped."""
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w", compression=zipfile.ZIP_DEFLATED) as zf:
        zf.writestr("README.md", readme)
        for name, frame in sorted(filtered.items()):
            zf.writestr(f"data/filtered/{name}.csv", to_csv(frame))
        for name, frame in sorted(full.items()):
            zf.writestr(f"data/full/{name}.csv", to_csv(frame))
        for path in sorted(data_dir.glob("*.yaml")):
            if path.is_file() and not path.is_symlink():
                zf.writestr(f"yaml/{path.name}", path.read_bytes())
    return buf.getvalue()


def bundle_for_view(
    cat,
    *,
    filtered: dict[str, pd.DataFrame],
    full: dict[str, pd.DataFrame],
    data_dir: Path,
    selected: list[str],
    lang: str,
    permalink: str,
    today: str,
) -> bytes:
    """The bundle for one view: its filtered rows, and its filter and link in the README."""
    readme = bundle_readme(cat, filter_text=filter_text(selected, lang), permalink=permalink, today=today)
    return bundle(filtered=filtered, full=full, data_dir=data_dir, readme=readme)


def bundle_file_name(selected: list[str], lang: str) -> str:
    return file_name("china-asean-digital-economy-data", selected, lang, "zip")


def bundle_readme(cat, *, filter_text: str, permalink: str, today: str) -> str:
    """The bundle's bilingual README: how to cite, sources and licences, differing definitions, filter."""
    lines = [
        "# China–ASEAN Digital Economy Cooperation — data bundle / 中国—东盟数字经济合作 数据包",
        "",
        f"- Downloaded / 下载日期: {today}",
        f"- Active filter / 当前筛选: {filter_text}",
        f"- View / 视图链接: {permalink}",
        "",
        "## Contents / 内容",
        "",
        "- `data/filtered/*.csv`: the rows for the active filter / 当前筛选的数据",
        "- `data/full/*.csv`: every curated row / 全部整理数据",
        "- `yaml/*.yaml`: the curated source files, as shipped / 原始整理文件",
        "",
        "Every observation row carries `source_id`, `source_publisher`, `source_url` and `status`.",
        "每条观测数据均附有 `source_id`、`source_publisher`、`source_url` 和 `status`。",
        "",
        "## How to cite / 引用方式",
        "",
        f"China–ASEAN Digital Economy Cooperation dashboard, data bundle (accessed {today}); "
        "cite the original source of each figure as listed below.",
        f"《中国—东盟数字经济合作》数据仪表板数据包（访问日期：{today}）；请同时注明下列各数字的原始出处。",
        "",
        "## Definitions that differ / 不同的定义",
        "",
    ]
    for d in cat.definitions:
        lines += [f"### {d.name.en} / {d.name.zh}", "", d.description.en, "", d.description.zh, ""]
    lines += ["## Sources / 来源", ""]
    for s in cat.sources:
        title = s.title or "(title not recorded / 标题未记录)"
        lines.append(
            f"- **{s.id}**: {s.publisher.en} / {s.publisher.zh}. {title}. "
            f"{s.url or '(no URL)'} — published {s.date_published or 'n.d.'}, accessed {s.date_accessed or 'not recorded'}; "
            f"licence: {s.licence.name}. Cite as: {s.citation}"
        )
    lines += [
        "",
        "English renderings marked `translation_by: ours` are the curators' translations.",
        "标注 `translation_by: ours` 的英文为本站编者翻译。",
        "",
    ]
    return "\n".join(lines)
