"""Sources: every source with publisher, title, dates, link, licence, and what rests on it.

The data bundle that carries these sources with every figure is the sidebar's link, on every page."""

import streamlit as st

from dashboard.present import views
from dashboard.present.i18n import t
from dashboard.web import sidebar, state

s = state.state()
# Heading and intro: one element (each element costs every rerun).
st.markdown(f"# {t('page_sources', s.lang)}\n\n{t('sources_intro', s.lang)}")
st.dataframe(
    state.view(views.sources_table, s.lang),
    hide_index=True,
    width="stretch",
    column_config={t("col_link", s.lang): st.column_config.LinkColumn(display_text="↗ link")},
)
st.markdown(f"## {t('about', s.lang)}\n\n{sidebar.about_markdown(s.lang)}")
