"""Digital economy: GMV by country, national digital-economy shares (own definition), pandemic figures."""

import streamlit as st

from dashboard.present import views
from dashboard.present.i18n import t
from dashboard.web import exhibit, state
from dashboard.web.settings import year_chart_settings

s = state.state()
st.title(t("page_digital_economy", s.lang), anchor=False)
# The GMV chart: each year from the latest e-Conomy SEA edition (with Grapher's settings), or one
# year as every edition gave it.
gmv = state.view(views.gmv_choices)
choices = {}
if len(gmv.views) > 1:
    choices["gmv"] = state.url_choice(
        "gmv",
        gmv.views,
        "latest",
        st.segmented_control,
        t("gmv_view", s.lang),
        format_func=lambda v: t(f"gmv_view_{v}", s.lang),
        required=True,
    )
if choices.get("gmv") == "revisions":
    choices["gmv_year"] = state.url_choice(
        "gmv_year", gmv.revised_years, gmv.revised_years[0], st.selectbox, t("gmv_year", s.lang)
    )
else:
    choices.update(year_chart_settings(gmv.years, gmv.time_ranges, s.lang))
v = state.page_view("digital-economy", **choices)

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
