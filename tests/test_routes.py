"""Export routes: each view's charts and bundle as plain downloads, every value checked first."""

from __future__ import annotations

import json
import zipfile
from io import BytesIO

import pytest
from starlette.requests import Request
from streamlit.testing.v1 import AppTest

from dashboard.data.model import build_model
from dashboard.web import routes
from dashboard.web.pages import PAGES, PAGES_BY_SLUG
from tests.conftest import DATA, run_async
from tests.test_app import APP


@pytest.fixture(scope="module")
def model():
    return build_model(DATA)


def get(path: str, query: str = "") -> tuple[int, dict[str, str], bytes]:
    """Call the route's handler as Starlette would, without a server."""
    page, name = path.removeprefix("/export/").split("/", 1)
    scope = {
        "type": "http",
        "method": "GET",
        "scheme": "http",
        "server": ("127.0.0.1", 8501),
        "path": path,
        "query_string": query.encode(),
        "headers": [(b"host", b"127.0.0.1:8501")],
        "path_params": {"page": page, "name": name},
    }
    response = run_async(routes.export(Request(scope)))
    return response.status_code, dict(response.headers), response.body


def test_a_view_is_read_from_its_link_with_defaults(model):
    view, defaults = routes.read_view(model, PAGES_BY_SLUG["innovation"], {"country": ["THA", "CHN"]})
    assert view.selected == ("CHN", "THA") and view.lang == "en"
    assert dict(view.choices)["indicator"] == defaults["indicator"]
    assert view.query(defaults) == "country=CHN&country=THA"  # defaults stay out of the link


@pytest.mark.parametrize(
    ("page", "query", "named"),
    [
        ("overview", {"country": ["VNM", "<script>"], "lang": ["fr"]}, "country=<script>, lang=fr"),
        ("connectivity", {"indicator": ["gdp_current_usd"]}, "indicator=gdp_current_usd"),  # not this page's
        ("connectivity", {"year": ["1066"]}, "year=1066"),
        ("country", {"country": ["VNM"], "profile": ["SGP"]}, "profile=SGP"),  # not among the chosen
    ],
)
def test_unknown_values_are_refused_by_name(model, page, query, named):
    with pytest.raises(routes.BadRequest, match="unknown value"):
        routes.read_view(model, PAGES_BY_SLUG[page], query)
    try:
        routes.read_view(model, PAGES_BY_SLUG[page], query)
    except routes.BadRequest as exc:
        assert str(exc).endswith(named)


@pytest.mark.parametrize("page", [p for p in PAGES if p.slug != "sources"], ids=lambda p: p.slug)
def test_the_route_exports_exactly_the_charts_the_page_draws(model, page):
    query = {"country": ["VNM", "CHN"], "lang": ["zh"]}
    at = AppTest.from_file(APP, default_timeout=60)
    for key, values in query.items():
        at.query_params[key] = values
    if page.url_path:
        at.switch_page(f"app_pages/{page.file}")
    at.run()
    drawn = [json.loads(el.proto.spec) for el in at.get("plotly_chart")]
    view, _ = routes.read_view(model, page, query)
    exported = [
        json.loads(c.wire_figure.to_json()) for c in routes.page_charts(model, view) if not c.is_empty
    ]
    assert [f["layout"]["meta"]["title"] for f in exported] == [f["layout"]["meta"]["title"] for f in drawn]
    assert exported == drawn


def test_a_csv_download_is_an_attachment_with_a_telling_name():
    status, headers, body = get("/export/digital-economy/internet-economy-gmv-by-country.csv", "country=VNM")
    assert status == 200
    assert (
        headers["content-disposition"] == 'attachment; filename="internet-economy-gmv-by-country_vnm_en.csv"'
    )
    assert headers["content-type"].startswith("text/csv")
    lines = body.decode("utf-8-sig").splitlines()
    assert lines[0].startswith("# title: ")
    assert next(line for line in lines if not line.startswith("#")).startswith("entity,")


def test_the_bundle_route_names_the_view_it_was_taken_from():
    status, headers, body = get("/export/connectivity/data-bundle.zip", "country=VNM&lang=zh&year=2010")
    assert status == 200 and headers["content-type"] == "application/zip"
    with zipfile.ZipFile(BytesIO(body)) as zf:
        readme = zf.read("README.md").decode()
    assert "http://127.0.0.1:8501/connectivity?country=VNM&lang=zh&year=2010" in readme


@pytest.mark.parametrize(
    ("path", "query", "status"),
    [
        ("/export/nowhere/a.png", "", 404),
        ("/export/overview/no-such-chart.png", "", 404),
        ("/export/overview/internet-economy-gmv-share-of-gdp.exe", "", 404),
        ("/export/overview/internet-economy-gmv-share-of-gdp.csv", "country=XXX", 400),
    ],
)
def test_bad_addresses_get_a_reason_not_a_traceback(path, query, status):
    code, headers, body = get(path, query)
    assert code == status and headers["content-type"].startswith("text/plain")
    assert headers["x-content-type-options"] == "nosniff"
    assert b"Traceback" not in body and body.strip()


def test_a_refused_value_is_quoted_short_and_printable():
    status, _, body = get(
        "/export/overview/internet-economy-gmv-share-of-gdp.csv", "country=" + "A\x07" * 1500
    )
    reason = body.decode()
    assert status == 400 and reason.startswith("unknown value(s): country=A?A?")
    assert len(reason) < 80 and reason.endswith("…")
