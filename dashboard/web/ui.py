"""Streamlit glue shared by the pages: the sidebar filter and language, the link, chart rendering
with its table, sources and download links.

Pages stay thin: they read `state()`, ask `view(views.X, language, filter)` for what to draw (built
once per data version and choice, shared by all sessions) and hand each `Chart` to `show_chart`,
which draws it with its table view, text alternative and downloads.
"""

from __future__ import annotations

import argparse
import base64
import datetime as dt
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode, urlsplit

import streamlit as st

from dashboard.data import frames
from dashboard.data.loading import DATA_DIR_ENV
from dashboard.data.model import Model
from dashboard.data.problems import DataError
from dashboard.present import exports, views
from dashboard.present.charts import Chart
from dashboard.present.i18n import DEFAULT_LANG, LANG_LABELS, LANGS, column_label, t
from dashboard.web import cache, links, routes
from dashboard.web.pages import PAGES, PAGES_BY_SLUG

PLOTLY_CONFIG = {
    "displaylogo": False,
    "modeBarButtonsToRemove": ["select2d", "lasso2d"],
    "toImageButtonOptions": {"format": "png", "scale": 2},
}


# --- data, loaded once per process and reloaded when a data file changes ------------------------


@functools.cache
def use_data_argument(argv: tuple[str, ...]) -> None:
    """`streamlit run dashboard/app.py -- --data DIR` serves DIR (same as DASHBOARD_DATA_DIR=DIR).

    The arguments are fixed for the life of the process: parsed on the first run only."""
    parser = argparse.ArgumentParser(add_help=False)
    parser.add_argument("--data")
    data = parser.parse_known_args(argv)[0].data
    if data:
        os.environ[DATA_DIR_ENV] = str(Path(data).resolve())


def model(*, fresh: bool = False) -> Model | DataError:
    """The data for this run, loaded once per data directory and version (the files' fingerprint:
    editing a file makes the next rerun load it afresh). The router asks with `fresh=True` once
    per run (one stat of each data file); pages then reuse that answer."""
    if not fresh and "_model" in st.session_state:
        return st.session_state["_model"]
    loaded = cache.current_model()
    st.session_state["_model"] = loaded
    return loaded


def view(builder: Callable[..., object], *args: object):
    """`builder(model, *args)` once per (builder, data version, args) for all sessions: pages call
    this with the language and filter, so a rerun with the same choices only draws."""
    return cache.view(model(), builder, *args)


#: Modules Streamlit imports on a process's first script run for what the first page draws: the
#: favicon (PIL) and the icons' names. Imported at server start instead, so the first reader does
#: not wait for them. (Streamlit's emoji catalogue, ~0.1 s, loads only for a non-ASCII label on a
#: button group, such as the Chinese view switch: not for the English first page.)
FIRST_RUN_MODULES = ("PIL.Image", "streamlit.material_icon_names")


def warm_up() -> None:
    """Load the data and build the first page a reader sees, in both languages (server start)."""
    import importlib
    import sys

    for name in FIRST_RUN_MODULES:
        try:
            importlib.import_module(name)
        except ImportError:  # another Streamlit release may have moved it: only a little slower
            pass
    use_data_argument(tuple(sys.argv[1:]))
    m = cache.current_model()
    if isinstance(m, Model):
        for lang in LANGS:
            first_page = cache.view(m, views.overview, lang)
            _ = first_page.share.wire_figure  # computed and kept on the cached chart


# --- the shared state: language and country filter, both kept in the URL -----------------------


@dataclass(frozen=True)
class State:
    lang: str
    selected: list[str]  # ISO codes; empty = all countries

    @property
    def permalink(self) -> str:
        """The link to exactly this view, page-level choices (`indicator`, `year`) included."""
        return current_link()


def init_from_link(country_codes: list[str]) -> None:
    """On a session's first run, take the countries from the link (known values only), and note
    unknown `lang` and `country` values for the page's notice.

    Streamlit's `bind="query-params"` writes a widget's *formatted label* into the URL (so a
    `format_func` would break `?country=VNM`), hence this explicit, checked two-way sync.
    """
    if st.session_state.get("_link_read"):
        return
    st.session_state["_link_read"] = True
    _note_unknown("lang", LANGS)  # the language itself is read on every run: see `language`
    _note_unknown("country", country_codes)
    asked = st.query_params.get_all("country")
    st.session_state["country"] = [c for c in dict.fromkeys(asked) if c in country_codes]


def write_link(params: dict[str, list[str]]) -> None:
    """Make the URL show the current view; only the keys given are touched (`embed` survives)."""
    for key, values in params.items():
        if st.query_params.get_all(key) != values:
            if values:
                st.query_params[key] = values
            elif key in st.query_params:
                del st.query_params[key]


def url_choice(param: str, options: list[str], default: str, widget, label: str, **kwargs) -> str:
    """A page-level choice kept in the URL (`?param=value`), checked against `options`."""
    key = f"url-{param}"
    if key not in st.session_state or st.session_state[key] not in options:
        asked = st.query_params.get_all(param)
        bad = links.unknown(asked, options)
        if bad:
            values = ", ".join(f"{param}={links.display(v)}" for v in bad)
            st.warning(t("dropped_params", state().lang, values=values), icon="⚠️")
        valid = [v for v in asked if v in options]
        st.session_state[key] = valid[-1] if valid else default
    value = widget(label, options=options, key=key, **kwargs)
    write_link({param: [value] if value != default else []})
    return value


def current_state(m: Model) -> State:
    """The reader's language and countries, read before any of the sidebar is drawn.

    Widget values are in `st.session_state` from the start of a run, so the router can build the
    page first and draw the sidebar after it: everything new reaches the browser at once, instead
    of the sidebar now and the page after a (possibly slow) first build of its charts."""
    lang = language()
    codes = m.country_codes
    chosen = st.session_state.get("country") or []
    if any(c not in codes for c in chosen):
        # A group just picked in the filter (ASEAN-10, CLMV, …) becomes its members here, before
        # the filter is drawn, so the filter, the link and every page only hold country codes.
        # (Not an `on_change` callback: that costs every filter change.) A country removed from
        # the data since is dropped.
        chosen = [c for c in frames.expand_selection(m.cat, chosen) if c in codes]
        st.session_state["country"] = chosen
    return State(lang=lang, selected=[c for c in codes if c in chosen])


def language() -> str:
    """The reader's language: `?lang=` when the link names a known one, else the session's.

    Read on every run, because the language link (below) switches by changing the query string.
    Switching pages may clear the query string: the session keeps the language, and
    `write_link` puts it back in the URL."""
    asked = [v for v in st.query_params.get_all("lang") if v in LANGS]
    if asked and asked[-1] != st.session_state.get("lang"):
        if "lang" in st.session_state:
            _relabel_choices()
        st.session_state["lang"] = asked[-1]
        # A link to the page already open reruns it without updating the address bar: write the
        # language back so the URL (and what a reader copies) names it.
        st.query_params["lang"] = asked[-1]
    elif st.session_state.get("lang") not in LANGS:
        st.session_state["lang"] = DEFAULT_LANG
    return st.session_state["lang"]


def _relabel_choices() -> None:
    """After a language switch, hand the filter and the page choices their own values again.

    The browser keeps a choice as the label it showed ("Viet Nam · 越南"), not as its code. With
    new labels, the old one would stay on screen and be sent back with the next change, where
    it matches no option: adding Thailand after switching to Chinese kept only Viet Nam. Values
    set from the script are sent with their new labels."""
    for key in [k for k in st.session_state if k == "country" or str(k).startswith("url-")]:
        st.session_state[key] = st.session_state[key]


def language_link(page, lang: str) -> None:
    """The language switch: a link to this very view (page, countries, choices) in the other
    language, named in that language ("中文" / "English"), as bilingual sites do.

    A link rather than a radio: it is a real address (open it in a new tab, copy it), and it
    costs about half a widget on every rerun (~0.07 ms against ~0.13 ms, measured inside the
    script run). Clicking it reruns this session with `?lang=`."""
    other = next(code for code in LANGS if code != lang)
    query = [(k, v) for k, v in _view_params() if k != "lang"]
    st.sidebar.page_link(
        page,
        label=LANG_LABELS[other],
        icon=":material/translate:",
        help=t("language", lang),
        query_params=[*query, ("lang", other)],
    )


def country_filter(m: Model, lang: str) -> None:
    """The one country filter: a searchable multiselect bound to `?country=`. Its options start
    with the groups (presets), so one search box finds "CLMV" as well as "越南"; empty = all.
    Its value is read by `current_state` (before the page); this draws it."""
    labels = _country_labels(m, lang)
    st.sidebar.multiselect(
        t("countries", lang),
        options=list(labels),
        format_func=labels.__getitem__,
        key="country",
        help=t("countries_help", lang),
        placeholder=t("countries_placeholder", lang),
    )


def _country_labels(m: Model, lang: str) -> dict[str, str]:
    """The filter's option labels ("Viet Nam · 越南 (Vietnam)"): searchable in both languages."""
    return cache.view(m, _build_country_labels, lang)


def _build_country_labels(m: Model, lang: str) -> dict[str, str]:
    def both(name) -> tuple[str, str]:
        return (name.zh, name.en) if lang == "zh" else (name.en, name.zh)

    labels = {
        g.code: t("group_option", lang, name=" · ".join(both(g.name)), count=len(g.members))
        for g in m.cat.groups
    }
    for c in m.cat.countries:
        first, second = both(c.name)
        aliases = ", ".join(a for a in c.aliases if a not in (first, second))
        labels[c.code] = f"{first} · {second}" + (f" ({aliases})" if aliases else "")
    return labels


@functools.cache
def favicon() -> str:
    """The page icon as a data URL: read once per process, fetched from nowhere (works offline).

    Given a file path, `st.set_page_config` reads the file and registers it as a media file on
    every rerun."""
    png = (Path(__file__).parent / "static" / "favicon.png").read_bytes()
    return "data:image/png;base64," + base64.b64encode(png).decode("ascii")


def navigation_pages(folder: Path, lang: str) -> list:
    """The `st.Page` list in the reader's language, made once per session and language.

    Not shared between sessions: Streamlit flags a page as callable on the session's run."""
    built = st.session_state.setdefault("_pages", {})
    if lang not in built:
        built[lang] = [
            st.Page(
                folder / p.file,
                title=t(p.title_key, lang),
                icon=p.icon,
                url_path=p.url_path or "overview",
                default=not p.url_path,
            )
            for p in PAGES
        ]
    return built[lang]


def current_link() -> str:
    """This page's URL with the query string as it stands now (`embed` left out)."""
    return (st.context.url or "http://localhost:8501/") + _view_query()


def _view_params() -> list[tuple[str, str]]:
    """The view's query as (key, value) pairs, repeated keys kept (`embed` left out)."""
    return [(k, v) for k in st.query_params for v in st.query_params.get_all(k) if k != "embed"]


def _view_query() -> str:
    params = _view_params()
    return ("?" + urlencode(params)) if params else ""


def share_box(state: State) -> None:
    """ "Share this view": the permalink, then an iframe snippet, each with a copy button.

    A popover whose content exists only while it is open: code blocks need a 1.5 MB script that
    would otherwise load with every first page, and the sidebar is drawn on every rerun. Two code
    blocks and no captions: a URL and an `<iframe>` say what they are."""
    popover = st.sidebar.popover(
        t("share", state.lang), icon=":material/share:", width="stretch", key="share", on_change="rerun"
    )
    if not popover.open:
        return
    permalink = state.permalink
    embed = permalink + ("&" if "?" in permalink else "?") + "embed=true"
    snippet = f'<iframe src="{embed}" width="100%" height="640" style="border:0" loading="lazy"></iframe>'
    popover.code(permalink, language=None, wrap_lines=True)
    popover.code(snippet, language="html", wrap_lines=True)


def about_markdown(lang: str) -> str:
    """What the dashboard covers and how to cite it: the toolbar's About and the Sources page."""
    return f"{t('about_text', lang)}\n\n**{t('how_to_cite', lang)}**: " + t(
        "cite_text", lang, date=dt.date.today().isoformat()
    )


def _note_unknown(param: str, known) -> None:
    """Remember, for this run, the values of `param` in the link that are not known values."""
    bad = links.unknown(st.query_params.get_all(param), known)
    if bad:
        st.session_state.setdefault("_dropped", []).extend((param, v) for v in bad)


def show_notices(lang: str) -> None:
    if "_dropped" not in st.session_state:  # the common case; a missed `pop` builds a KeyError
        return
    dropped = st.session_state.pop("_dropped")
    if dropped:
        values = ", ".join(f"{k}={links.display(v)}" for k, v in dropped)
        st.warning(t("dropped_params", lang, values=values), icon="⚠️")


def state() -> State:
    """The current language and filter (set by the router's sidebar on every run)."""
    return st.session_state["_state"]


def show_data_error(err: DataError, lang: str) -> None:
    st.error(t("data_error_title", lang))
    st.write(t("data_error_help", lang))
    st.code(err.report(), language=None)


# --- one chart, with its table, text alternative and downloads ----------------------------------


VIEWS = ["chart", "table", "sources", "download"]


def page_view(lang: str) -> str:
    """The page's one view switch, Our-World-in-Data style: Chart, Table, Sources, Download.

    Drawn above the page's first chart and applied to every chart on it: one widget per page,
    not one per chart (each widget costs every rerun, ~0.13 ms). Each page remembers its own view.
    The router clears `_page_view` before each run."""
    view = st.session_state.get("_page_view")
    if view is None:
        view = st.segmented_control(
            t("view_label", lang),
            options=VIEWS,
            format_func=lambda v: t(f"view_{v}", lang),
            default="chart",
            key=f"view-{st.session_state.get('_page', 'overview')}",
            label_visibility="collapsed",
            required=True,
        )
        st.session_state["_page_view"] = view
    return view


def show_chart(ch: Chart, st_state: State) -> None:
    """A chart, or its table, sources or downloads, as the page's view switch says.

    Only that view is built, so an ordinary rerun pays for the figure and nothing else."""
    lang = st_state.lang
    if ch.is_empty:
        st.info(ch.empty_message)
        return
    view = page_view(lang)
    if view == "table":
        table = ch.table.rename(columns=lambda c: column_label(c, lang))
        st.dataframe(table, hide_index=True, width="stretch")
    elif view == "sources":
        show_sources(ch, lang)
    elif view == "download":
        downloads(ch, st_state)
    else:
        st.plotly_chart(
            ch.wire_figure,
            theme=None,
            config=PLOTLY_CONFIG,
            key=f"fig-{ch.slug}",
            width="stretch",
            alt=ch.alt,
        )
    st.caption(f"{t('alt_prefix', lang)}: {ch.alt}")


def show_sources(ch: Chart, lang: str) -> None:
    """Every source the plotted rows rest on, with how many rows each carries and their status."""
    table = ch.table
    if "source_id" not in table:
        st.write(t("no_row_sources", lang))
        return
    cols = [
        c
        for c in ("source_id", "source_publisher", "source_url", "source_date", "source_licence")
        if c in table
    ]
    summary = (
        table.groupby(cols, dropna=False)
        .agg(rows=("source_id", "size"), status=("status", lambda v: ", ".join(sorted(set(v)))))
        .reset_index()
    )
    st.dataframe(
        summary,
        hide_index=True,
        width="stretch",
        column_config={"source_url": st.column_config.LinkColumn(display_text="↗ link")},
    )


FORMAT_LABELS = {"png": "PNG", "svg": "SVG", "pdf": "PDF", "html": "HTML", "csv": "CSV", "xlsx": "Excel"}


def export_url(name: str) -> str:
    """This view's export address for `name` (`<chart>.<ext>` or `data-bundle.zip`): the page's
    permalink with `/export/<page>/<name>` as its path (see `dashboard/routes.py`)."""
    parts = urlsplit(st.context.url or "http://localhost:8501/")
    page = st.session_state.get("_page", "overview")
    return f"{parts.scheme}://{parts.netloc}/export/{page}/{name}{_view_query()}"


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
                label, key = FORMAT_LABELS[ext], f"dl-{ch.slug}-{ext}"
                if ext in exports.IMAGE_FORMATS and browser is None:
                    col.button(label, disabled=True, key=key, help=exports.INSTALL_HINT)
                elif routed:
                    col.link_button(label, export_url(f"{ch.slug}.{ext}"), icon=":material/download:")
                else:
                    col.download_button(
                        label,
                        data=_file(ch, ext, s, today),
                        file_name=exports.file_name(ch.slug, s.selected, lang=s.lang, ext=ext),
                        mime=exports.MIME[ext],
                        on_click="ignore",
                        key=key,
                    )
        if browser is None:
            st.caption(f"PNG/SVG/PDF: {exports.INSTALL_HINT}.")
        if routed:
            st.caption(t("export_links", s.lang))


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


def bundle_download(s: State, m: Model) -> None:
    """The sidebar's citable ZIP: filtered and full CSVs, the curated YAML, and a bilingual README.
    A link to the export route when served by `server.py`; otherwise a button that builds it on click."""
    label = t("download_bundle", s.lang)
    if routes.serving():
        st.sidebar.link_button(label, export_url(f"{routes.BUNDLE}.zip"), icon=":material/folder_zip:")
        return
    filtered = view(views.bundle_tables, tuple(s.selected))
    permalink = s.permalink

    def build() -> bytes:
        return exports.bundle_for_view(
            m.cat,
            filtered=filtered,
            full=m.tables,
            data_dir=m.data_dir,
            selected=s.selected,
            lang=s.lang,
            permalink=permalink,
            today=dt.date.today().isoformat(),
        )

    st.sidebar.download_button(
        label,
        data=build,
        file_name=exports.bundle_file_name(s.selected, s.lang),
        mime=exports.MIME["zip"],
        on_click="ignore",
        icon=":material/folder_zip:",
        key="bundle",
    )


# --- World Bank indicator pages -----------------------------------------------------------------


def indicator_page(slug: str) -> None:
    """Connectivity / Innovation: lines over time, a ranking for a chosen year, China vs ASEAN-10."""
    s, m = state(), model()
    lang = s.lang
    page = PAGES_BY_SLUG[slug]
    st.header(t(page.title_key, lang))
    ids = views.indicator_ids(m, page.topics)
    titles = {i: (m.series(i).title.zh if lang == "zh" else m.series(i).title.en) for i in ids}
    choice = url_choice("indicator", ids, ids[0], st.selectbox, t("indicator", lang), format_func=titles.get)
    series = view(views.indicator_series, choice)
    year = int(
        url_choice("year", series.years, series.default_year, st.select_slider, t("indicator_year", lang))
    )
    selected = tuple(s.selected)
    show_chart(view(views.indicator_lines, series, lang, selected), s)
    show_chart(view(views.indicator_ranking, series, lang, selected, year), s)
    show_chart(view(views.china_vs_asean, series, lang), s)
    with st.expander(t("about_indicator", lang)):
        st.markdown(view(views.indicator_about, choice, lang))
