"""p95 filter → chart with many browser readers, one process and two behind nginx (reported)."""

from __future__ import annotations

import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

from benchmarks.common import (
    REPO,
    free_port,
    start_server,
    stop_server,
)

FLOORS = REPO / "benchmarks" / "floors"


def _nginx_pair() -> tuple[list, str, Path]:
    """Two dashboard processes with one cookie secret behind nginx (deploy/nginx.conf, ports swapped)."""
    import secrets

    env = {"STREAMLIT_SERVER_COOKIE_SECRET": secrets.token_hex(32)}
    procs = [start_server(env) for _ in range(2)]
    listen = free_port()
    conf = (REPO / "deploy" / "nginx.conf").read_text(encoding="utf-8")
    for (_, base), default in zip(procs, ("127.0.0.1:8601", "127.0.0.1:8602"), strict=True):
        conf = conf.replace(default, base.removeprefix("http://"))
    conf = conf.replace("listen 127.0.0.1:8500;", f"listen 127.0.0.1:{listen};")
    work = Path(tempfile.mkdtemp(prefix="nginx-"))
    conf = conf.replace("/tmp/dashboard-nginx", str(work / "nginx"))  # noqa: S108 - replaced by a private dir
    path = work / "nginx.conf"
    path.write_text(conf, encoding="utf-8")
    subprocess.run(["nginx", "-c", str(path)], check=True)
    return procs, f"http://127.0.0.1:{listen}", path


def bench_concurrency(seconds: float) -> list[dict]:
    import asyncio

    from benchmarks import soak

    one = soak.run(sessions=1, seconds=seconds)
    ten = soak.run(sessions=10, seconds=seconds)
    rows = [
        {
            "measure": "concurrency",
            "case": "p95 filter->chart: 10 sessions / 1, one process",
            "dashboard_ms": ten["p95_filter_to_chart_ms"],
            "floor_ms": one["p95_filter_to_chart_ms"],
            "ratio": round(ten["p95_filter_to_chart_ms"] / one["p95_filter_to_chart_ms"], 2),
            "target": None,
            "errors": one["errors"] + ten["errors"],
            "error_samples": (one["error_samples"] + ten["error_samples"])[:3],
        }
    ]
    if shutil.which("nginx") is None:
        print("nginx not installed (apt-get install -y nginx): two-process figure skipped", file=sys.stderr)
        return rows
    procs, base, conf = _nginx_pair()
    try:
        report = asyncio.run(soak.soak(20, seconds, None, base, procs[0][0].pid)).summary()
    finally:
        subprocess.run(["nginx", "-c", str(conf), "-s", "stop"], check=False)
        for proc, _ in procs:
            stop_server(proc)
    rows.append(
        {
            "measure": "concurrency",
            "case": "p95 filter->chart: 20 sessions / 1, two processes + nginx",
            "dashboard_ms": report["p95_filter_to_chart_ms"],
            "floor_ms": one["p95_filter_to_chart_ms"],
            "ratio": round(report["p95_filter_to_chart_ms"] / one["p95_filter_to_chart_ms"], 2),
            "target": None,
            "errors": report["errors"],
            "error_samples": report["error_samples"][:3],
        }
    )
    return rows
