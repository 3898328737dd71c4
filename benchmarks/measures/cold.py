"""`streamlit run` → first chart drawn, against a one-chart app (benchmarks/floors/one_chart.py)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from benchmarks.common import (
    CHROMIUM,
    LAUNCH_ARGS,
    REPO,
    TARGETS,
    free_port,
    median_ms,
    stop_server,
    wait_healthy,
)

FLOORS = REPO / "benchmarks" / "floors"


FIRST_CHART = "() => !!document.querySelector('.js-plotly-plot .main-svg')"


def launch(pw):
    return pw.chromium.launch(executable_path=CHROMIUM, args=LAUNCH_ARGS)


def _cold_start(script: str, path: str, pw, env: dict[str, str] | None = None) -> float:
    port = free_port()
    start = time.perf_counter()
    proc = subprocess.Popen(
        [
            sys.executable,
            "-m",
            "streamlit",
            "run",
            script,
            "--server.port",
            str(port),
            "--server.address",
            "127.0.0.1",
            "--server.headless",
            "true",
        ],
        cwd=REPO,
        env={**os.environ, **(env or {})},
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        base = f"http://127.0.0.1:{port}"
        wait_healthy(base, proc)
        browser = launch(pw)
        page = browser.new_page()
        page.goto(base + path)
        page.wait_for_function(FIRST_CHART, timeout=60_000)
        elapsed = time.perf_counter() - start
        browser.close()
        return elapsed
    finally:
        stop_server(proc)


def bench_cold(reps: int) -> list[dict]:
    """A restart: the data's checked snapshot (dashboard/snapshot.py) is there, as it is for any
    server restarted on unchanged data and code. Also reported: a first start after the data or
    the code changed, which reads and checks the YAML (no target: it happens once per change)."""
    from playwright.sync_api import sync_playwright

    from dashboard.data import snapshot

    tmp = Path(tempfile.mkdtemp(prefix="floor-"))
    floor = FLOORS / "one_chart.py"
    primed = {snapshot.CACHE_DIR_ENV: str(tmp / "cache")}
    saved = os.environ.get(snapshot.CACHE_DIR_ENV)
    os.environ.update(primed)
    try:
        snapshot.load_checked(REPO / "data")
    finally:
        os.environ.pop(snapshot.CACHE_DIR_ENV)
        if saved is not None:
            os.environ[snapshot.CACHE_DIR_ENV] = saved
    restart, first, base = [], [], []
    with sync_playwright() as pw:
        for i in range(reps):
            restart.append(_cold_start("dashboard/web/server.py", "/", pw, env=primed))
            base.append(_cold_start(str(floor), "/", pw))
            empty = {snapshot.CACHE_DIR_ENV: str(tmp / f"empty-{i}")}
            first.append(_cold_start("dashboard/web/server.py", "/", pw, env=empty))
    shutil.rmtree(tmp, ignore_errors=True)
    d, f, n = median_ms(restart), median_ms(base), median_ms(first)
    return [
        {
            "measure": "cold",
            "case": "streamlit run -> first chart drawn",
            "dashboard_ms": d,
            "floor_ms": f,
            "ratio": round(d / f, 2),
            "target": TARGETS["cold"],
        },
        {
            "measure": "cold",
            "case": "first start after a data or code change (no snapshot)",
            "dashboard_ms": n,
            "floor_ms": f,
            "ratio": round(n / f, 2),
            "target": None,
        },
    ]
