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
            "    definition: world_bank_wdi_indicator",
            "    description: {en: Benchmark data., zh: 基准数据。}",
            "    processing: {en: Generated., zh: 生成。}",
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
        assert len(obs) == n
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
