"""Router: page config, navigation, the page, then the shared sidebar (language, filter, share, data).

Served by `streamlit run dashboard/server.py` (the README's command), or alone: `streamlit run dashboard/app.py`.
Another data directory: `streamlit run dashboard/app.py -- --data DIR` or `DASHBOARD_DATA_DIR=DIR`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

from dashboard.data.problems import DataError
from dashboard.present.i18n import DEFAULT_LANG, t
from dashboard.web import ui

APP_PAGES = Path(__file__).parent / "app_pages"

ui.use_data_argument(tuple(sys.argv[1:]))
if "_page_config" not in st.session_state:
    # Once per session: the browser keeps the title, icon, wide layout and About menu across
    # reruns and pages (checked in a real browser by tests/e2e), and the icon is re-encoded per call.
    st.session_state["_page_config"] = True
    st.set_page_config(
        page_title=t("app_title", DEFAULT_LANG),
        page_icon=ui.favicon(),
        layout="wide",
        menu_items={"About": ui.about_markdown("en") + "\n\n" + ui.about_markdown("zh")},
    )

loaded = ui.model(fresh=True)
if isinstance(loaded, DataError):
    ui.show_data_error(loaded, ui.language())
    st.stop()
ui.init_from_link(loaded.country_codes)
state = ui.current_state(loaded)
lang = state.lang
st.session_state["_state"] = state
ui.write_link({"country": state.selected, "lang": [lang] if lang != DEFAULT_LANG else []})

nav = st.navigation(ui.navigation_pages(APP_PAGES, lang), position="sidebar")
st.session_state["_page"] = nav.url_path or "overview"  # the page's name in export links
st.session_state["_page_view"] = None  # the page's view switch is drawn above its first chart
ui.show_notices(lang)
try:
    nav.run()
except Exception:  # a bug must not show a traceback to readers; the log keeps it
    import logging

    logging.getLogger("dashboard").exception("page failed")
    st.error("Something went wrong on this page. / 此页面出现错误。")
# The sidebar after the page (see ui.current_state); the page's own choices (indicator, year) are
# in the link by now, so the share box holds them.
ui.language_link(nav, lang)
ui.country_filter(loaded, lang)
ui.share_box(state)
ui.bundle_download(state, loaded)
