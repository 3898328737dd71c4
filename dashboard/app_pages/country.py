"""Country profile: one country at a time — who represented it, its figures, where it stands."""

import streamlit as st

from dashboard import charts, frames, ui
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
mine = m.observations[(m.observations["entity"] == code) & (m.observations["source_id"] != "world-bank-wdi")]
if mine.empty:
    st.write(t("no_figures", lang))
else:
    st.dataframe(charts.observation_table(mine, lang), hide_index=True, width="stretch")
    for series_id in ("internet_economy_gmv", "national_digital_economy_share_of_gdp"):
        rows = frames.series_rows(m.observations, series_id)
        rows = rows[~rows["is_group"] & rows["kind"].isin(["actual", "estimate"])]
        years = rows[rows["entity"] == code]["year"]
        if years.empty:
            continue
        year = int(years.max())
        rows = rows[rows["year"] == year]
        first = rows.iloc[0]
        title = first[f"series_title_{lang}"]
        unit = first[f"unit_{lang}"]
        ch = ui.chart(
            ("rank", series_id, code, m.cat.fingerprint, lang),
            lambda rows=rows, title=title, unit=unit: charts.ranking(rows, lang, code, title, unit),
        )
        ui.show_chart(ch, s)

st.subheader(t("sparklines", lang), anchor=False)
st.dataframe(
    frames.sparkline_table(m.observations, code, lang),
    hide_index=True,
    height=36 * 15 + 4,
    width="stretch",
    column_config={t("col_trend", lang): st.column_config.LineChartColumn(width="medium")},
)
