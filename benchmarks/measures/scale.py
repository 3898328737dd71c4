"""Loading 10 000 to 1 000 000 observations against a bare YAML read of the same files."""

from __future__ import annotations

import shutil
import tempfile
import time
from pathlib import Path

import yaml

from benchmarks.common import (
    REPO,
    TARGETS,
)

FLOORS = REPO / "benchmarks" / "floors"


def synthetic_series_file(path: Path, n: int) -> None:
    """`n` observations over 11 countries and many years, split into series of 10 000."""
    countries = ["BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM", "CHN"]
    years = list(range(1990, 2036))
    lines = ["# synthetic benchmark data", "series:"]
    per_series = len(countries) * len(years)
    for s in range((n + per_series - 1) // per_series):
        lines += [
            f"  - id: synthetic_{s}",
            "    title: {en: Synthetic, zh: 合成}",
            "    unit: {en: units, zh: 单位}",
            '    short_unit: "u"',
            "    percent: false",
            "    decimal_places: 1",
            "    definition: world_bank_wdi_indicator",
            "    description: {en: Benchmark data., zh: 基准数据。}",
            "    processing: {en: Generated., zh: 生成。}",
            "    origin:",  # as the World Bank series carry it: a verified value needs one
            '      producer: "World Bank, World Development Indicators"',
            '      title: "World Development Indicators"',
            '      dataset_code: "SYNTHETIC.BENCHMARK"',
            '      snapshot: "synthetic benchmark data"',
            "      licence: {form: cc-by-4.0}",
            '      date_accessed: "2026-12-01"',
            "    observations:",
        ]
        count = min(per_series, n - s * per_series)
        for k in range(count):
            c, y = countries[k % len(countries)], years[k // len(countries)]
            lines.append(
                f'      - {{entity: "{c}", year: {y}, value: {k * 1.5 + s}, kind: actual, '
                f"source: world-bank-wdi, status: verified}}"
            )
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")


def bench_scale(sizes: list[int]) -> list[dict]:
    from dashboard.data import frames
    from dashboard.data.loading import load_catalogue

    rows = []
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for n in sizes:
        tmp = Path(tempfile.mkdtemp(prefix="scale-"))
        data = tmp / "data"
        shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns("wdi.yaml", "figures.yaml"))
        synthetic_series_file(data / "figures.yaml", n)
        start = time.perf_counter()
        for p in sorted(data.glob("*.yaml")):
            yaml.load(p.read_text(encoding="utf-8"), Loader=loader)  # noqa: S506 - CSafeLoader is safe
        bare = time.perf_counter() - start
        start = time.perf_counter()
        cat = load_catalogue(data, max_bytes=1 << 31)
        obs = frames.observations(cat)
        ours = time.perf_counter() - start
        assert (obs["series_id"].str.startswith("synthetic_")).sum() == n
        rows.append(
            {
                "measure": "scale",
                "case": f"{n:,} observations",
                "dashboard_ms": round(ours * 1000),
                "floor_ms": round(bare * 1000),
                "ratio": round(ours / bare, 2),
                "target": TARGETS["scale"],
            }
        )
        shutil.rmtree(tmp, ignore_errors=True)
    return rows


RESTART_SCRIPT = """
import json, resource, sys, time
start = time.perf_counter()
from dashboard.data import snapshot
from dashboard.data.model import build_model
from dashboard.present import views
m = build_model(sys.argv[1], load=snapshot.load_checked)
assert not isinstance(m, Exception), m.report()
first = views.overview(m, "en").share.wire_figure  # the first chart a reader sees, ready to send
seconds = time.perf_counter() - start
frames_mib = sum(t.memory_usage(deep=True).sum() for t in m.tables.values()) / 2**20
print(json.dumps({"seconds": seconds, "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                  "frames_mib": frames_mib, "rows": len(m.observations)}))
"""

BARE_ARROW_SCRIPT = """
import json, resource, sys, time
start = time.perf_counter()
import pyarrow as pa
with pa.memory_map(sys.argv[1]) as source:
    table = pa.ipc.open_file(source).read_all().to_pandas()
print(json.dumps({"seconds": time.perf_counter() - start,
                  "rss_mib": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "rows": len(table)}))
"""


def bench_restart(n: int) -> list[dict]:
    """A restart on unchanged data of `n` observations (the checked columnar snapshot is there):
    a fresh process from its first import to the first chart ready, against a fresh process that
    only reads the same observations table with pyarrow. Memory: the restart's peak RSS against
    the frames' own size."""
    import json
    import os
    import subprocess
    import sys

    from dashboard.data import snapshot

    tmp = Path(tempfile.mkdtemp(prefix="restart-"))
    data = tmp / "data"
    shutil.copytree(REPO / "data", data, ignore=shutil.ignore_patterns("wdi.yaml"))
    synthetic_series_file(data / "synthetic.yaml", n)
    from dashboard.data.loading import MAX_FILE_BYTES_ENV

    env = {
        **os.environ,
        snapshot.CACHE_DIR_ENV: str(tmp / "cache"),
        MAX_FILE_BYTES_ENV: str(1 << 31),  # the synthetic file is over the 64 MiB default
        "PYTHONPATH": str(REPO),
    }
    subprocess.run(
        [sys.executable, "-c", RESTART_SCRIPT, str(data)], env=env, check=True, capture_output=True
    )

    def run(script: str, arg: str) -> dict:
        out = subprocess.run(
            [sys.executable, "-c", script, arg], env=env, check=True, capture_output=True, text=True
        )
        return json.loads(out.stdout)

    (folder,) = (tmp / "cache").glob("snapshot-*")
    restarts = sorted((run(RESTART_SCRIPT, str(data)) for _ in range(3)), key=lambda r: r["seconds"])
    bares = sorted(
        (run(BARE_ARROW_SCRIPT, str(folder / "observations.arrow")) for _ in range(3)),
        key=lambda r: r["seconds"],
    )
    restart, bare = restarts[1], bares[1]
    shutil.rmtree(tmp, ignore_errors=True)
    return [
        {
            "measure": "restart",
            "case": f"{restart['rows']:,} observations, snapshot -> first chart "
            f"(peak RSS {restart['rss_mib']:.0f} MiB; frames {restart['frames_mib']:.0f} MiB)",
            "dashboard_ms": round(restart["seconds"] * 1000),
            "floor_ms": round(bare["seconds"] * 1000),
            "ratio": round(restart["seconds"] / bare["seconds"], 2),
            "target": None,
            "rss_over_frames": round(restart["rss_mib"] / restart["frames_mib"], 2),
        }
    ]
