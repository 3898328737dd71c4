"""Data text is never rendered as HTML: names and quotes holding markup show as literal text."""

from __future__ import annotations

import shutil

import pytest

from benchmarks.common import start_server, stop_server
from tests.conftest import DATA
from tests.corpus import replace
from tests.e2e.test_browser import open_view

pytestmark = pytest.mark.e2e

IMG = "<img src=x onerror=alert(1)>"
SCRIPT = "<script>alert(2)</script>"
LINK = "[click](javascript:alert(3))"


@pytest.fixture(scope="module")
def hostile_server(tmp_path_factory):
    data = tmp_path_factory.mktemp("hostile") / "data"
    shutil.copytree(DATA, data)
    replace(
        data / "participants.yaml",
        "name: {zh: 潘丹, en: Phan Tam}",
        f'name: {{zh: "潘丹{SCRIPT}", en: "Phan Tam {IMG}"}}',
    )
    replace(
        data / "participants.yaml",
        "title: {zh: 信息通信部副部长, en: Deputy Minister of Information and Communications}",
        f'title: {{zh: 信息通信部副部长, en: "Deputy Minister {LINK}"}}',
    )
    replace(
        data / "statements.yaml",
        "original: 六是推进网络安全务实合作",
        f"original: {IMG}{SCRIPT}六是推进网络安全务实合作",
    )
    replace(data / "countries.yaml", "aliases: [Vietnam, Việt Nam]", f'aliases: [Vietnam, Việt Nam, "{IMG}"]')
    replace(data / "event.yaml", "format: {en: Online video conference,", f'format: {{en: "Online {IMG}",')
    # Served the way the README says to serve another directory: `server.py -- --data DIR`.
    proc, base = start_server(script_args=["--data", str(data)])
    yield base
    stop_server(proc)


@pytest.mark.parametrize("path", ["", "agenda", "country", "participants", "sources"])
def test_markup_in_data_shows_as_text_and_runs_nothing(page, hostile_server, path):
    open_view(page, hostile_server, path, "?country=VNM")
    assert page.evaluate("() => document.querySelectorAll('img[src=x], [onerror]').length") == 0
    assert (
        page.evaluate(
            "() => [...document.querySelectorAll('a')].filter(a => a.href.startsWith('javascript')).length"
        )
        == 0
    )
    body = page.locator("[data-testid=stMain]").inner_text()
    if path == "":
        assert f"Online {IMG}" in body
    if path == "agenda":
        assert f"{IMG}{SCRIPT}六是推进网络安全务实合作" in body
    if path == "country":
        assert f"Phan Tam {IMG}" in body and LINK in body
    # the page fixture fails the test if any alert() dialog opened
