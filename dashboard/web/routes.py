"""Export routes: every chart of every view, and the data bundle, as a plain HTTP download.

    /export/<page>/<chart>.<png|svg|pdf|html|csv|xlsx>?country=VNM&lang=zh&indicator=…&time=…
    /export/<page>/data-bundle.zip?country=VNM&lang=zh

The Download view links here when the dashboard is served by `dashboard/server.py` (the README's
command). Why not Streamlit's download buttons: a file a button builds on click is not tied to the
reader's session, and with many readers Streamlit's clean-up after other sessions' reruns can
delete it before a slow browser fetches it. A route has no such race, needs no websocket, and gives
each export a stable address (as Our World in Data's chart URLs do) that a reader can paste into a
report or a script.

Every value in the path and the query is checked against the known pages, charts, formats,
countries, languages and choices before use; anything else gets a 4xx with a one-line reason.
The query keys are the page's own, so an export URL is the page's permalink with a path in front.
No Streamlit here: the caches are `dashboard.cache`, shared with the app. The data, chart and
export modules are imported on the first request, not when the server starts: the server should
listen (and the warm-up start) as soon as it can.
"""

from __future__ import annotations

import datetime as dt
import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING
from urllib.parse import urlencode

from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import PlainTextResponse, Response
from starlette.routing import Route

from dashboard.present.i18n import DEFAULT_LANG, LANGS
from dashboard.web.links import shown, unknown
from dashboard.web.pages import PAGES_BY_SLUG, Page

if TYPE_CHECKING:
    from dashboard.data.model import Model
    from dashboard.present.charts import Chart

BUNDLE = "data-bundle"
_serving = False


def enable() -> list[Route]:
    """The routes, for `st.App(routes=…)`; from then on the app links its downloads here."""
    global _serving
    _serving = True
    return [Route("/export/{page}/{name}", export, methods=["GET"])]


def serving() -> bool:
    return _serving


@dataclass(frozen=True)
class View:
    """One page's view, as its link states it: every value checked against known values."""

    page: Page
    lang: str
    selected: tuple[str, ...]
    choices: tuple[tuple[str, str], ...]  # page-level choices (indicator, year, profile), defaults included

    def query(self, defaults: dict[str, str]) -> str:
        """The view's query string, as the page writes it (defaults left out)."""
        params = [("country", c) for c in self.selected]
        if self.lang != DEFAULT_LANG:
            params.append(("lang", self.lang))
        params += [(k, v) for k, v in self.choices if defaults.get(k) != v]
        return urlencode(params)


def _refuse(reason: str, status: int) -> Response:
    return PlainTextResponse(reason, status_code=status, headers={"X-Content-Type-Options": "nosniff"})


class BadRequest(ValueError):
    """A path or query value that is not a known value; the message names it."""


def read_view(m: Model, page: Page, query: dict[str, list[str]]) -> tuple[View, dict[str, str]]:
    """The view a query asks for, and the page's default choices; `BadRequest` on any unknown value."""
    codes = m.country_codes
    bad = [f"country={shown(c)}" for c in unknown(query.get("country", []), codes)]
    bad += [f"lang={shown(v)}" for v in unknown(query.get("lang", []), LANGS)]
    langs = query.get("lang", [])
    selected = tuple(c for c in codes if c in query.get("country", []))
    options = page_options(m, page, selected, query)
    choices, defaults = [], {}
    for key, (allowed, default) in options.items():
        asked = query.get(key, [])
        bad += [f"{key}={shown(v)}" for v in unknown(asked, allowed)]
        choices.append((key, asked[-1] if asked else default))
        defaults[key] = default
    if bad:
        raise BadRequest("unknown value(s): " + ", ".join(bad))
    view = View(page, langs[-1] if langs else DEFAULT_LANG, selected, tuple(choices))
    return view, defaults


def page_options(
    m: Model, page: Page, selected: tuple[str, ...], query: dict[str, list[str]]
) -> dict[str, tuple[list[str], str]]:
    """A page's own choices: key → (allowed values, default), as the page offers them."""
    from dashboard.present import views
    from dashboard.web import cache

    if page.topics:
        ids = views.indicator_ids(m, page.topics)
        asked = [v for v in query.get("indicator", []) if v in ids]
        series = cache.view(m, views.indicator_series, asked[-1] if asked else ids[0])
        return {
            "indicator": (ids, ids[0]),
            "time": (cache.view(m, views.time_ranges, series), ""),
            "year": (series.years, ""),  # an older link's ranking year (see views.indicator_window)
            "stackMode": (views.STACK_MODES, "absolute"),
            "yScale": (views.Y_SCALES, "linear"),
            "compare": (views.PARTNERS, ""),
        }
    if page.slug == "country":
        options = list(selected) or m.country_codes
        return {"profile": (options, options[0])}
    if page.slug == "digital-economy":
        gmv = cache.view(m, views.gmv_choices)
        years = gmv.revised_years
        return {
            "gmv": (gmv.views, "latest"),
            "gmv_year": (years, years[0] if years else ""),
            "time": (gmv.time_ranges, ""),
            "stackMode": (views.STACK_MODES, "absolute"),
            "yScale": (views.Y_SCALES, "linear"),
        }
    return {}


def page_charts(m: Model, view: View) -> list[Chart]:
    """Every chart the page draws for this view, from the same cached view the page draws."""
    from dashboard.web import cache

    drawn = cache.page_view(m, view.page.slug, view.lang, view.selected, dict(view.choices))
    return drawn.charts if drawn is not None else []


async def export(request: Request) -> Response:
    """GET /export/<page>/<chart>.<ext>: the file, or a 4xx/503 with a one-line reason.

    Never built in the event loop, which serves every reader's websocket: cheap formats go straight
    to a worker thread; an image first takes its place in `render_queue` (or is refused at once,
    `503`/`429` with `Retry-After`) and is checked and built when its turn comes, so a burst of
    images holds no thread and never delays a CSV."""
    from dashboard.present import exports
    from dashboard.web import render_queue

    ext = request.path_params["name"].rpartition(".")[2]
    if ext not in exports.IMAGE_FORMATS:
        return await run_in_threadpool(_respond, request)
    client = render_queue.client_of(
        request.client.host if request.client else None, request.headers.get("x-forwarded-for")
    )
    done = await render_queue.queue().run(client, lambda: _respond(request))
    if isinstance(done, render_queue.Refused):
        response = _refuse(done.reason, done.status)
        response.headers["Retry-After"] = str(done.retry_after)
        return response
    return done


def _respond(request: Request) -> Response:
    """The file the request asks for, or a refusal naming what is wrong."""
    prepared = _prepare(request)
    return prepared if isinstance(prepared, Response) else prepared()


def _prepare(request: Request) -> Response | Callable[[], Response]:
    """Check the path and query against known values and find the chart: a refusal, or the
    function that builds the file."""
    from dashboard.data.problems import DataError
    from dashboard.present import exports, views
    from dashboard.web import cache

    page = PAGES_BY_SLUG.get(request.path_params["page"])
    name, _, ext = request.path_params["name"].rpartition(".")
    if page is None:
        return _refuse("unknown page", 404)
    m = cache.current_model()
    if isinstance(m, DataError):
        return _refuse("the data files have errors; the dashboard lists them", 503)
    query = {key: request.query_params.getlist(key) for key in request.query_params}
    try:
        view, defaults = read_view(m, page, query)
    except BadRequest as exc:
        return _refuse(str(exc), 400)
    origin = f"{request.url.scheme}://{request.url.netloc}"
    path = "/" + page.url_path
    qs = view.query(defaults)
    permalink = origin + path + ("?" + qs if qs else "")
    today = dt.date.today().isoformat()
    selected = list(view.selected)
    if name == BUNDLE and ext == "zip":

        def bundle() -> Response:
            data = exports.bundle_for_view(
                m.cat,
                filtered=cache.view(m, views.bundle_tables, view.selected),
                full=m.tables,
                data_dir=m.data_dir,
                selected=selected,
                lang=view.lang,
                permalink=permalink,
                today=today,
            )
            return _attachment(data, exports.bundle_file_name(selected, view.lang), "zip")

        return bundle
    chart = next((c for c in page_charts(m, view) if c.slug == name and not c.is_empty), None)
    if chart is None or ext not in exports.CHART_FORMATS:
        return _refuse("no such chart or format in this view", 404)

    def build() -> Response:
        try:
            data = exports.chart_file(
                chart, ext, lang=view.lang, selected=selected, permalink=permalink, today=today
            )
        except exports.ExportUnavailable as exc:
            return _refuse(str(exc), 503)
        except Exception:  # the log keeps the details; the reader gets a reason, not a traceback
            logging.getLogger("dashboard").exception("export failed")
            return _refuse("the export failed; please try again", 500)
        return _attachment(data, exports.file_name(chart.slug, selected, lang=view.lang, ext=ext), ext)

    return build


def _attachment(data: bytes, file_name: str, ext: str) -> Response:
    from dashboard.present import exports

    return Response(
        data,
        media_type=exports.FORMATS[ext].mime,
        headers={
            "Content-Disposition": f'attachment; filename="{file_name}"',
            "Cache-Control": "no-store",
            "X-Content-Type-Options": "nosniff",
        },
    )
