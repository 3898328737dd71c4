"""The two World Bank indicator pages (Connectivity, Innovation & economy) are one page with
different topics: lines over time, a ranking for a chosen year, China vs ASEAN-10."""

from __future__ import annotations

import streamlit as st

from dashboard.present import views
from dashboard.present.i18n import t
from dashboard.web.exhibit import show_chart
from dashboard.web.pages import PAGES_BY_SLUG
from dashboard.web.state import model, page_view, state, url_choice, view


def indicator_page(slug: str) -> None:
    """Connectivity / Innovation: lines over time, a ranking for a chosen year, China vs ASEAN-10."""
    s, m = state(), model()
    lang = s.lang
    page = PAGES_BY_SLUG[slug]
    st.title(t(page.title_key, lang), anchor=False)
    ids = views.indicator_ids(m, page.topics)
    titles = {i: (m.series(i).title.zh if lang == "zh" else m.series(i).title.en) for i in ids}
    choice = url_choice("indicator", ids, ids[0], st.selectbox, t("indicator", lang), format_func=titles.get)
    series = view(views.indicator_series, choice)
    year = int(
        url_choice("year", series.years, series.default_year, st.select_slider, t("indicator_year", lang))
    )
    for chart in page_view(slug, indicator=choice, year=str(year)).charts:
        show_chart(chart, s)
    with st.expander(t("about_indicator", lang)):
        st.markdown(view(views.indicator_about, choice, lang))
