"""Overview: the event card, the key indicators for the countries in the filter (the latest value,
its year and the trend of each, as one table, and each indicator's name linked to its chart), the
SEA internet-economy share of GDP, and what each page shows.

Lean on purpose: the landing page reruns on every filter change and each element costs every
rerun (the benchmark's rerun ratio), so headings share an element with the text under them."""

from urllib.parse import urlencode

import streamlit as st

from dashboard.present import formatting, views
from dashboard.present.i18n import t
from dashboard.present.text import escape_markdown as esc
from dashboard.web import exhibit, state
from dashboard.web.pages import PAGES, PAGES_BY_SLUG

s = state.state()
v = state.page_view("overview")
names = {c.code: (c.name.zh if s.lang == "zh" else c.name.en) for c in state.model().cat.countries}

# The landing page: the dashboard's own name is its heading, with its tagline (one element).
st.markdown(f"# {t('app_title', s.lang)}\n\n:gray[{t('app_subtitle', s.lang)}]", anchors=False)
st.container(border=True).markdown(v.event_card)

scope = formatting.join([names[c] for c in s.selected], s.lang) if s.selected else t("scope_all", s.lang)
key = state.view(views.key_indicators, s.lang, tuple(s.selected))
base = state.view_params()
links = []
for tile in key.indicators:
    page = next((p for p in PAGES if tile.topic in p.topics), PAGES_BY_SLUG["digital-economy"])
    query = urlencode([*base, *([("indicator", tile.series_id)] if page.topics else [])])
    # each name opens (in a new tab, as Streamlit opens Markdown links) the page that charts it
    links.append(f"- **[{esc(tile.title)} ↗](/{page.url_path}?{query})** :gray[:small[{esc(tile.note)}]]")
# heading, scope and links: one element (each costs every rerun); the values: one table
st.markdown(
    f"## {t('key_indicators', s.lang)}\n\n"
    f":gray[{t('key_indicators_scope', s.lang, scope=scope, since=views.TREND_FROM)}]\n\n" + "\n".join(links),
    anchors=False,
)
st.dataframe(
    key.table,
    hide_index=True,
    width="stretch",
    column_config={
        **exhibit.pinned_first(key.table),
        **{
            name: st.column_config.LineChartColumn(t("col_trend", s.lang), width="small")
            for name in key.trend_columns
        },
    },
)

# The chart is regional: with countries chosen, the same box says the filter does not change it.
st.info(v.definition + (f"\n\n{t('regional_note', s.lang)}" if s.selected else ""))
exhibit.show_chart(v.share, s)

st.markdown(f"## {t('pages_guide', s.lang)}\n\n{v.pages}", anchors=False)
