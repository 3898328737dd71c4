"""Digital economy: GMV by country, national digital-economy shares (own definition), pandemic figures."""

import streamlit as st

from dashboard import charts, derived, frames, ui
from dashboard.i18n import pick, t
from dashboard.links import escape_markdown as esc

s = ui.state()
m = ui.model()
lang = s.lang
obs = m.observations
st.header(t("page_digital_economy", lang))


def covered(series_id: str) -> str:
    rows = frames.series_rows(obs, series_id)
    rows = rows[~rows["is_group"]]
    return ", ".join(sorted(set(rows[f"entity_{lang}"])))


gmv = frames.series_rows(obs, "internet_economy_gmv")
gmv = frames.filter_countries(gmv[~gmv["is_group"]], s.selected)
ch = ui.chart(
    ("gmv", m.cat.fingerprint, *s.key),
    lambda: charts.gmv_by_country(gmv, lang, covered("internet_economy_gmv")),
)
ui.show_chart(ch, s)

ratio = frames.filter_countries(m.derived[m.derived["series_id"] == derived.GMV_TO_GDP], s.selected)
ch = ui.chart(
    ("gmv-gdp", m.cat.fingerprint, *s.key),
    lambda: charts.gmv_to_gdp(ratio, lang, covered("internet_economy_gmv")),
)
ratio_definition = next(d for d in m.cat.definitions if d.id == "derived_gmv_to_gdp")
st.caption(
    f"{t('definition', lang)}: {esc(pick(ratio_definition.description.en, ratio_definition.description.zh, lang))}"
)
ui.show_chart(ch, s)

st.divider()
definition = next(d for d in m.cat.definitions if d.id == "national_digital_economy_share_of_gdp")
st.warning(
    f"**{t('definition', lang)}** · {esc(pick(definition.name.en, definition.name.zh, lang))}: "
    f"{t('definition_badge', lang)}",
    icon=":material/rule:",
)
national = frames.filter_countries(
    frames.series_rows(obs, "national_digital_economy_share_of_gdp"), s.selected
)
ch = ui.chart(
    ("national", m.cat.fingerprint, *s.key),
    lambda: charts.national_digital_share(national, lang, covered("national_digital_economy_share_of_gdp")),
)
ui.show_chart(ch, s)
notes = national.dropna(subset=[f"note_{lang}"])
for row in notes.itertuples():
    st.caption(f"{esc(getattr(row, f'entity_{lang}'))} {row.year}: {esc(getattr(row, f'note_{lang}'))}")

st.divider()
china_shown = not s.selected or "CHN" in s.selected
if not china_shown:
    st.info(t("china_only", lang))
else:
    ct_series = next(x for x in m.cat.series if x.id == "ct_diagnosis_minutes")
    categories = {k: {"en": v.en, "zh": v.zh} for k, v in ct_series.categories.items()}
    ct = frames.series_rows(obs, "ct_diagnosis_minutes")
    left, right = st.columns(2)
    with left:
        ui.show_chart(
            ui.chart(
                ("ct", m.cat.fingerprint, lang), lambda: charts.ct_diagnosis_range(ct, lang, categories)
            ),
            s,
        )
    people = obs[obs["series_id"].isin(["students_in_remote_education", "remote_office_users"])]
    with right:
        ui.show_chart(
            ui.chart(("people", m.cat.fingerprint, lang), lambda: charts.pandemic_people(people, lang)), s
        )
