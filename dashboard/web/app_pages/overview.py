"""Overview: the event card, the key indicators for the countries in the filter (each a tile with
its latest values, years and trends, linked to its page), the SEA internet-economy share of GDP,
and what each page shows."""

import streamlit as st

from dashboard.present import formatting, views
from dashboard.present.i18n import t
from dashboard.web import exhibit, state
from dashboard.web.pages import PAGES, PAGES_BY_SLUG

s = state.state()
v = state.page_view("overview")
names = {c.code: (c.name.zh if s.lang == "zh" else c.name.en) for c in state.model().cat.countries}

# The landing page: the dashboard's own name is its heading, with its tagline (one element).
st.markdown(f"# {t('app_title', s.lang)}\n\n:gray[{t('app_subtitle', s.lang)}]", anchors=False)
st.container(border=True).markdown(v.event_card)

st.header(t("key_indicators", s.lang), anchor="key-indicators")
scope = formatting.join([names[c] for c in s.selected], s.lang) if s.selected else t("scope_all", s.lang)
st.caption(t("key_indicators_scope", s.lang, scope=scope))
tiles = state.view(views.key_indicators, s.lang, tuple(s.selected))
trend = t("col_trend", s.lang)
for row in range(0, len(tiles), 2):
    for column, tile in zip(st.columns(2), tiles[row : row + 2], strict=False):
        page = next((p for p in PAGES if tile.topic in p.topics), PAGES_BY_SLUG["digital-economy"])
        box = column.container(border=True)
        # the title opens the page that charts the series, for the same countries and language
        box.page_link(
            f"app_pages/{page.file}",
            label=tile.title,
            icon=":material/show_chart:",
            query_params=[*state.view_params(), *([("indicator", tile.series_id)] if page.topics else [])],
        )
        box.caption(tile.note)
        if tile.shown:
            box.dataframe(
                tile.table,
                hide_index=True,
                width="stretch",
                column_config={trend: st.column_config.LineChartColumn(width="small")},
            )
        else:
            box.write(t("no_tile_values", s.lang))

# The chart is regional: with countries chosen, the same box says the filter does not change it.
st.info(v.definition + (f"\n\n{t('regional_note', s.lang)}" if s.selected else ""))
exhibit.show_chart(v.share, s)

st.header(t("pages_guide", s.lang), anchor=False)
st.markdown(v.pages)
