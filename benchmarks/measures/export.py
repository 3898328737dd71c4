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
