"""The reader's state on every run: the data, the language and the country filter, kept in the
URL both ways and checked against known values; the notices for what a link asked that is unknown.

Pages read `state()` and ask `view(views.X, language, filter)` for what to draw (built once per
data version and choice, shared by all sessions).
"""

from __future__ import annotations

import argparse
import functools
import os
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlencode

import streamlit as st

from dashboard.data import frames
from dashboard.data.loading import DATA_DIR_ENV
from dashboard.data.model import Model
from dashboard.data.problems import DataError
from dashboard.present import views
from dashboard.present.i18n import DEFAULT_LANG, LANGS, t
from dashboard.web import cache, links


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


def page_view(slug: str, **choices: str):
    """What page `slug` draws for this reader's language and filter (see `cache.page_view`)."""
    s = state()
    return cache.page_view(model(), slug, s.lang, tuple(s.selected), choices)


def view(builder: Callable[..., object], *args: object):
    """`builder(model, *args)` once per (builder, data version, args) for all sessions: pages call
    this with the language and filter, so a rerun with the same choices only draws."""
    return cache.view(model(), builder, *args)


#: Modules Streamlit imports on a process's first script run for what the first page draws: the
#: favicon (PIL) and the icons' names. Imported at server start instead, so the first reader does
#: not wait for them. (Streamlit's emoji catalogue, ~0.1 s, loads only for a non-ASCII label on a
#: button group, such as the Chinese tab switch: not for the English first page.)
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
            cache.view(m, views.key_indicators, lang, ())


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


def _asked(param: str, options: list[str]) -> str | None:
    """The link's last known value for `param` (None if it names none); a notice on the page for
    every value it names that `options` does not hold."""
    asked = st.query_params.get_all(param)
    bad = links.unknown(asked, options)
    if bad:
        values = ", ".join(f"{param}={links.display(v)}" for v in bad)
        st.warning(t("dropped_params", state().lang, values=values), icon="⚠️")
    valid = [v for v in asked if v in options]
    return valid[-1] if valid else None


def url_key(param: str) -> str:
    """The session key of a page's own choice: one per page, so the settings of one page's chart
    (relative change on Connectivity) do not follow the reader to another page's chart."""
    return f"url-{st.session_state.get('_page', 'overview')}-{param}"


def url_choice(
    param: str, options: list[str], default: str, widget, label: str, *, drawn: bool = True, **kwargs
) -> str:
    """A page-level choice kept in the URL (`?param=value`), checked against `options`, drawn with
    `widget` when `drawn` (not while its Settings popover is closed: the choice stays as it was)."""
    key = url_key(param)
    value = _remembered(key, lambda: _asked(param, options) or default)
    if value not in options:  # a choice the page no longer offers
        value = _asked(param, options) or default
    if drawn:
        if st.session_state.get(key) != value:
            st.session_state[key] = value
        value = widget(label, options=options, key=key, **kwargs)
    st.session_state[_kept(key)] = value
    write_link({param: [value] if value != default else []})
    return value


def _remembered(key: str, first_look: Callable[[], object]):
    """A setting's value this run: its widget's (drawn in the last run), else the one kept when it
    was last drawn, else `first_look()` (the link's, at the session's first look)."""
    if key in st.session_state:
        return st.session_state[key]
    if _kept(key) in st.session_state:
        return st.session_state[_kept(key)]
    return first_look()


def _kept(key: str) -> str:
    """Where a page's setting is kept for the runs that do not draw its widget (a closed Settings
    popover): Streamlit forgets a widget's value after a run without it."""
    return f"{key}:kept"


#: The session key of the group buttons under the country filter (see `sidebar.country_filter`).
GROUP_PICK = "group_pick"


def url_range(
    param: str,
    years: list[int],
    ranges: list[str],
    label: str,
    default: tuple[int, int],
    fallback: tuple[int, int] | None = None,
) -> str:
    """Years kept in the URL in Grapher's syntax (`?time=2010..2020`, `?time=2015` for one year),
    checked against `ranges` (the chart's own, `views.time_options`); a range slider on the page
    whose two ends may meet. "" means the chart's `default` (and no key in the URL); `fallback`
    is what an older link asked in its own words (`?year=`), used when it names no `time`."""
    key = url_key(param)
    window = tuple(default)
    if key not in st.session_state:  # the session's first look: the link's years, checked
        asked = _asked(param, ranges)
        window = views.parse_time(asked) if asked else fallback or default
    # Given as a pair every run (not through the session state): Streamlit reads a slider as a
    # range only when its `value` is one, and resets a range the years no longer hold to it.
    first, last = st.select_slider(label, options=years, value=tuple(window), key=key)
    chosen = "" if (first, last) == tuple(default) else str(first) if first == last else f"{first}..{last}"
    write_link({param: [chosen] if chosen else []})
    return chosen


def url_flag(
    param: str, value: str, label: str, *, disabled: bool = False, help: str | None = None, drawn: bool = True
) -> str:
    """An on/off setting kept in the URL as `?param=value` (e.g. `?compare=CHN`), a toggle on the
    page when `drawn` (else it stays as it was); `value` when on, "" when off. Any other value in
    the link is dropped with a notice."""
    key = url_key(param)
    on = bool(_remembered(key, lambda: _asked(param, [value]) == value))
    if drawn:
        if key not in st.session_state:
            st.session_state[key] = on
        on = st.toggle(label, key=key, disabled=disabled, help=help)
    st.session_state[_kept(key)] = on
    write_link({param: [value] if on else []})
    return value if on else ""


def legacy_choice(param: str, options: list[str]) -> str | None:
    """A value an older link names with a key the page no longer draws (`?year=` before `?time=`):
    read once (a notice if unknown), then taken out of the URL."""
    if param not in st.query_params:
        return None
    asked = _asked(param, options)
    write_link({param: []})
    return asked


def current_state(m: Model) -> State:
    """The reader's language and countries, read before any of the sidebar is drawn.

    Widget values are in `st.session_state` from the start of a run, so the router can build the
    page first and draw the sidebar after it: everything new reaches the browser at once, instead
    of the sidebar now and the page after a (possibly slow) first build of its charts."""
    lang = language()
    codes = m.country_codes
    chosen = [
        c for c in st.session_state.get("country") or [] if c in codes
    ]  # a country removed from the data since is dropped
    picked = st.session_state.get(GROUP_PICK)
    if picked or len(chosen) != len(st.session_state.get("country") or []):
        # A group's button just clicked (ASEAN-10, CLMV, …) adds its members here, before the
        # filter is drawn, so the filter, the link and every page only hold country codes; the
        # button is released for the next click. (Not an `on_change` callback: that costs every
        # filter change.)
        if picked:
            chosen = [c for c in frames.expand_selection(m.cat, [*chosen, picked]) if c in codes]
            st.session_state[GROUP_PICK] = None
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
    # (Year ranges are numbers, the same in every language, and given to their slider each run.)
    for key in [
        k
        for k in st.session_state
        if k == "country" or (str(k).startswith("url-") and not isinstance(st.session_state[k], tuple))
    ]:
        st.session_state[key] = st.session_state[key]


def current_link() -> str:
    """This page's URL with the query string as it stands now (`embed` left out)."""
    return (st.context.url or "http://localhost:8501/") + view_query()


def view_params() -> list[tuple[str, str]]:
    """The view's query as (key, value) pairs, repeated keys kept (`embed` left out)."""
    return [(k, v) for k in st.query_params for v in st.query_params.get_all(k) if k != "embed"]


def view_query() -> str:
    params = view_params()
    return ("?" + urlencode(params)) if params else ""


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
