"""A page rerun with a new filter, as the server runs it, against a floor app that draws the page's own
exhibits ready-made (benchmarks/floors/rerun.py)."""

from __future__ import annotations

import json
import os
import shutil
import tempfile
import time
from pathlib import Path

from benchmarks.common import (
    APP,
    PAGES,
    REPO,
    SELECTIONS,
    TARGETS,
    median_ms,
)

FLOORS = REPO / "benchmarks" / "floors"


class _ServerLikeAppTest:
    """Make AppTest time a rerun the way a server runs it, for the dashboard and the floor alike.

    - AppTest builds a fresh ScriptCache for every run, so each rerun recompiles the entry file
      and the page: work a real server does once per process. One shared cache (keyed by script
      path) keeps the compiled bytecode, as `streamlit run` does.
    - AppTest notices the end of a run by polling every 1 ms, so a run's time is rounded up to
      the next poll: a floor run that ends just after one waits ~1 ms more, and the medians of
      two runs a millisecond apart jump between modes. Here the end of the run wakes the waiter.
    """

    def __enter__(self):
        from streamlit.runtime.scriptrunner.script_cache import ScriptCache
        from streamlit.testing.v1 import app_test, local_script_runner

        shared = ScriptCache()
        self._patches = [
            (app_test, "ScriptCache", lambda: shared),
            (local_script_runner, "ScriptCache", lambda: shared),
            (local_script_runner, "require_widgets_deltas", _wait_for_script_end),
        ]
        self._saved = [(module, name, getattr(module, name)) for module, name, _ in self._patches]
        for module, name, value in self._patches:
            setattr(module, name, value)
        return shared

    def __exit__(self, *exc):
        for module, name, value in self._saved:
            setattr(module, name, value)


def _wait_for_script_end(runner, timeout: float = 3) -> None:
    """Streamlit's `require_widgets_deltas` contract (return when the run has shut down, else stop
    it and raise), woken by the runner's SHUTDOWN event instead of a 1 ms polling loop."""
    import threading

    from streamlit.runtime.scriptrunner.script_runner import ScriptRunnerEvent

    done = threading.Event()

    def on_event(_sender, event, **_kwargs) -> None:
        if event == ScriptRunnerEvent.SHUTDOWN:
            done.set()

    runner.on_event.connect(on_event, weak=False)
    if runner.script_stopped() or done.wait(timeout):
        return
    runner.request_stop()
    runner.join()
    raise RuntimeError(f"AppTest script run timed out after {timeout}(s)")


def _rerun(at, selection: list[str]) -> float:
    at.multiselect(key="country").set_value(selection)
    start = time.perf_counter()
    at.run()
    elapsed = time.perf_counter() - start
    assert not at.exception, at.exception
    return elapsed


def bench_rerun(reps: int) -> list[dict]:
    """Page and floor reruns alternate, so both see the same moments of a shared machine.

    The app runs as `dashboard/web/server.py` serves it (the README's command): with the export
    routes on, so downloads are links, as readers get them."""
    from streamlit.testing.v1 import AppTest

    from dashboard.web import routes

    routes.enable()
    rows = []
    tmp = Path(tempfile.mkdtemp(prefix="floor-"))
    with _ServerLikeAppTest():
        for page in PAGES:
            at = AppTest.from_file(str(APP), default_timeout=120)
            if page != "overview.py":
                at.switch_page(f"app_pages/{page}")
            at.run()
            for selection in SELECTIONS:  # every view built once: reruns, not first builds
                _rerun(at, selection)
            specs = [el.proto.spec for el in at.get("plotly_chart")]
            tables = [el.proto.arrow_data.data.hex() for el in at.dataframe]
            figures_file = tmp / f"{page}.json"
            figures_file.write_text(json.dumps({"figures": specs, "tables": tables}), encoding="utf-8")
            os.environ["FLOOR_EXHIBITS"] = str(figures_file)  # this page's floor draws this page's exhibits
            floor = AppTest.from_file(str(FLOORS / "rerun.py"), default_timeout=120).run()
            for selection in SELECTIONS:
                _rerun(floor, selection)
            page_times, floor_times = [], []
            for i in range(reps):
                selection = SELECTIONS[i % len(SELECTIONS)]
                page_times.append(_rerun(at, selection))
                floor_times.append(_rerun(floor, selection))
            page_ms, floor_ms = median_ms(page_times), median_ms(floor_times)
            rows.append(
                {
                    "measure": "rerun",
                    "case": page,
                    "charts": len(specs),
                    "tables": len(tables),
                    "dashboard_ms": page_ms,
                    "floor_ms": floor_ms,
                    "ratio": round(page_ms / floor_ms, 2),
                    "target": TARGETS["rerun"],
                }
            )
    shutil.rmtree(tmp, ignore_errors=True)
    return rows
