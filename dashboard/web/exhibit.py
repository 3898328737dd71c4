"""One exhibit: a chart as the page's tab switch (Chart, Table, Sources, Download) shows it, with
its text description, its sources and its downloads."""

from __future__ import annotations

import datetime as dt
import functools
from collections.abc import Callable
from urllib.parse import urlencode, urlsplit

import streamlit as st

from dashboard.present import exports, tables
from dashboard.present.charts import Chart
from dashboard.present.i18n import column_label, label, t
from dashboard.present.text import escape_markdown as esc
from dashboard.web import links, render_queue, routes
from dashboard.web.pages import PAGES_BY_SLUG
from dashboard.web.state import State, current_link, model, view_query

#: No floating toolbar: on a phone it covered the chart, and its ~8 buttons per chart were tab stops
#: a keyboard reader crossed before the content (24 on Connectivity). The Download tab gives every
#: format with its title and sources; dragging still zooms and a double click resets.
PLOTLY_CONFIG = {"displayModeBar": False, "displaylogo": False, "responsive": True}


TABS = ["chart", "table", "sources", "download"]


def page_tab(lang: str) -> str:
    """The page's one tab switch, Our-World-in-Data style: Chart, Table, Sources, Download.

    Drawn above the page's first chart and applied to every chart on it: one widget per page,
    not one per chart (each widget costs every rerun, ~0.13 ms). Each page remembers its own view.
    The router clears `_page_tab` before each run."""
    view = st.session_state.get("_page_tab")
    if view is None:
        view = st.segmented_control(
            t("tab_label", lang),
            options=TABS,
            format_func=lambda v: t(f"tab_{v}", lang),
            default="chart",
            key=f"tab-{st.session_state.get('_page', 'overview')}",
            label_visibility="collapsed",
            required=True,
        )
        st.session_state["_page_tab"] = view
    return view


def show_chart(ch: Chart, st_state: State, *, level: int = 2) -> None:
    """A chart, or its table, sources or downloads, as the page's tab switch says, under the chart's
    title (a heading of `level`) and subtitle, with its source line and text description below.

    Title, subtitle and source line are HTML, not drawn in the figure: the browser wraps them at
    any screen width. Only the chosen view is built, so an ordinary rerun pays for the figure and
    nothing else."""
    lang = st_state.lang
    view = page_tab(lang)  # the page's tab switch, above its first chart's title
    # The chart's id is its heading's anchor: `…#<chart>` opens the page scrolled to it.
    (st.header if level == 2 else st.subheader)(esc(ch.title), anchor=ch.slug)
    if ch.subtitle:
        st.markdown(f":small[{esc(ch.subtitle)}]")
    if ch.is_empty:
        st.info(ch.empty_message)
        return
    if view == "table":
        # Over years, as the chart reads (entities × years); the downloads keep one row per value
        # with its source columns, and the Sources tab lists what the rows rest on.
        by_year = tables.wide(ch.table, lang)
        table = by_year if by_year is not None else ch.table.rename(columns=lambda c: column_label(c, lang))
        st.dataframe(table, hide_index=True, width="stretch", column_config=pinned_first(table))
    elif view == "sources":
        show_sources(ch, lang)
    elif view == "download":
        downloads(ch, st_state)
    elif ch.selectable:
        # A click on a country adds it to the filter or removes it. The key names the filter, so
        # a new filter draws a fresh chart with nothing left selected in it.
        key = f"fig-{ch.slug}-{'.'.join(st_state.selected)}"
        st.plotly_chart(
            ch.wire_figure,
            theme=None,
            config=PLOTLY_CONFIG,
            key=key,
            width="stretch",
            alt=ch.alt,
            on_select=functools.partial(toggle_clicked_countries, key),
            selection_mode="points",
        )
    else:
        st.plotly_chart(
            ch.wire_figure,
            theme=None,
            config=PLOTLY_CONFIG,
            key=f"fig-{ch.slug}",
            width="stretch",
            alt=ch.alt,
        )
    below = f"{esc(ch.source)}  \n" if ch.source else ""
    hint = f"  \n{t('click_hint', lang)}" if ch.selectable and view == "chart" else ""
    st.caption(f"{below}{label('alt_prefix', lang)}{esc(ch.alt)}{hint}")


def toggle_clicked_countries(key: str) -> None:
    """Before the rerun a click on a chart causes: each clicked country (the first item of the
    point's `customdata`, checked against the data's countries: the browser can send anything)
    joins the country filter, or leaves it if it was in it. The router then writes the link."""
    event = st.session_state.get(key) or {}
    points = (event.get("selection") or {}).get("points") or []
    known = set(getattr(model(), "country_codes", []))  # a DataError has none
    chosen = list(st.session_state.get("country") or [])
    for point in points:
        data = point.get("customdata")
        code = data[0] if isinstance(data, list) and data else data
        if isinstance(code, str) and code in known:
            chosen = [c for c in chosen if c != code] if code in chosen else [*chosen, code]
    st.session_state["country"] = chosen


def pinned_first(table, width: str | None = None) -> dict:
    """The first column (the country, the indicator) stays in view while a narrow screen scrolls
    the table sideways; `width="medium"` for long names, so a phone still shows the values."""
    names = list(getattr(table, "column_names", None) or getattr(table, "columns", []))
    return {names[0]: st.column_config.Column(pinned=True, width=width)} if names else {}


def show_sources(ch: Chart, lang: str) -> None:
    """Every source the plotted rows rest on, as `tables.sources_summary` lists them, each linked."""
    summary = tables.sources_summary(ch.table, lang)
    if summary is None:
        st.write(t("no_row_sources", lang))
        return
    st.dataframe(
        summary,
        hide_index=True,
        width="stretch",
        column_config={column_label("source_url", lang): st.column_config.LinkColumn(display_text="↗")},
    )


def export_url(name: str) -> str:
    """This view's export address for `name` (`<chart>.<ext>` or `data-bundle.zip`): the page's
    permalink with `/export/<page>/<name>` as its path (see `dashboard/routes.py`)."""
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    page = st.session_state.get("_page", "overview")
    return f"{parts.scheme}://{parts.netloc}/export/{page}/{name}{view_query()}"


def downloads(ch: Chart, s: State) -> None:
    """Every format of the chart, stamped with the filter, the years of the data and the permalink.

    Served by `dashboard/server.py` (the README's command), each format is a link to the export
    route: a plain HTTP download with a stable address. Served as `app.py` alone there are no
    routes, and Streamlit's download buttons build the file on click instead."""
    browser = exports.find_browser()
    routed = routes.serving()
    today = dt.date.today().isoformat()
    with st.container(border=True):
        for row in (exports.CHART_FORMATS[:3], exports.CHART_FORMATS[3:]):
            for col, ext in zip(st.columns(3), row, strict=True):
                label, key = exports.FORMATS[ext].label, f"dl-{ch.slug}-{ext}"
                if exports.FORMATS[ext].needs_browser and browser is None:
                    col.button(label, disabled=True, key=key, help=exports.INSTALL_HINT)
                elif routed:
                    col.link_button(label, export_url(f"{ch.slug}.{ext}"), icon=":material/download:")
                else:
                    col.download_button(
                        label,
                        data=_file(ch, ext, s, today),
                        file_name=exports.file_name(ch.slug, s.selected, lang=s.lang, ext=ext),
                        mime=exports.FORMATS[ext].mime,
                        on_click="ignore",
                        key=key,
                    )
        if browser is None:
            st.caption(f"PNG/SVG/PDF: {exports.INSTALL_HINT}.")
        if routed:
            wait = render_queue.busy_seconds()
            busy = f"  \n{t('exports_busy', s.lang, seconds=wait)}" if wait else ""
            st.caption(t("export_links", s.lang) + busy)
    # This chart's own link (the page scrolled to it, with every setting) and an embed of it alone.
    link, embed = chart_links(ch)
    st.markdown(f"**{t('chart_link', s.lang)}**")
    st.code(link, language=None, wrap_lines=True)
    st.markdown(f"**{t('chart_embed', s.lang)}**")
    st.code(links.iframe(embed), language="html", wrap_lines=True)


def chart_links(ch: Chart) -> tuple[str, str]:
    """The chart's permalink (the page's, anchored at the chart's heading) and its embed address
    (`embed=true&chart=<id>`: the chart alone, with its tab switch)."""
    page = current_link()
    joiner = "&" if "?" in page else "?"
    return f"{page}#{ch.slug}", f"{page}{joiner}{urlencode({'embed': 'true', 'chart': ch.slug})}"


def show_embedded(m, slug: str, chart_id: str, s: State) -> bool:
    """`?embed=true&chart=<id>`: only that chart of the page, for the view the link states
    (checked as the export routes check it). False, with a notice, when the link names no chart
    of this view: the router then shows the whole page."""
    query = {key: st.query_params.get_all(key) for key in st.query_params}
    try:
        view, _ = routes.read_view(m, PAGES_BY_SLUG[slug], query)
    except routes.BadRequest:
        chart = None  # the page itself says which values it dropped
    else:
        chart = next((c for c in routes.page_charts(m, view) if c.slug == chart_id), None)
    if chart is None:
        st.info(t("unknown_chart", s.lang, chart=links.display(chart_id)))
        return False
    show_chart(chart, s)
    return True


def _file(ch: Chart, ext: str, s: State, today: str) -> bytes | Callable[[], bytes]:
    """Without the export routes: CSV and Excel are small, built once per cached chart and view and
    handed over at once; images and HTML are built on click."""

    def build() -> bytes:
        return exports.chart_file(
            ch, ext, lang=s.lang, selected=s.selected, permalink=s.permalink, today=today
        )

    if ext in ("csv", "xlsx"):
        cache_of_chart = ch.__dict__.setdefault("_bytes", {})
        key = (ext, s.permalink, today)
        if key not in cache_of_chart:
            cache_of_chart[key] = build()
        return cache_of_chart[key]

    def build_or_explain() -> bytes:
        try:
            return build()
        except exports.ExportUnavailable as exc:
            st.toast(str(exc))
            return str(exc).encode()

    return build_or_explain
