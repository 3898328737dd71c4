"""Figure / DataFrame → downloadable bytes: PNG, SVG, PDF, HTML, CSV, XLSX, and the data bundle ZIP.

Static images use kaleido with one long-lived headless Chromium per process: one-shot exports
start a browser each time (~3 s); the sync server answers in ~0.2-0.4 s but is not thread-safe
(Kaleido#444), and Streamlit serves sessions on threads, so every call holds one lock. When the
browser dies mid-session the server is restarted once. Without a browser, kaleido's server would
block forever, so we check for one first and raise `ExportUnavailable` with a fix instead.
"""

from __future__ import annotations

import copy
import io
import os
import re
import shutil
import threading
import unicodedata
import zipfile
from collections import OrderedDict
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard import theme
from dashboard.charts import FOOTER_LINE_PX, add_footer

IMAGE_FORMATS = ("png", "svg", "pdf")
CHROMIUM_CANDIDATES = ("/usr/bin/chromium", "/usr/bin/chromium-browser", "/usr/bin/google-chrome")
INSTALL_HINT = (
    "install Chromium (Debian: sudo apt-get install -y chromium fonts-noto-cjk) and restart the dashboard"
)


class ExportUnavailable(RuntimeError):
    """Static image export cannot run here; the message says why and how to fix it."""


# --- provenance stamp ---------------------------------------------------------------------------


def stamp(fig: go.Figure, *, filter_text: str, permalink: str, data_dates: str = "") -> go.Figure:
    """A copy of `fig` whose footer also names the active filter, the data dates and the permalink.

    The on-screen figure already carries title, subtitle and source line; a file that leaves the
    page must also say which view it came from.
    """
    out = go.Figure(copy.deepcopy(fig.to_dict()))
    footer = [a for a in out.layout.annotations if a.name == "source-line"]
    used = sum(str(a.text).count("<br>") + 1 for a in footer)
    shift = footer[0].yshift if footer else -48
    extra = " · ".join(x for x in (filter_text, data_dates, permalink) if x)
    if extra:
        add_footer(out, extra, name="provenance", line=0)
        out.layout.annotations[-1].update(yshift=shift - FOOTER_LINE_PX * used)
    return out


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


class ImageExporter:
    """One kaleido sync server per process, one lock, one restart on failure, a small LRU cache."""

    def __init__(self, cache_size: int = 64):
        self._lock = threading.Lock()
        self._started = False
        self._cache: OrderedDict[str, bytes] = OrderedDict()
        self._cache_size = cache_size

    def _start(self, browser: str) -> None:
        import kaleido

        os.environ.setdefault("BROWSER_PATH", browser)
        kaleido.start_sync_server(silence_warnings=True)
        self._started = True

    def _stop(self) -> None:
        import kaleido

        try:
            kaleido.stop_sync_server(silence_warnings=True)
        finally:
            self._started = False

    def export(self, fig: go.Figure, fmt: str, *, width: int, height: int, scale: float) -> bytes:
        if fmt not in IMAGE_FORMATS:
            raise ValueError(f"unknown image format {fmt!r}")
        browser = find_browser()
        if browser is None:
            raise ExportUnavailable(
                f"Image export needs a Chromium browser, and none was found: {INSTALL_HINT}."
            )
        spec = fig.to_json()
        key = f"{fmt}:{width}:{height}:{scale}:{hash(spec)}"
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
        import kaleido

        opts = {"format": fmt, "width": width, "height": height, "scale": scale}
        for attempt in (1, 2):
            try:
                if not self._started:
                    self._start(browser)
                return kaleido.calc_fig_sync(fig, opts=opts)
            except Exception as exc:
                if attempt == 2:
                    raise ExportUnavailable(f"Image export failed: {type(exc).__name__}: {exc}") from exc
                # The browser died or the server wedged: restart once and retry.
                try:
                    self._stop()
                except Exception:  # noqa: S110 - already broken; starting afresh is the fix
                    pass
        raise AssertionError("unreachable")

    def close(self) -> None:
        with self._lock:
            if self._started:
                self._stop()


_EXPORTER: ImageExporter | None = None
_EXPORTER_LOCK = threading.Lock()


def exporter() -> ImageExporter:
    global _EXPORTER
    with _EXPORTER_LOCK:
        if _EXPORTER is None:
            _EXPORTER = ImageExporter()
        return _EXPORTER


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


def to_csv(table: pd.DataFrame) -> bytes:
    """UTF-8 with BOM so Excel opens Chinese text correctly; pandas reads it back unchanged."""
    return table.to_csv(index=False).encode("utf-8-sig")


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
            f"{s.url or '(no URL)'} — published {s.date_published or 'n.d.'}, accessed {s.date_accessed}; "
            f"licence: {s.licence.name}. Cite as: {s.citation}"
        )
    lines += [
        "",
        "English renderings marked `translation_by: ours` are the curators' translations.",
        "标注 `translation_by: ours` 的英文为本站编者翻译。",
        "",
    ]
    return "\n".join(lines)
