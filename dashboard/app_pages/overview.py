"""Overview: the event card, headline tiles, and the SEA internet-economy share of GDP."""

import streamlit as st

from dashboard import charts, frames, ui
from dashboard.i18n import pick, t
from dashboard.links import escape_markdown as esc

s = ui.state()
m = ui.model()
lang = s.lang
ev = m.cat.event
chair = next(c for c in m.cat.countries if c.code == ev.asean_chair)

st.header(t("page_overview", lang))
with st.container(border=True):
    st.subheader(pick(ev.name.en, ev.name.zh, lang), anchor=False)
    left, right = st.columns(2)
    left.markdown(f"**{t('event_date', lang)}**: {esc(ev.date)}")
    left.markdown(f"**{t('event_format', lang)}**: {esc(pick(ev.format.en, ev.format.zh, lang))}")
    left.markdown(f"**{t('event_chair', lang)}**: {esc(pick(chair.name.en, chair.name.zh, lang))}")
    right.markdown(f"**{t('event_theme', lang)}**: {esc(ev.theme.original)}")
    right.caption(f"{t('translation', lang)} ({t('our_translation', lang)}): {esc(ev.theme.translation)}")
    right.markdown(
        f"**{t('event_designation', lang)}**: {esc(pick(ev.designation.meeting.en, ev.designation.meeting.zh, lang))}"
    )

share = frames.series_rows(m.observations, "internet_economy_gmv_share_of_gdp")
by_year = dict(zip(share["year"], share["value"], strict=True))
represented = m.participants["represents"]
tiles = st.columns(4)
tiles[0].metric(t("tile_countries", lang), int(represented[represented != "ASEAN10"].nunique()))
tiles[1].metric(t("tile_officials", lang), len(m.participants))
tiles[2].metric(t("tile_proposals", lang), int((m.statements["kind"] == "proposal").sum()))
tiles[3].metric(
    t("tile_share", lang),
    f"{charts.fmt(by_year[2015])}% → {charts.fmt(by_year[2025])}%",
    help=t("tile_share_help", lang),
)

ch = ui.chart(("share", m.cat.fingerprint, lang), lambda: charts.gmv_share_of_gdp(share, lang))
definition = next(d for d in m.cat.definitions if d.id == "internet_economy_gmv_share_of_gdp")
st.info(
    f"**{t('definition', lang)}**: {esc(pick(definition.description.en, definition.description.zh, lang))}"
)
if s.selected:
    st.caption(t("regional_note", lang))
ui.show_chart(ch, s)
