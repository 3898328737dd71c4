"""Digital economy: GMV by country, national digital-economy shares (own definition), pandemic figures."""

import streamlit as st

from dashboard.present.i18n import t
from dashboard.web import exhibit, state

s = state.state()
v = state.page_view("digital-economy")

st.title(t("page_digital_economy", s.lang), anchor=False)
exhibit.show_chart(v.gmv, s)
st.caption(v.gmv_to_gdp_definition)
exhibit.show_chart(v.gmv_to_gdp, s)

st.divider()
st.warning(v.national_definition, icon=":material/rule:")
exhibit.show_chart(v.national, s)
for note in v.national_notes:
    st.caption(note)

st.divider()
if not v.china_shown:
    st.info(t("china_only", s.lang))
else:
    left, right = st.columns(2)
    with left:
        exhibit.show_chart(v.ct, s)
    with right:
        exhibit.show_chart(v.people, s)
