"""Participants: tile map by representative's rank, officials by country and rank, the full list."""

import streamlit as st

from dashboard.present.i18n import t
from dashboard.web import exhibit, state

s = state.state()
v = state.page_view("participants")

st.title(t("page_participants", s.lang), anchor=False)
if v.not_members:
    st.info(v.not_members)
exhibit.show_chart(v.tiles, s)
exhibit.show_chart(v.by_rank, s)

st.header(t("officials_table", s.lang), anchor=False)
st.dataframe(v.officials, hide_index=True, width="stretch")

st.header(t("attending_bodies", s.lang), anchor=False)
st.markdown(v.bodies)
