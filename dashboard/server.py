"""Server entry: `streamlit run dashboard/server.py` serves `app.py` and warms it up at start.

Why: Streamlit runs nothing until the first reader connects, so that reader would wait for the
imports, the data (load, validate, frames) and the first page's charts. As an `st.App`, the
server starts a warm-up thread when it starts listening: by the time a browser has loaded the
page, the data and the Overview are ready. `streamlit run dashboard/app.py` still works, cold.
Arguments after `--` reach the app as before (`-- --data DIR`).
"""

from __future__ import annotations

import contextlib
import logging
import threading

import streamlit as st


def _warm_up() -> None:
    try:
        from dashboard import ui

        ui.warm_up()
    except Exception:  # the first reader's run will load (and report) the data itself
        logging.getLogger("dashboard").exception("warm-up failed")


@contextlib.asynccontextmanager
async def _lifespan(_app):
    threading.Thread(target=_warm_up, name="dashboard-warm-up", daemon=True).start()
    yield


app = st.App("app.py", lifespan=_lifespan)
