"""Sources: every source with publisher, title, dates, link, licence, and what rests on it."""

import streamlit as st

from dashboard import ui
from dashboard.i18n import t

s = ui.state()
m = ui.model()
lang = s.lang
st.header(t("page_sources", lang))
st.write(t("sources_intro", lang))

src = m.sources
table = src.assign(
    publisher=src[f"publisher_{lang}"],
    title=src["title"].fillna(t("title_not_recorded", lang)),
)[
    [
        "id",
        "publisher",
        "title",
        "reports_on",
        "date_published",
        "date_accessed",
        "url",
        "licence",
        "observations",
    ]
]
table.columns = [
    "id",
    t("col_publisher", lang),
    t("col_source_title", lang),
    t("col_reports_on", lang),
    t("col_date", lang),
    t("col_accessed", lang),
    t("col_link", lang),
    t("col_licence", lang),
    t("col_figures", lang),
]
st.dataframe(
    table,
    hide_index=True,
    width="stretch",
    column_config={t("col_link", lang): st.column_config.LinkColumn(display_text="↗ link")},
)
ui.bundle_download(s, m)
