"""Overview: the event card, headline tiles, and the SEA internet-economy share of GDP."""

import streamlit as st

from dashboard import ui, views
from dashboard.i18n import t

s = ui.state()
v = ui.view(views.overview, s.lang)

st.header(t("page_overview", s.lang))
with st.container(border=True):
    st.subheader(v.event_name, anchor=False)
    left, right = st.columns(2)
    for fact in v.event_facts:
        left.markdown(fact)
    right.markdown(v.theme)
    right.caption(v.theme_translation)
    right.markdown(v.designation)

for column, (label, value, help_text) in zip(st.columns(len(v.tiles)), v.tiles, strict=True):
    column.metric(label, value, help=help_text)

st.info(v.definition)
if s.selected:
    st.caption(t("regional_note", s.lang))
ui.show_chart(v.share, s)
