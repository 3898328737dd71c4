"""Timeline: China–ASEAN digital cooperation 2016–2026, milestone by milestone, each from a page read."""

import streamlit as st

from dashboard.present.i18n import t
from dashboard.web import exhibit, state

s = state.state()
v = state.page_view("timeline")

st.title(t("page_timeline", s.lang), anchor=False)
st.markdown(t("timeline_intro", s.lang, shown=v.shown, total=v.total))
exhibit.show_chart(v.chart, s)
# The day the dashboard starts from: its pages tell it in full.
st.caption(t("timeline_opening", s.lang))
query = state.view_params()
left, middle, right = st.columns(3)
for column, file, key, icon in (
    (left, "overview.py", "page_overview", ":material/dashboard:"),
    (middle, "participants.py", "page_participants", ":material/groups:"),
    (right, "agenda.py", "page_agenda", ":material/handshake:"),
):
    column.page_link(f"app_pages/{file}", label=t(key, s.lang), icon=icon, query_params=query)
st.header(t("cooperation_numbers", s.lang), anchor=False)
st.markdown(t("cooperation_numbers_intro", s.lang))
for column, (label, value, about) in zip(st.columns(len(v.figures)), v.figures, strict=True):
    column.metric(label, value, border=True)
    column.caption(about)
exhibit.show_chart(v.trade, s, level=3)

st.header(t("milestones_table", s.lang), anchor=False)
st.dataframe(
    v.table,
    hide_index=True,
    width="stretch",
    column_config={
        **exhibit.pinned_first(v.table),
        t("col_link", s.lang): st.column_config.LinkColumn(display_text="↗"),
    },
)
