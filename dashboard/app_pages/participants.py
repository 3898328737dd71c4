"""Participants: tile map by representative's rank, officials by country and rank, the full list."""

import streamlit as st

from dashboard import charts, frames, ui
from dashboard.i18n import t
from dashboard.links import escape_markdown

s = ui.state()
m = ui.model()
lang = s.lang
st.header(t("page_participants", lang))

tiles = ui.chart(
    ("tiles", m.cat.fingerprint, *s.key),
    lambda: charts.representation_tiles(m.representation, lang, s.selected),
)
ui.show_chart(tiles, s)

people = m.participants
if s.selected:
    people = people[people["represents"].isin(s.selected) | (people["represents"] == "ASEAN10")]
by_rank = ui.chart(("by-rank", m.cat.fingerprint, *s.key), lambda: charts.officials_by_rank(people, lang))
ui.show_chart(by_rank, s)

st.subheader(t("officials_table", lang))
table = frames.officials_table(people, lang)
st.dataframe(table, hide_index=True, width="stretch")

st.subheader(t("attending_bodies", lang))
bodies = [
    f"- {escape_markdown(b.name.zh)} — {escape_markdown(b.name.en)}"
    + (f" ({t('our_translation', lang)})" if b.en_by == "ours" else "")
    for b in m.cat.attending_bodies
]
st.markdown("\n".join(bodies))
