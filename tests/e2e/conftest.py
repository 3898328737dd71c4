"""Real-browser fixtures: one Streamlit server and one Debian Chromium for the whole session.

Every request the page makes is recorded; anything not addressed to the local server is blocked
and fails the test that caused it (the offline guarantee). On failure a screenshot and the
console log are saved under test-artifacts/.
"""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path
from urllib.parse import urlparse

import pytest

from benchmarks.common import CHROMIUM, LAUNCH_ARGS, REPO, start_server, stop_server

ARTIFACTS = REPO / "test-artifacts"
LOCAL_HOSTS = {"127.0.0.1", "localhost"}
#: Every wait in the browser suite (page actions and `expect` assertions alike): generous, since a
#: cold two-core CI machine is slow, not wrong. Tests wait for conditions, never for the clock.
WAIT_MS = 30_000


@pytest.fixture(scope="session", autouse=True)
def _expect_waits_as_long_as_actions():
    """`expect(...)` retries for 5 s by default; give it the suite's timeout like every action."""
    from playwright.sync_api import expect

    expect.set_options(timeout=WAIT_MS)


@pytest.fixture(scope="session")
def server() -> Iterator[str]:
    proc, base = start_server()
    yield base
    stop_server(proc)


@pytest.fixture(scope="session")
def browser():
    if not Path(CHROMIUM).exists():
        if os.environ.get("CI"):
            pytest.fail(f"{CHROMIUM} is missing in CI: scripts/setup.sh should have installed it")
        pytest.skip(f"{CHROMIUM} not installed (bash scripts/setup.sh installs it)")
    from playwright.sync_api import sync_playwright

    with sync_playwright() as pw:
        b = pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        yield b
        b.close()


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_makereport(item, call):
    outcome = yield
    report = outcome.get_result()
    if report.when == "call":
        item.failed_call = report.failed


class Recorder:
    def __init__(self):
        self.requests: list[str] = []
        self.outside: list[str] = []
        self.console: list[str] = []
        self.dialogs: list[str] = []

    def route(self, route):
        url = route.request.url
        self.requests.append(url)
        host = urlparse(url).hostname
        if url.startswith(("data:", "blob:")) or host in LOCAL_HOSTS:
            route.continue_()
        else:
            self.outside.append(url)
            route.abort()


def _page(browser, request, viewport: dict):
    """A fresh browser context; fails the test on any request off this machine."""
    rec = Recorder()
    context = browser.new_context(viewport=viewport, accept_downloads=True)
    context.route("**/*", rec.route)
    pg = context.new_page()
    pg.set_default_timeout(WAIT_MS)
    pg.on("console", lambda m: rec.console.append(f"{m.type}: {m.text}"))

    def on_dialog(dialog):
        rec.dialogs.append(dialog.message)
        dialog.dismiss()

    pg.on("dialog", on_dialog)
    pg.recorder = rec
    yield pg
    if getattr(request.node, "failed_call", False):
        ARTIFACTS.mkdir(exist_ok=True)
        name = request.node.name.replace("/", "_").replace("[", "-").replace("]", "")
        try:
            pg.screenshot(path=str(ARTIFACTS / f"{name}.png"), full_page=True)
        except Exception:  # noqa: S110 - best effort: the failure itself is what matters
            pass
        (ARTIFACTS / f"{name}.console.log").write_text("\n".join(rec.console), encoding="utf-8")
    context.close()
    assert not rec.outside, f"requests to hosts other than the local server: {rec.outside}"
    assert not rec.dialogs, f"the page opened dialogs (a script ran): {rec.dialogs}"


@pytest.fixture
def page(browser, request):
    """A desktop browser window (1400 × 1000)."""
    yield from _page(browser, request, {"width": 1400, "height": 1000})


#: A phone's screen, as the layout issue measured it (CSS pixels).
PHONE = {"width": 390, "height": 844}


@pytest.fixture
def phone(browser, request):
    """A phone-sized browser window (390 × 844)."""
    yield from _page(browser, request, PHONE)
