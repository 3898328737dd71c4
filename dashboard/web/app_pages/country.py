"""Country profile: one country at a time — who represented it, its figures, where it stands."""

import streamlit as st

from dashboard.present.i18n import t
from dashboard.web import exhibit, state

s = state.state()
m = state.model()
lang = s.lang
st.title(t("page_country", lang), anchor=False)
names = {c.code: (c.name.zh if lang == "zh" else c.name.en) for c in m.cat.countries}
options = s.selected or m.country_codes
# Kept in the link (`?profile=VNM`), so a shared link or an exported chart names this country.
code = state.url_choice(
    "profile", options, options[0], st.selectbox, t("choose_country", lang), format_func=names.get
)
v = state.page_view("country", profile=code)

st.header(t("represented_by", lang), anchor=False)
st.markdown(v.represented_by or t("not_represented", lang))

st.header(t("figures_for", lang, country=names[code]), anchor=False)
if v.figures.num_rows == 0:
    st.write(t("no_figures", lang))
else:
    st.dataframe(
        v.figures, hide_index=True, width="stretch", column_config=exhibit.pinned_first(v.figures, "medium")
    )
    for ranking in v.rankings:
        exhibit.show_chart(ranking, s, level=3)

st.header(t("sparklines", lang), anchor=False)
st.dataframe(
    v.sparklines,
    hide_index=True,
    height=36 * 15 + 4,
    width="stretch",
    column_config={
        **exhibit.pinned_first(v.sparklines, "medium"),
        t("col_trend", lang): st.column_config.LineChartColumn(width="medium"),
        # digits grouped, never an exponent; the column still sorts by the number
        t("col_latest", lang): st.column_config.NumberColumn(format="localized"),
    },
)
