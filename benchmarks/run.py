"""Benchmark: the dashboard against the floor of its own stack, as ratios measured side by side.

    python -m benchmarks.run [--quick] [--only rerun,export,burst,scale,restart,cold,browser,concurrency] [--json out.json]

Each figure is (dashboard time) / (the same work done by the thinnest possible Streamlit + Plotly
app on this machine, in the same run), so shared-machine noise cancels out. Prints a table, writes
JSON, and exits non-zero when a target is missed. Only 127.0.0.1 is contacted.
"""

from __future__ import annotations

import argparse
import json
import platform
import sys
from pathlib import Path

from benchmarks.measures.browser import bench_browser
from benchmarks.measures.cold import bench_cold
from benchmarks.measures.concurrency import bench_concurrency
from benchmarks.measures.export import bench_export, bench_export_burst
from benchmarks.measures.rerun import bench_rerun
from benchmarks.measures.scale import bench_restart, bench_scale


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--quick", action="store_true", help="fewer repetitions and sizes up to 100 000")
    parser.add_argument("--only", default="rerun,export,burst,scale,restart,cold,browser,concurrency")
    parser.add_argument("--json", default="benchmarks/latest.json")
    args = parser.parse_args(argv)
    only = set(args.only.split(","))
    # Reruns are ~3 ms and noisy on a shared machine: many of them; exports are ~0.2 s: fewer.
    rerun_reps, export_reps = (101, 15) if args.quick else (301, 41)
    rows: list[dict] = []
    if "rerun" in only:
        rows += bench_rerun(rerun_reps)
    if "export" in only:
        rows += bench_export(export_reps)
    if "burst" in only:
        rows += bench_export_burst(100)
    if "scale" in only:
        rows += bench_scale([10_000, 100_000] if args.quick else [10_000, 100_000, 1_000_000])
    if "restart" in only:
        rows += bench_restart(100_000 if args.quick else 1_000_000)
    if "cold" in only:
        rows += bench_cold(5 if args.quick else 9)
    if "browser" in only:
        rows += bench_browser(24 if args.quick else 48)
    if "concurrency" in only:
        rows += bench_concurrency(30 if args.quick else 60)
    machine = {
        "python": platform.python_version(),
        "machine": platform.machine(),
        "cpus": __import__("os").cpu_count(),
        "platform": platform.platform(),
    }
    print(f"{'measure':<12} {'case':<58} {'dashboard':>11} {'floor':>11} {'ratio':>6} {'target':>7}  ok")
    missed = 0
    for r in rows:
        ok = r["target"] is None or r["ratio"] <= r["target"]
        missed += not ok
        target = "-" if r["target"] is None else f"≤{r['target']}"
        print(
            f"{r['measure']:<12} {r['case'][:58]:<58} {r['dashboard_ms']:>9}ms {r['floor_ms']:>9}ms "
            f"{r['ratio']:>6} {target:>7}  {'yes' if ok else 'NO'}"
        )
    Path(args.json).write_text(
        json.dumps({"machine": machine, "rows": rows}, indent=2) + "\n", encoding="utf-8"
    )
    print(f"\n{len(rows) - missed} of {len(rows)} within target; JSON: {args.json}")
    return 1 if missed else 0


if __name__ == "__main__":
    sys.exit(main())
