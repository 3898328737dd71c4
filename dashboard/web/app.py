"""Router: page config, navigation, the page, then the shared sidebar (language, filter, share, data).

Served by `streamlit run dashboard/web/server.py` (what `scripts/serve.sh` runs), or alone:
`streamlit run dashboard/web/app.py`. Another data directory: `... -- --data DIR` or
`DASHBOARD_DATA_DIR=DIR`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import streamlit as st

from dashboard.data.problems import DataError
from dashboard.present.i18n import DEFAULT_LANG, t
from dashboard.web import exhibit, sidebar, state

APP_PAGES = Path(__file__).parent / "app_pages"

state.use_data_argument(tuple(sys.argv[1:]))
if "_page_config" not in st.session_state:
    # Once per session: the browser keeps the title, icon, wide layout and About menu across
    # reruns and pages (checked in a real browser by tests/e2e), and the icon is re-encoded per call.
    st.session_state["_page_config"] = True
    st.set_page_config(
        page_title=t("app_title", DEFAULT_LANG),
        page_icon=sidebar.favicon(),
        layout="wide",
        menu_items={"About": sidebar.about_markdown("en") + "\n\n" + sidebar.about_markdown("zh")},
    )

loaded = state.model(fresh=True)
if isinstance(loaded, DataError):
    state.show_data_error(loaded, state.language())
    st.stop()
state.init_from_link(loaded.country_codes)
reader = state.current_state(loaded)
lang = reader.lang
st.session_state["_state"] = reader
state.write_link({"country": reader.selected, "lang": [lang] if lang != DEFAULT_LANG else []})

# `?embed=true` is Streamlit's own key, hidden from the query params: the context says it. An
# embed with a chart id shows that chart alone, without the menu.
embedded = st.context.is_embedded and st.query_params.get_all("chart")
nav = st.navigation(sidebar.navigation_pages(APP_PAGES, lang), position="hidden" if embedded else "sidebar")
st.session_state["_page"] = nav.url_path or "overview"  # the page's name in export links
st.session_state["_page_tab"] = None  # the page's tab switch is drawn above its first chart
state.show_notices(lang)
if embedded and exhibit.show_embedded(loaded, st.session_state["_page"], embedded[-1], reader):
    st.stop()  # one chart for an article: no page around it, no sidebar
try:
    nav.run()
except Exception:  # a bug must not show a traceback to readers; the log keeps it
    import logging

    logging.getLogger("dashboard").exception("page failed")
    st.error("Something went wrong on this page. / 此页面出现错误。")
# The sidebar after the page (see state.current_state); the page's own choices (indicator, year) are
# in the link by now, so the share box holds them.
sidebar.language_link(nav, lang)
sidebar.country_filter(loaded, lang)
sidebar.share_box(reader)
sidebar.bundle_download(reader, loaded)
