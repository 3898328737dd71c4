"""Cooperation agenda: three experiences, six proposals, proposal × field matrix, theme years."""

import streamlit as st

from dashboard import charts, frames, ui
from dashboard.i18n import t
from dashboard.links import escape_markdown as esc

s = ui.state()
m = ui.model()
lang = s.lang
st.header(t("page_agenda", lang))
seed = next(src for src in m.cat.sources if src.id == "miit-2020-06-12-opening")
seed_footer = f"{t('source', lang)}: {seed.publisher.zh if lang == 'zh' else seed.publisher.en} ({seed.date_published[:4]})"


field_names = {f.id: (f.name.zh if lang == "zh" else f.name.en) for f in m.cat.fields}


def show_statements(kind: str, heading: str) -> None:
    st.subheader(heading, anchor=False)
    rows = m.statements[m.statements["kind"] == kind].sort_values("number")
    for row in rows.itertuples():
        with st.container(border=True):
            left, right = st.columns(2)
            left.caption(f"{t('original', lang)} ({row.language})")
            left.markdown(esc(row.original))
            right.caption(f"{t('translation', lang)} ({t('our_translation', lang)})")
            right.markdown(esc(row.translation))
            speaker = row.speaker_zh if lang == "zh" else row.speaker_en
            named = (", " if lang == "en" else "、").join(field_names[f] for f in row.fields.split("; ") if f)
            st.caption(
                f"{t('speaker', lang)}: {esc(speaker or '—')} · {t('fields_named', lang)}: {esc(named or '—')}"
                f" · {t('source', lang)}: {row.source_id}"
            )


show_statements("experience", t("experiences", lang))
show_statements("proposal", t("proposals", lang))

matrix = frames.proposal_field_matrix(m.cat)
ui.show_chart(
    ui.chart(
        ("matrix", m.cat.fingerprint, lang),
        lambda: charts.proposal_field_matrix(matrix, field_names, lang, seed_footer),
    ),
    s,
)
sources = {src.id: src for src in m.cat.sources}
timeline_sources = "; ".join(
    dict.fromkeys(
        (sources[i].publisher.zh if lang == "zh" else sources[i].publisher.en)
        for i in m.theme_years["source_id"]
    )
)
ui.show_chart(
    ui.chart(
        ("timeline", m.cat.fingerprint, lang),
        lambda: charts.theme_year_timeline(m.theme_years, lang, f"{t('source', lang)}: {timeline_sources}"),
    ),
    s,
)
show_statements("statement", t("other_statements", lang))
show_statements("plan", t("plans", lang))
