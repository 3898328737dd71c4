"""Participants: tile map by representative's rank, officials by country and rank, the full list."""

import streamlit as st

from dashboard.present import views
from dashboard.present.i18n import t
from dashboard.web import ui

s = ui.state()
v = ui.view(views.participants, s.lang, tuple(s.selected))

st.header(t("page_participants", s.lang))
if v.not_members:
    st.info(v.not_members)
ui.show_chart(v.tiles, s)
ui.show_chart(v.by_rank, s)

st.subheader(t("officials_table", s.lang))
st.dataframe(v.officials, hide_index=True, width="stretch")

st.subheader(t("attending_bodies", s.lang))
st.markdown(v.bodies)
