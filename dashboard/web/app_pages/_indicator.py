"""The two World Bank indicator pages (Connectivity, Innovation & economy) are one page with
different topics: lines over time, a ranking for the last year shown, China vs ASEAN-10."""

from __future__ import annotations

import streamlit as st

from dashboard.present import views
from dashboard.present.i18n import pick, t
from dashboard.web.exhibit import show_chart
from dashboard.web.pages import PAGES_BY_SLUG
from dashboard.web.settings import year_chart_settings
from dashboard.web.state import legacy_choice, model, page_view, state, url_choice, view


def indicator_page(slug: str) -> None:
    """Connectivity / Innovation: the indicator, Grapher's settings (the years shown, relative
    change, log axis, China for comparison), then the three charts for them."""
    s, m = state(), model()
    lang = s.lang
    page = PAGES_BY_SLUG[slug]
    st.title(t(page.title_key, lang), anchor=False)
    ids = views.indicator_ids(m, page.topics)
    titles = {i: pick(m.series(i).title.en, m.series(i).title.zh, lang) for i in ids}
    choice = url_choice("indicator", ids, ids[0], st.selectbox, t("indicator", lang), format_func=titles.get)
    series = view(views.indicator_series, choice)
    years = [int(y) for y in series.years]
    # An older link's ranking year (`?year=2015`) opens the years up to it: the ranking is for
    # the last year shown, as Grapher's single-year views are.
    old_year = legacy_choice("year", series.years)
    partner = next(c for c in m.cat.countries if c.code == views.PARTNERS[0])
    settings = year_chart_settings(
        years,
        view(views.time_ranges, series),
        lang,
        default=views.indicator_window(series),
        fallback=views.indicator_window(series, year=old_year) if old_year else None,
        partner=(partner.code, pick(partner.name.en, partner.name.zh, lang)),
        partner_shown=not s.selected or partner.code in s.selected,
    )
    for chart in page_view(slug, indicator=choice, **settings).charts:
        show_chart(chart, s)
    with st.expander(t("about_indicator", lang)):
        st.markdown(view(views.indicator_about, choice, lang))
