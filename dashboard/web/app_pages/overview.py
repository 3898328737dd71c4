"""Overview: the event card (who met, when, on what, and who took part) and the SEA internet-economy
share of GDP."""

import streamlit as st

from dashboard.present.i18n import t
from dashboard.web import exhibit, state

s = state.state()
v = state.page_view("overview")

# The landing page: the dashboard's own name is its heading, with its tagline (one element).
st.markdown(f"# {t('app_title', s.lang)}\n\n:gray[{t('app_subtitle', s.lang)}]", anchors=False)
st.container(border=True).markdown(v.event_card)
# The chart is regional: with countries chosen, the same box says the filter does not change it.
st.info(v.definition + (f"\n\n{t('regional_note', s.lang)}" if s.selected else ""))
exhibit.show_chart(v.share, s)
