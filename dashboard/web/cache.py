"""Process-wide caches of the data and of what pages draw; no Streamlit, so the export routes
(`routes.py`) and the app share them.

Why not `st.cache_resource`: it hashes every argument with Streamlit's hasher on every call,
which costs more than the rest of a rerun. Keys here are tuples of strings (builder name, data
version, language, filter), so a hit is one dict lookup.
"""

from __future__ import annotations

import threading
import time
from collections import OrderedDict
from collections.abc import Callable
from pathlib import Path

from dashboard.data import snapshot
from dashboard.data.loading import fingerprint, resolve_data_dir
from dashboard.data.model import Model, build_model
from dashboard.data.problems import DataError


class Memo:
    """A small thread-safe LRU for pure results, keyed on plain tuples, built once per key.

    When several sessions (or the start-up warm-up, or an export request) ask for the same
    missing key, one builds and the others wait for it; a failed build is left to the next asker.
    """

    def __init__(self, size: int):
        self.size = size
        self._items: OrderedDict[tuple, object] = OrderedDict()
        self._building: dict[tuple, threading.Event] = {}
        self._lock = threading.Lock()

    def get(self, key: tuple, build: Callable[[], object]):
        while True:
            with self._lock:
                if key in self._items:
                    self._items.move_to_end(key)
                    return self._items[key]
                pending = self._building.get(key)
                if pending is None:
                    self._building[key] = threading.Event()
                    break
            pending.wait()  # another thread is building it; a failed build leaves it to us
        try:
            value = build()
            with self._lock:
                self._items[key] = value
                while len(self._items) > self.size:
                    self._items.popitem(last=False)
            return value
        finally:
            with self._lock:
                self._building.pop(key).set()


models = Memo(size=2)
#: Views and charts kept for all sessions. A chart with its wire form is ~190 KiB, so 1024 hold
#: ~190 MiB at most: every country and pair of countries on the two busiest pages' new charts,
#: so a public event's readers mostly find their filter's charts built (the load test, 1–3
#: random countries a change, missed almost always at 256).
views = Memo(size=1024)


#: How long one look at the data files holds. Every rerun asks for the current data; stating
#: every file each time cost ~50 µs of a ~2.5 ms rerun (measured inside the script run), so
#: reruns within a second share one look: an edited file shows within a second.
RECHECK_SECONDS = 1.0
_last_look: dict[str, tuple[float, str]] = {}  # data directory -> (monotonic time, fingerprint)


def current_model() -> Model | DataError:
    """The data in the data directory as it is now (within `RECHECK_SECONDS`): loaded once per
    directory and version (the files' fingerprint, so an edited file is loaded afresh). A server
    restarted on unchanged files and code reads the checked snapshot instead of the YAML (see
    `snapshot.py`)."""
    data_dir = str(resolve_data_dir())
    now = time.monotonic()
    look = _last_look.get(data_dir)
    if look is None or now - look[0] >= RECHECK_SECONDS:
        look = _last_look[data_dir] = (now, fingerprint(Path(data_dir)))
    return models.get(
        (data_dir, look[1]),
        lambda: build_model(data_dir, load=snapshot.load_checked),
    )


def view_key(builder: Callable[..., object], m: Model, args: tuple) -> tuple:
    return (builder.__module__, builder.__qualname__, m.version, *args)


def view(m: Model, builder: Callable[..., object], *args: object):
    """`builder(m, *args)`, once per (builder, data version, args)."""
    return views.get(view_key(builder, m, args), lambda: builder(m, *args))


# --- what each page draws -----------------------------------------------------------------------


def page_view(m: Model, slug: str, lang: str, selected: tuple[str, ...], choices: dict[str, str]):
    """The view a page draws, built from cached parts: the one place that says which builder each
    page uses and with what. Pages draw its fields; the export routes offer its `charts`.

    Imported here, not at the top: the export routes import this module on their first request,
    and the server should listen before the chart modules load."""
    from dashboard.present import views

    if slug == "overview":
        return view(m, views.overview, lang)
    if slug == "participants":
        return view(m, views.participants, lang, selected)
    if slug == "digital-economy":
        return view(
            m,
            views.digital_economy,
            lang,
            selected,
            choices.get("gmv", "latest"),
            choices.get("gmv_year", ""),
            choices.get("time", ""),
            choices.get("stackMode", "absolute"),
            choices.get("yScale", "linear"),
        )
    if slug == "agenda":
        return view(m, views.agenda, lang)
    if slug == "timeline":
        return view(m, views.timeline, lang, selected)
    if slug == "country":
        return view(m, views.country_profile, lang, choices["profile"])
    if "indicator" in choices:  # the World Bank pages: three charts, each cached on its own
        series = view(m, views.indicator_series, choices["indicator"])
        # the years shown: `time`, else an older link's ranking `year`; the ranking is the last
        window = views.indicator_window(series, choices.get("time", ""), choices.get("year", ""))
        stack_mode = choices.get("stackMode", "absolute")
        return views.IndicatorPage(
            # every line of the window and mode, made once, then picked for the filter
            lines=view(
                m,
                views.indicator_lines,
                series,
                lang,
                selected,
                window,
                stack_mode,
                choices.get("yScale", "linear"),
                choices.get("compare", ""),
                view(m, views.line_set, series, lang, window, stack_mode),
            ),
            # the year's ranking of all, built once, then recoloured for the filter
            ranking=view(
                m,
                views.indicator_ranking,
                view(m, views.ranking_of_all, series, lang, window[1]),
                lang,
                selected,
            ),
            china=view(m, views.china_vs_asean, series, lang),
        )
    return None  # a page without charts (Sources)
