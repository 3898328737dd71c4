"""Bounded soak: N concurrent headless-browser readers for T seconds against one local dashboard.

Each reader opens a page, adds and removes countries in the sidebar filter (timing each change
until the chart shows it), switches pages, and now and then downloads a chart as CSV and PNG.
Reports errors (must be 0), median and 95th-percentile filter-to-chart time, and the server's
memory at start, once every reader has finished a round (warm), and at the end. Only 127.0.0.1
is contacted; loops are bounded in count and time.

Every count the test relies on is reached by condition, never by the clock, so a cold or busy
machine makes the soak slower, not different: every reader finishes at least one round of at
least two filter changes; the first reader downloads in its first round; with
`--kill-export-browser-at`, an image export is made (and its browser seen running) before the
readers start, the browser is killed at that second of the soak, and one more image export must
then arrive from a new browser.

    python -m benchmarks.soak --sessions 10 --seconds 60 [--kill-export-browser-at 20] [--json out.json]
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import signal
import statistics
import sys
import time
import urllib.request
from dataclasses import asdict, dataclass, field

from benchmarks.common import (
    CHROMIUM,
    LAUNCH_ARGS,
    command_line,
    descendants,
    rss_mib,
    start_server,
    stop_server,
)

COUNTRIES = {
    "VNM": "Viet Nam",
    "THA": "Thailand",
    "IDN": "Indonesia",
    "MYS": "Malaysia",
    "PHL": "Philippines",
    "SGP": "Singapore",
    "LAO": "Lao PDR",
    "KHM": "Cambodia",
    "MMR": "Myanmar",
    "BRN": "Brunei",
}
MAX_ACTIONS_PER_SESSION = 500
TRACE_NAMES = """() => { const gd = document.querySelector('.js-plotly-plot');
  return gd && gd.data ? gd.data.map(t => t.name) : []; }"""


@dataclass
class Report:
    sessions: int
    seconds: float
    actions: int = 0
    filter_changes: int = 0
    downloads: int = 0
    errors: list[str] = field(default_factory=list)
    filter_to_chart_ms: list[float] = field(default_factory=list)
    rss_start_mib: float = 0.0
    rss_warm_mib: float = 0.0
    rss_end_mib: float = 0.0
    export_browser_killed: int = 0
    export_after_kill: str = ""

    def summary(self) -> dict:
        times = sorted(self.filter_to_chart_ms)
        p95 = times[min(len(times) - 1, int(0.95 * len(times)))] if times else None
        out = asdict(self)
        out.pop("filter_to_chart_ms")
        out["errors"] = len(self.errors)
        out["error_samples"] = self.errors[:5]
        out["median_filter_to_chart_ms"] = round(statistics.median(times), 1) if times else None
        out["p95_filter_to_chart_ms"] = round(p95, 1) if p95 is not None else None
        return out


async def settle(page) -> None:
    await page.wait_for_selector("[data-testid=stSidebar] [data-testid=stMultiSelect]")
    await page.wait_for_function("() => document.querySelectorAll('.js-plotly-plot').length >= 1")


async def toggle_country(page, code: str, report: Report) -> None:
    """Add `code` to the filter (or remove it if present) and time until the chart shows it."""
    name = COUNTRIES[code]
    names = await page.evaluate(TRACE_NAMES)
    start = time.perf_counter()
    try:
        await _toggle(page, name, name in names)
    except Exception as exc:
        raise RuntimeError(
            f"{'removing' if name in names else 'adding'} {name} on {page.url}: {exc}"
        ) from exc
    report.filter_to_chart_ms.append((time.perf_counter() - start) * 1000)
    report.filter_changes += 1


async def _toggle(page, name: str, present: bool) -> None:
    if present:
        await page.locator(f"[data-testid=stSidebar] button[aria-label^='Remove {name}']").click()
        await page.wait_for_function(f"() => !({TRACE_NAMES})().includes({json.dumps(name)})")
    else:
        box = page.locator("[data-testid=stSidebar] [data-testid=stMultiSelect] input")
        await box.click()
        await box.fill(name)
        await page.get_by_role("option", name=name).first.click()
        await page.keyboard.press("Escape")
        await page.wait_for_function(f"() => ({TRACE_NAMES})().includes({json.dumps(name)})")


async def _download_from_link(page, name: str):
    arrived = asyncio.get_running_loop().create_future()

    def on_download(download) -> None:
        if not arrived.done():
            arrived.set_result(download)

    def on_tab(tab) -> None:
        tab.on("download", on_download)

    page.context.on("page", on_tab)
    page.on("download", on_download)
    try:
        await page.get_by_role("link", name=name, exact=True).first.click()
        return await asyncio.wait_for(arrived, timeout=60)
    finally:
        page.context.remove_listener("page", on_tab)
        page.remove_listener("download", on_download)


async def download(page, report: Report) -> None:
    """Open the page's Download view and fetch the first chart's CSV and PNG through their links
    (each opens a tab that closes once the file arrives)."""
    await page.get_by_role("radio", name="Download", exact=True).first.click()
    for fmt in ("CSV", "PNG"):
        dl = await _download_from_link(page, fmt)
        failure = await dl.failure()
        if failure:
            raise RuntimeError(f"{fmt} download failed: {failure} ({dl.url})")
        path = await dl.path()
        data = open(path, "rb").read()
        if fmt == "PNG" and not data.startswith(b"\x89PNG"):
            raise RuntimeError(f"PNG download is not a PNG: {data[:60]!r}")
        if fmt == "CSV" and b"source_id" not in data[:8000]:  # after the "# field: value" lines
            raise RuntimeError("CSV download lacks its source columns")
    await page.keyboard.press("Escape")
    report.downloads += 1


MIN_CHANGES_PER_ROUND = 2


async def reader(
    browser,
    base: str,
    deadline: float,
    report: Report,
    seed: int,
    download_share: float = 0.5,
    first_round_done: asyncio.Event | None = None,
) -> None:
    rng = random.Random(seed)  # noqa: S311 - reproducible reader behaviour, not security
    context = await browser.new_context(viewport={"width": 1300, "height": 900}, accept_downloads=True)

    async def only_local(route):
        if route.request.url.startswith(base) or route.request.url.startswith(("data:", "blob:")):
            await route.continue_()
        else:
            report.errors.append(f"outside request: {route.request.url}")
            await route.abort()

    await context.route("**/*", only_local)
    page = await context.new_page()
    page.set_default_timeout(60_000)
    try:
        done = 0
        for _ in range(MAX_ACTIONS_PER_SESSION):
            if done and time.monotonic() > deadline:  # every reader completes at least one round
                break
            done += 1
            other = rng.choice(["", "participants", "digital-economy", "agenda"])
            await page.goto(f"{base}/{other}?country=CHN")
            await settle(page)
            path = "connectivity"
            await page.locator("[data-testid=stSidebarNav] a[href$='/connectivity']").click()
            await page.wait_for_url(f"{base}/connectivity?country=CHN")
            await page.wait_for_function(f"() => ({TRACE_NAMES})().includes('China')")
            for k in range(rng.randint(MIN_CHANGES_PER_ROUND, 4)):
                if k >= MIN_CHANGES_PER_ROUND and time.monotonic() > deadline:
                    break
                await toggle_country(page, rng.choice(list(COUNTRIES)), report)
                report.actions += 1
            # The first reader always downloads in its first round, so every soak downloads.
            first_download = seed == 0 and done == 1
            if first_download or (rng.random() < download_share and time.monotonic() < deadline):
                await download(page, report)
            if await page.locator("[data-testid=stException]").count():
                report.errors.append(f"exception box on /{path}")
            if done == 1 and first_round_done is not None:
                first_round_done.set()
    except Exception as exc:  # every failure is counted, none stops the others
        message = " ".join(str(exc).split())[:300]
        report.errors.append(f"{type(exc).__name__}: {message}")
    finally:
        if first_round_done is not None:
            first_round_done.set()  # a reader that failed counts as done: its error is reported
        await context.close()


def export_browser_pids(server_pid: int) -> set[int]:
    """The Chromium processes kaleido started inside the server (not the readers' browser)."""
    return {pid for pid in descendants(server_pid) if "chrom" in command_line(pid)}


def kill_export_browser(server_pid: int) -> set[int]:
    """Kill the export browser; returns the processes killed."""
    killed = set()
    for pid in export_browser_pids(server_pid):
        try:
            os.kill(pid, signal.SIGKILL)
            killed.add(pid)
        except ProcessLookupError:
            pass
    return killed


#: How long the soak waits for a condition (an export to arrive, a browser to appear) before it
#: reports an error. Generous: a cold two-core machine is slow, not wrong.
CONDITION_TIMEOUT_S = 120.0
PNG_EXPORT = "/export/overview/internet-economy-gmv-share-of-gdp.png?country={country}"


async def wait_until(condition, what: str, timeout: float = CONDITION_TIMEOUT_S):
    """Poll `condition()` until it returns something truthy; raise after `timeout` seconds."""
    deadline = time.monotonic() + timeout
    while True:
        value = condition()
        if value:
            return value
        if time.monotonic() > deadline:
            raise TimeoutError(f"waited {timeout:.0f} s for {what}")
        await asyncio.sleep(0.1)


def fetch_png(base: str, country: str) -> bytes:
    """One image export through its link, as a reader's browser or `curl` would fetch it."""
    url = base + PNG_EXPORT.format(country=country)
    with urllib.request.urlopen(url, timeout=CONDITION_TIMEOUT_S) as response:  # noqa: S310 - local
        data = response.read()
    if not data.startswith(b"\x89PNG"):
        raise RuntimeError(f"{url} did not return a PNG: {data[:60]!r}")
    return data


async def start_export_browser(base: str, server_pid: int) -> set[int]:
    """Make an image export happen, so the export browser exists, and wait until it is seen."""
    await asyncio.to_thread(fetch_png, base, "VNM")
    return await wait_until(lambda: export_browser_pids(server_pid), "the export browser to start")


async def kill_and_export_again(base: str, server_pid: int, report: Report) -> None:
    """Kill the running export browser, then ask for a new image: it must come from a new one."""
    killed = await wait_until(lambda: kill_export_browser(server_pid), "an export browser to kill")
    report.export_browser_killed = len(killed)
    await asyncio.to_thread(fetch_png, base, "THA")  # another view: not served from the cache
    fresh = export_browser_pids(server_pid)
    if not fresh or fresh & killed:
        raise RuntimeError(f"the export after the kill did not use a new browser: {fresh} vs {killed}")
    report.export_after_kill = "png from a new browser"


async def soak(
    sessions: int,
    seconds: float,
    kill_at: float | None,
    base: str,
    server_pid: int,
    download_share: float = 0.5,
) -> Report:
    from playwright.async_api import async_playwright

    report = Report(sessions=sessions, seconds=seconds)
    report.rss_start_mib = round(rss_mib(server_pid), 1)
    if kill_at is not None:
        try:
            await start_export_browser(base, server_pid)
        except Exception as exc:
            report.errors.append(f"before the readers: {type(exc).__name__}: {exc}")
    async with async_playwright() as pw:
        browser = await pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)
        deadline = time.monotonic() + seconds
        first_rounds = [asyncio.Event() for _ in range(sessions)]
        tasks = [
            asyncio.create_task(reader(browser, base, deadline, report, seed, download_share, done))
            for seed, done in enumerate(first_rounds)
        ]

        async def sample_warm() -> None:
            await asyncio.gather(*(done.wait() for done in first_rounds))
            report.rss_warm_mib = round(rss_mib(server_pid), 1)

        tasks.append(asyncio.create_task(sample_warm()))
        if kill_at is not None:
            await asyncio.sleep(kill_at)
            try:
                await kill_and_export_again(base, server_pid, report)
            except Exception as exc:
                report.errors.append(f"export browser kill: {type(exc).__name__}: {exc}")
        await asyncio.wait_for(asyncio.gather(*tasks), timeout=seconds + 600)
        await browser.close()
    report.rss_end_mib = round(rss_mib(server_pid), 1)
    return report


def run(sessions: int, seconds: float, kill_at: float | None = None, download_share: float = 0.5) -> dict:
    proc, base = start_server()
    try:
        report = asyncio.run(soak(sessions, seconds, kill_at, base, proc.pid, download_share))
    finally:
        stop_server(proc)
    return report.summary()


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=10)
    parser.add_argument("--seconds", type=float, default=60)
    parser.add_argument("--kill-export-browser-at", type=float, default=None)
    parser.add_argument(
        "--download-share",
        type=float,
        default=0.5,
        help="chance that a reader downloads a chart's CSV and PNG after a round (default 0.5)",
    )
    parser.add_argument("--json", default=None, help="write the summary here too")
    args = parser.parse_args(argv)
    summary = run(args.sessions, args.seconds, args.kill_export_browser_at, args.download_share)
    text = json.dumps(summary, indent=2)
    print(text)
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            fh.write(text + "\n")
    return 0 if summary["errors"] == 0 else 1


if __name__ == "__main__":
    sys.exit(main())
