"""Overview: the event card, headline tiles, and the SEA internet-economy share of GDP."""

import streamlit as st

from dashboard import ui, views
from dashboard.i18n import t

s = ui.state()
v = ui.view(views.overview, s.lang)

# The landing page: the dashboard's own name is its heading.
st.title(t("app_title", s.lang), anchor=False)
st.caption(t("app_subtitle", s.lang))
st.container(border=True).markdown(v.event_card)
with st.container(horizontal=True):
    for label, value, help_text in v.tiles:
        st.metric(label, value, help=help_text)
# The chart is regional: with countries chosen, the same box says the filter does not change it.
st.info(v.definition + (f"\n\n{t('regional_note', s.lang)}" if s.selected else ""))
ui.show_chart(v.share, s)
