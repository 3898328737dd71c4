"""Overview: the event card, headline tiles, and the SEA internet-economy share of GDP."""

import streamlit as st

from dashboard import ui, views
from dashboard.i18n import t

s = ui.state()
v = ui.view(views.overview, s.lang)

# Shown above the chart but sent after it: a first visit's browser starts fetching the charting
# library as soon as the chart arrives, while the text below is still being drawn.
above = st.container()
ui.show_chart(v.share, s)

with above:
    # The landing page: the dashboard's own name is its heading.
    st.title(t("app_title", s.lang), anchor=False)
    st.caption(t("app_subtitle", s.lang))
    st.container(border=True).markdown(v.event_card)
    with st.container(horizontal=True):
        for label, value, help_text in v.tiles:
            st.metric(label, value, help=help_text)
    st.info(v.definition)
    if s.selected:
        st.caption(t("regional_note", s.lang))
