"""Country profile: one country at a time — who represented it, its figures, where it stands."""

import streamlit as st

from dashboard import ui
from dashboard.i18n import t
from dashboard.links import escape_markdown as esc

s = ui.state()
m = ui.model()
lang = s.lang
st.header(t("page_country", lang))
names = {c.code: (c.name.zh if lang == "zh" else c.name.en) for c in m.cat.countries}
options = s.selected or m.country_codes
code = st.selectbox(
    t("choose_country", lang), options=options, format_func=names.get, key=f"profile-{'-'.join(options)}"
)

st.subheader(t("represented_by", lang), anchor=False)
people = m.participants[m.participants["represents"] == code].sort_values("rank_order")
if people.empty:
    st.write(t("not_represented", lang))
for p in people.itertuples():
    roles = ", ".join(t(f"role_{r}", lang) for r in p.roles.split("; "))
    name = f"{p.name_zh} · {p.name_en}"
    title = p.title_zh if lang == "zh" else p.title_en
    st.markdown(f"**{esc(name)}** — {esc(title)} · {esc(roles)}")
    note = p.note_zh if lang == "zh" else p.note_en
    if isinstance(note, str):
        st.caption(esc(note))

st.subheader(t("figures_for", lang, country=names[code]), anchor=False)
profile = ui.country_profile(m, m.cat.fingerprint, code, lang)
if profile.figures.empty:
    st.write(t("no_figures", lang))
else:
    st.dataframe(profile.figures, hide_index=True, width="stretch")
    for ranking in profile.rankings:
        ui.show_chart(ranking, s)

st.subheader(t("sparklines", lang), anchor=False)
st.dataframe(
    profile.sparklines,
    hide_index=True,
    height=36 * 15 + 4,
    width="stretch",
    column_config={t("col_trend", lang): st.column_config.LineChartColumn(width="medium")},
)
