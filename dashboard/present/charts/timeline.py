"""The cooperation's story on a time axis: one marker per milestone, lanes by kind, the 2020
opening drawn larger, ASEAN-internal steps (China not a party) hollow."""

from __future__ import annotations

import pandas as pd

from dashboard.present import formatting, theme
from dashboard.present.charts.base import (
    Chart,
    _empty,
    figure,
    observation_table,
    qualifier_words,
    source_line,
    wrap,
)
from dashboard.present.i18n import t

KIND_ORDER = [
    "theme_year",
    "summit",
    "ministerial_meeting",
    "dialogue",
    "initiative",
    "plan",
    "agreement",
    "membership",
]
KIND_SYMBOL = {
    "theme_year": "circle",
    "summit": "star",
    "ministerial_meeting": "diamond",
    "dialogue": "square",
    "initiative": "triangle-up",
    "plan": "hexagon",
    "agreement": "pentagon",
    "membership": "cross",
}
#: The day this dashboard starts from: drawn larger in the accent colour.
OPENING = "2020-06-12"


def _short(quote: str, limit: int = 220) -> str:
    """A quote short enough for a hover box (the table and downloads keep it whole)."""
    return quote if len(quote) <= limit else quote[: limit - 1].rstrip() + "…"


def milestone_timeline(rows: pd.DataFrame, lang: str, covered: str = "") -> Chart:
    """Milestones by date, one lane per kind; hover gives the title, the quote and the source."""
    slug = "china-asean-digital-cooperation-milestones"
    title, subtitle = t("chart_milestones_title", lang), t("chart_milestones_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=covered))
    kinds = [k for k in KIND_ORDER if k in set(rows["kind"])]
    traces = []
    for kind in kinds:
        grp = rows[rows["kind"] == kind]
        opening = grp["date"] == OPENING
        traces.append(
            {
                "type": "scatter",
                "x": grp["when"],
                "y": [t(f"milestone_kind_{kind}", lang)] * len(grp),
                "mode": "markers",
                "name": t(f"milestone_kind_{kind}", lang),
                "marker": {
                    "symbol": [
                        KIND_SYMBOL[kind] + ("" if party else "-open") for party in grp["china_party"]
                    ],
                    "size": [22 if o else 13 for o in opening],
                    "color": [
                        theme.ACCENT if o else theme.PALETTE[KIND_ORDER.index(kind) % 8] for o in opening
                    ],
                    "line": {"color": theme.INK, "width": 1},
                },
                "customdata": [
                    [
                        "<br>".join(wrap(title_text, 420, 12)),
                        date,
                        "<br>".join(wrap(f"“{_short(quote)}”", 420, 11)),
                        source,
                    ]
                    for title_text, date, quote, source in zip(
                        grp[f"title_{lang}"], grp["date"], grp["quote"], grp["source_label"], strict=True
                    )
                ],
                # the milestone, the quote it rests on, and where: as a reader checks it
                "hovertemplate": "<b>%{customdata[1]}</b> %{customdata[0]}<br><i>%{customdata[2]}</i>"
                "<br>%{customdata[3]}<extra></extra>",
                "showlegend": False,
            }
        )
    margin = theme.TEMPLATE.layout.margin
    fig = figure(
        traces,
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        xaxis={"type": "date", "dtick": "M12", "tickformat": "%Y"},
        yaxis={
            "categoryorder": "array",
            "categoryarray": [t(f"milestone_kind_{k}", lang) for k in kinds][::-1],
        },
        height=margin.t + margin.b + max(220, 44 * len(kinds)),
    )
    alt = t(
        "alt_milestones",
        lang,
        n=len(rows),
        first=rows["date"].min()[:4],
        last=rows["date"].max()[:4],
    )
    table_cols = ["date", f"title_{lang}", "kind", "concerns", "china_party", "quote", "status"]
    table = rows[[c for c in table_cols if c in rows] + [c for c in rows.columns if c.startswith("source_")]]
    return Chart(slug, title, fig, table.reset_index(drop=True), alt)


def trade_by_year(rows: pd.DataFrame, lang: str) -> Chart:
    """China–ASEAN trade by year in one definition (China's customs, yuan): bars, a gap where a
    year has no stated figure, "about" kept in the label."""
    slug = "china-asean-trade-customs-yuan"
    title = rows[f"series_title_{lang}"].iloc[0] if not rows.empty else t("chart_trade_title", lang)
    subtitle = t("chart_trade_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=""))
    rows = rows.sort_values("year")
    decimals = formatting.decimals_of(rows)
    labels = [
        formatting.qualified(v, q, lang, qualifier_words(lang), decimals)
        for v, q in zip(rows["value"], rows["qualifier"], strict=True)
    ]
    bar = {
        "type": "bar",
        "x": rows["year"],
        "y": rows["value"],
        "marker": {"color": theme.ACCENT},
        "text": labels,
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{x}: %{text}<extra></extra>",
    }
    fig = figure(
        [bar],
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        xaxis={"dtick": 1},
        yaxis={"title": {"text": rows[f"unit_{lang}"].iloc[0]}, "range": [0, rows["value"].max() * 1.2]},
        showlegend=False,
        height=360,
    )
    alt = t("alt_trade", lang, first=int(rows["year"].min()), last=int(rows["year"].max()), n=len(rows))
    return Chart(slug, title, fig, observation_table(rows, lang), alt)
