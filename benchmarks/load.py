"""Capacity without browsers: simulated readers that speak Streamlit's own websocket protocol.

    python -m benchmarks.load --sessions 100 --seconds 40 [--url BASE] [--json OUT] [--floor]
    python -m benchmarks.load --all [--seconds 30]        # the capacity table -> benchmarks/load.json

Each reader opens the Connectivity page by its link (`/_stcore/stream`, a `rerun_script` BackMsg
with `?country=…&lang=…`), then, after about a second of thought, changes the country filter the
way the browser does (a `rerun_script` carrying the multiselect's new state) and waits for the run
to finish (`script_finished`) with every chart of the page received: that wait is the latency.
One asyncio process drives hundreds of readers. Against the floor app (`benchmarks/floors/load.py`:
one multiselect and the same three figures, ready-made) the same load gives the ratios.

Reports errors (a run that did not bring its charts, a closed socket, a 30 s timeout), completed
filter changes per second, p50/p95/p99 latency, the CPU time of the server and of the simulated
readers (they share the cores), and the server's memory (RSS at start, with every session open,
at the end; MiB per open session). Without `--url` it starts the server itself
(`dashboard/web/server.py`, or `--entry app.py`) on a free port, and the floor beside it.
"""

from __future__ import annotations

import argparse
import asyncio
import json
import os
import random
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass, field
from pathlib import Path

from benchmarks.common import REPO, start_server, stop_server

PAGE = "connectivity"
CHARTS = 3  # the Connectivity page's charts: lines, ranking, China vs ASEAN-10
TIMEOUT = 30.0
THINK = (0.5, 1.5)  # seconds between a reader's changes: about one a second
FLOOR_APP = "benchmarks/floors/load.py"
ENTRIES = {"server.py": "dashboard/web/server.py", "app.py": "dashboard/web/app.py"}


@dataclass
class Clock:
    """When the readers start changing the filter (all open by then) and when they stop."""

    go: asyncio.Event = field(default_factory=asyncio.Event)
    deadline: float = 0.0


@dataclass
class Tally:
    """What the readers of one run saw."""

    latencies: list[float] = field(default_factory=list)  # seconds, change -> script_finished
    errors: list[str] = field(default_factory=list)
    opened: int = 0


class Reader:
    """One simulated browser tab on one websocket."""

    def __init__(self, ws):
        self.ws = ws
        self.page_hash = ""
        self.query = ""
        self.filter_id = ""
        self.options: list[str] = []
        # Streamlit sends a message this session has had before as a reference to its hash: the
        # kinds of element seen, by hash, let a reader count an unchanged chart as received
        self.seen: dict[str, str] = {}

    async def send_run(self, query: str, widgets: list | None = None, page_name: str = "") -> None:
        from streamlit.proto.BackMsg_pb2 import BackMsg

        msg = BackMsg()
        state = msg.rerun_script
        state.query_string = query
        state.page_script_hash = self.page_hash
        state.page_name = page_name
        for widget in widgets or []:
            state.widget_states.widgets.append(widget)
        await self.ws.send(msg.SerializeToString())

    async def until_finished(self) -> int:
        """Read ForwardMsgs until the script run finishes; the number of charts it drew."""
        from streamlit.proto.ForwardMsg_pb2 import ForwardMsg

        charts = 0
        while True:
            raw = await asyncio.wait_for(self.ws.recv(), TIMEOUT)
            msg = ForwardMsg()
            msg.ParseFromString(raw)
            kind = msg.WhichOneof("type")
            if kind == "ref_hash":
                charts += self.seen.get(msg.ref_hash) == "plotly_chart"
            elif kind == "navigation":  # the page this run drew (st.navigation's choice)
                self.page_hash = msg.navigation.page_script_hash
            elif kind == "page_info_changed":
                self.query = msg.page_info_changed.query_string
            elif kind == "delta" and msg.delta.WhichOneof("type") == "new_element":
                element = msg.delta.new_element
                which = element.WhichOneof("type")
                if msg.hash:
                    self.seen[msg.hash] = which
                if which == "plotly_chart":
                    charts += 1
                elif which == "multiselect" and not self.filter_id:
                    self.filter_id, self.options = element.multiselect.id, list(element.multiselect.options)
            elif kind == "script_finished":
                if msg.script_finished == ForwardMsg.ScriptFinishedStatus.FINISHED_EARLY_FOR_RERUN:
                    charts = 0  # a newer run follows: count its charts
                    continue
                return charts

    async def change_filter(self, rng: random.Random) -> int:
        from streamlit.proto.WidgetStates_pb2 import WidgetState

        widget = WidgetState(id=self.filter_id)
        widget.string_array_value.data.extend(rng.sample(self.options, rng.randint(1, 3)))
        await self.send_run(self.query, [widget])
        return await self.until_finished()


async def one_reader(base: str, clock: Clock, tally: Tally, seed: int) -> None:
    import websockets

    rng = random.Random(seed)  # noqa: S311 - a simulated reader's choices, not a secret
    uri = base.replace("http://", "ws://", 1).rstrip("/") + "/_stcore/stream"
    country = rng.choice(["VNM", "THA", "IDN", "MYS", "SGP", "PHL"])
    try:
        async with websockets.connect(
            uri,
            subprotocols=["streamlit"],
            origin=base,
            max_size=None,
            open_timeout=TIMEOUT,
            ping_interval=None,
        ) as ws:
            reader = Reader(ws)
            await reader.send_run(f"country={country}", page_name=PAGE)
            charts = await reader.until_finished()
            if charts < CHARTS or not reader.filter_id:
                tally.errors.append(f"opening the page drew {charts} charts")
                return
            tally.opened += 1
            await clock.go.wait()  # every reader open before the clock starts
            while time.monotonic() < clock.deadline:
                await asyncio.sleep(rng.uniform(*THINK))
                start = time.monotonic()
                charts = await reader.change_filter(rng)
                if charts < CHARTS:
                    tally.errors.append(f"a filter change drew {charts} charts")
                    return
                tally.latencies.append(time.monotonic() - start)
    except TimeoutError:
        tally.errors.append(f"no answer within {TIMEOUT:.0f} s")
    except Exception as exc:  # a closed socket, a refused connection: counted, not fatal
        tally.errors.append(f"{type(exc).__name__}: {exc}"[:200])


def _cpu_seconds(pid: int) -> float:
    fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def _rss_mib(pids: list[int]) -> float:
    total = 0
    for pid in pids:
        for line in Path(f"/proc/{pid}/status").read_text().splitlines():
            if line.startswith("VmRSS:"):
                total += int(line.split()[1])
    return round(total / 1024, 1)


async def run_load(base: str, sessions: int, seconds: float, pids: list[int]) -> dict:
    """`sessions` readers against `base` for `seconds` of filter changes, and what it cost."""
    tally, clock = Tally(), Clock()
    rss_start = _rss_mib(pids) if pids else None
    tasks = [asyncio.create_task(one_reader(base, clock, tally, seed)) for seed in range(sessions)]
    open_by = time.monotonic() + 120
    while tally.opened + len(tally.errors) < sessions and time.monotonic() < open_by:
        await asyncio.sleep(0.05)
    rss_open = _rss_mib(pids) if pids else None
    cpu_start = sum(_cpu_seconds(p) for p in pids) if pids else None
    client_cpu_start = time.process_time()  # the simulated readers share the machine's cores
    start = time.monotonic()
    clock.deadline = start + seconds
    clock.go.set()
    await asyncio.gather(*tasks)
    elapsed = time.monotonic() - start
    lat = sorted(tally.latencies)

    def pct(p: float) -> float | None:
        return round(lat[min(len(lat) - 1, int(p * len(lat)))] * 1000, 1) if lat else None

    return {
        "sessions": sessions,
        "seconds": round(elapsed, 1),
        "opened": tally.opened,
        "errors": len(tally.errors),
        "error_samples": sorted(set(tally.errors))[:3],
        "changes": len(lat),
        "throughput_per_s": round(len(lat) / elapsed, 2),
        "p50_ms": pct(0.50),
        "p95_ms": pct(0.95),
        "p99_ms": pct(0.99),
        "mean_ms": round(statistics.fmean(lat) * 1000, 1) if lat else None,
        "server_cpu_s": round(sum(_cpu_seconds(p) for p in pids) - cpu_start, 1) if pids else None,
        "client_cpu_s": round(time.process_time() - client_cpu_start, 1),
        "rss_mib": {"start": rss_start, "open": rss_open, "end": _rss_mib(pids)} if pids else None,
        "mib_per_session": round((rss_open - rss_start) / sessions, 2) if pids else None,
    }


def floor_figures() -> Path:
    """The Connectivity page's figures for all countries, and the filter's labels, for the floor."""
    import plotly.io as pio

    from dashboard.present import views
    from dashboard.web import cache, sidebar

    m = cache.current_model()
    ids = views.indicator_ids(m, ("connectivity",))
    page = cache.page_view(m, PAGE, "en", (), {"indicator": ids[0]})
    saved = {
        "options": list(sidebar._build_country_labels(m, "en").values()),
        "figures": [pio.to_json(chart.figure, validate=False) for chart in page.charts],
    }
    path = Path(tempfile.mkdtemp(prefix="load-floor-")) / "figures.json"
    path.write_text(json.dumps(saved), encoding="utf-8")
    return path


def start(entry: str) -> tuple[subprocess.Popen, str]:
    """A server for `entry` (`server.py`, `app.py` or the floor) on a free port, ready."""
    if entry == "floor":
        return start_server({"FLOOR_FIGURES": str(floor_figures())}, script=FLOOR_APP)
    return start_server(script=ENTRIES[entry])


def measure(entry: str, sessions: int, seconds: float) -> dict:
    proc, base = start(entry)
    try:
        asyncio.run(run_load(base, 1, 0, []))  # warm: data loaded, the page built once, as in use
        result = asyncio.run(run_load(base, sessions, seconds, [proc.pid]))
    finally:
        stop_server(proc)
    return {"entry": entry, "processes": 1, **result}


def side_by_side(entry: str, sessions: int, seconds: float) -> dict:
    """The dashboard and the floor under the same load, one after the other, and their ratios."""
    dash, floor = measure(entry, sessions, seconds), measure("floor", sessions, seconds)
    dash["floor"] = {k: floor[k] for k in ("throughput_per_s", "p95_ms", "errors", "mib_per_session")}
    dash["throughput_ratio"] = (
        round(dash["throughput_per_s"] / floor["throughput_per_s"], 2) if floor["throughput_per_s"] else None
    )
    dash["p95_ratio"] = (
        round(dash["p95_ms"] / floor["p95_ms"], 2) if dash["p95_ms"] and floor["p95_ms"] else None
    )
    return dash


def behind_nginx(sessions: int, seconds: float) -> dict | None:
    """Two dashboard processes behind nginx (deploy/nginx.conf), or None without nginx."""
    if shutil.which("nginx") is None:
        print("nginx not installed (apt-get install -y nginx): two-process rows skipped", file=sys.stderr)
        return None
    from benchmarks.measures.concurrency import _nginx_pair

    procs, base, conf = _nginx_pair()
    try:
        for _ in procs:  # warm both (nginx spreads new connections)
            asyncio.run(run_load(base, 2, 0, []))
        result = asyncio.run(run_load(base, sessions, seconds, [proc.pid for proc, _ in procs]))
    finally:
        subprocess.run(["nginx", "-c", str(conf), "-s", "stop"], check=False)
        for proc, _ in procs:
            stop_server(proc)
    return {"entry": "server.py", "processes": 2, **result}


def print_table(rows: list[dict]) -> None:
    head = f"{'entry':<10} {'procs':>5} {'sessions':>8} {'errors':>6} {'changes/s':>9} {'p50 ms':>7} {'p95 ms':>7} "
    print(head + f"{'p99 ms':>7} {'MiB/session':>11} {'thr. ratio':>10} {'p95 ratio':>9}")
    for r in rows:
        print(
            f"{r['entry']:<10} {r['processes']:>5} {r['sessions']:>8} {r['errors']:>6} {r['throughput_per_s']:>9} "
            f"{r['p50_ms']!s:>7} {r['p95_ms']!s:>7} {r['p99_ms']!s:>7} {r['mib_per_session']!s:>11} "
            f"{r.get('throughput_ratio', '-')!s:>10} {r.get('p95_ratio', '-')!s:>9}"
        )


def capacity(rows: list[dict]) -> int | None:
    """The largest number of sessions one process served with p95 ≤ 1 s and no error."""
    ok = [
        r["sessions"]
        for r in rows
        if r["processes"] == 1 and r["errors"] == 0 and (r["p95_ms"] or 1e9) <= 1000
    ]
    return max(ok) if ok else None


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--sessions", type=int, default=100)
    parser.add_argument("--seconds", type=float, default=40)
    parser.add_argument("--url", help="a running server to load (no floor, no server figures)")
    parser.add_argument("--json", help="write the results here")
    parser.add_argument("--floor", action="store_true", help="load the floor app only")
    parser.add_argument("--entry", choices=list(ENTRIES), default="server.py")
    parser.add_argument("--all", action="store_true", help="the capacity table: benchmarks/load.json")
    args = parser.parse_args(argv)
    if args.url:
        rows = [
            {
                "entry": args.url,
                "processes": 1,
                **asyncio.run(run_load(args.url, args.sessions, args.seconds, [])),
            }
        ]
    elif args.floor:
        rows = [measure("floor", args.sessions, args.seconds)]
    elif args.all:
        rows = [side_by_side(args.entry, n, args.seconds) for n in (1, 10, 50, 100, 200, 400)]
        rows += [r for r in (behind_nginx(n, args.seconds) for n in (200, 400)) if r]
        one = {r["sessions"]: r for r in rows if r["processes"] == 1}
        for r in rows:
            if r["processes"] == 2:
                r["throughput_vs_one_process"] = round(
                    r["throughput_per_s"] / one[r["sessions"]]["throughput_per_s"], 2
                )
        args.json = args.json or str(REPO / "benchmarks" / "load.json")
    else:
        rows = [side_by_side(args.entry, args.sessions, args.seconds)]
    print_table(rows)
    print(f"capacity (one process, p95 <= 1 s, 0 errors): {capacity(rows)} sessions")
    if args.json:
        report = rows[0] if len(rows) == 1 else {"rows": rows, "capacity_one_process": capacity(rows)}
        Path(args.json).write_text(json.dumps(report, indent=2) + "\n", encoding="utf-8")
        print(f"JSON: {args.json}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
