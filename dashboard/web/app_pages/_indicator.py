"""The two World Bank indicator pages (Connectivity, Innovation & economy) are one page with
different topics: lines over time, a ranking for a chosen year, China vs ASEAN-10."""

from __future__ import annotations

import streamlit as st

from dashboard.present import views
from dashboard.present.i18n import t
from dashboard.web.exhibit import show_chart
from dashboard.web.pages import PAGES_BY_SLUG
from dashboard.web.state import model, page_view, state, url_choice, url_range, view


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
    # The year-line chart's settings, in Grapher's URL keys: ?time=2010..2020&stackMode=relative&yScale=log
    ranges = view(views.time_ranges, series)
    time = url_range("time", [int(y) for y in series.years], ranges, t("time_range", lang))
    settings = {"time": time}
    for column, (param, options, label_key) in zip(
        st.columns(2),
        (("stackMode", views.STACK_MODES, "stack_mode"), ("yScale", views.Y_SCALES, "y_scale")),
        strict=True,
    ):
        with column:
            settings[param] = url_choice(
                param,
                options,
                options[0],
                st.segmented_control,
                t(label_key, lang),
                format_func=lambda v, k=label_key: t(f"{k}_{v}", lang),
                required=True,
            )
    for chart in page_view(slug, indicator=choice, year=str(year), **settings).charts:
        show_chart(chart, s)
    with st.expander(t("about_indicator", lang)):
        st.markdown(view(views.indicator_about, choice, lang))
