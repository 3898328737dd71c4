"""Sources: every source with publisher, title, dates, link, licence, and what rests on it."""

import streamlit as st

from dashboard import ui, views
from dashboard.i18n import t

s = ui.state()
st.header(t("page_sources", s.lang))
st.write(t("sources_intro", s.lang))
st.dataframe(
    ui.view(views.sources_table, s.lang),
    hide_index=True,
    width="stretch",
    column_config={t("col_link", s.lang): st.column_config.LinkColumn(display_text="↗ link")},
)
ui.bundle_download(s, ui.model())
st.subheader(t("about", s.lang), anchor=False)
st.markdown(ui.about_markdown(s.lang))
