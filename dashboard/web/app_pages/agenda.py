"""Cooperation agenda: three experiences, six proposals, proposal × field matrix, theme years."""

import streamlit as st

from dashboard.present.i18n import t
from dashboard.web import exhibit, state

s = state.state()
v = state.page_view("agenda")


def show_statements(kind: str, heading: str) -> None:
    if kind in v.statements:  # a kind the data does not hold gets no heading
        st.header(heading, anchor=False)
        st.markdown(v.statements[kind])


st.title(t("page_agenda", s.lang), anchor=False)
show_statements("experience", t("experiences", s.lang))
show_statements("proposal", t("proposals", s.lang))
exhibit.show_chart(v.matrix, s)
exhibit.show_chart(v.timeline, s)
# The theme years are one thread of the cooperation's story: the Timeline tells the rest.
st.page_link(
    "app_pages/timeline.py",
    label=t("see_timeline", s.lang),
    icon=":material/timeline:",
    query_params=state.view_params(),
)
show_statements("statement", t("other_statements", s.lang))
show_statements("plan", t("plans", s.lang))
