"""A warm PNG export against a one-trace figure's."""

from __future__ import annotations

import time

from benchmarks.common import (
    REPO,
    TARGETS,
    median_ms,
)

FLOORS = REPO / "benchmarks" / "floors"


def bench_export(reps: int) -> list[dict]:
    import plotly.graph_objects as go

    from dashboard.data import frames
    from dashboard.data.loading import load_catalogue
    from dashboard.present import charts, exports

    cat = load_catalogue(REPO / "data")
    obs = frames.observations(cat)
    chart = charts.gmv_by_country(frames.series_rows(obs, "internet_economy_gmv").query("not is_group"), "en")
    fig = exports.stamp(chart.figure, filter_text="Countries shown: all", permalink="http://127.0.0.1/")
    floor_fig = go.Figure(go.Scatter(x=[1, 2, 3], y=[1, 3, 2]))
    exporter = exports.ImageExporter(cache_size=0)
    try:
        start = time.perf_counter()
        exporter.export(fig, "png", width=1000, height=600, scale=2)
        cold = time.perf_counter() - start
        dash, floor = [], []
        for i in range(reps):  # a different size each time: no cache can answer
            start = time.perf_counter()
            exporter.export(fig, "png", width=1000 + i, height=600, scale=2)
            dash.append(time.perf_counter() - start)
            start = time.perf_counter()
            exporter.export(floor_fig, "png", width=1000 + i, height=600, scale=2)
            floor.append(time.perf_counter() - start)
    finally:
        exporter.close()
    d, f = median_ms(dash), median_ms(floor)
    return [
        {
            "measure": "export",
            "case": "warm PNG 2x (cold first export: %.0f ms)" % (cold * 1000),
            "dashboard_ms": d,
            "floor_ms": f,
            "ratio": round(d / f, 2),
            "target": TARGETS["export"],
        }
    ]


def _get(url: str, reader: str) -> tuple[int, float]:
    """One download: its status and how long it took (seconds)."""
    import urllib.error
    import urllib.request

    request = urllib.request.Request(url, headers={"X-Forwarded-For": reader})  # noqa: S310 - local
    start = time.perf_counter()
    try:
        with urllib.request.urlopen(request, timeout=300) as r:  # noqa: S310 - our own local server
            r.read()
            status = r.status
    except urllib.error.HTTPError as e:
        status = e.code
    return status, time.perf_counter() - start


def bench_export_burst(images: int = 100) -> list[dict]:
    """A CSV asked for during a burst of `images` distinct PNG links (one reader each), against the
    same CSV with no burst, on `server.py`: cheap formats must not wait behind image renders."""
    from concurrent.futures import ThreadPoolExecutor

    from benchmarks.common import start_server, stop_server

    proc, base = start_server()
    indicator = "mobile_cellular_subscriptions_per_100_people"
    csv = f"{base}/export/connectivity/{indicator}-over-time.csv?country=VNM"
    try:
        quiet = sorted(_get(csv, "203.0.113.1")[1] for _ in range(5))[2]
        ends = [str(y) for y in range(2001, 2025)]
        urls = [
            f"{base}/export/connectivity/{indicator}-over-time.png?time={first}..{last}"
            for first in range(2000, 2024)
            for last in ends
            if int(last) > first
        ][:images]
        with ThreadPoolExecutor(max_workers=len(urls) + 1) as pool:
            burst = [pool.submit(_get, url, f"reader-{i}") for i, url in enumerate(urls)]
            while not any(f.done() for f in burst):  # the queue is full: the first refusal is back
                time.sleep(0.01)
            status, during = pool.submit(_get, csv, "203.0.113.2").result()
            answers = [f.result() for f in burst]
    finally:
        stop_server(proc)
    assert status == 200, status
    served = [seconds for code, seconds in answers if code == 200]
    refused = sum(1 for code, _ in answers if code == 503)
    return [
        {
            "measure": "export",
            "case": f"CSV during a {len(urls)}-PNG burst ({len(served)} served, last after "
            f"{max(served):.1f} s; {refused} refused with 503 + Retry-After)",
            "dashboard_ms": round(during * 1000, 1),
            "floor_ms": round(quiet * 1000, 1),
            "ratio": round(during / quiet, 2),
            "target": None,
        }
    ]
