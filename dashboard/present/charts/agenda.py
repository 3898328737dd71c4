"""Cooperation agenda charts: the proposals × fields matrix and the theme-year timeline."""

from __future__ import annotations

import pandas as pd

from dashboard.present import theme
from dashboard.present.charts.base import (
    Chart,
    figure,
    wrap,
)
from dashboard.present.i18n import t


def proposal_field_matrix(matrix: pd.DataFrame, field_names: dict[str, str], lang: str, footer: str) -> Chart:
    """Proposals × fields heat map of 0/1: which fields each proposal's Chinese text names."""
    slug = "proposal-field-matrix"
    title, subtitle = t("chart_matrix_title", lang), t("chart_matrix_subtitle", lang)
    cols = list(matrix.columns)
    ylabels = [t("proposal_n", lang, n=n) for n in matrix.index]
    xlabels = [field_names[c] for c in cols]
    # Fields as rows (their names read level, no rotated labels), proposals as numbered columns.
    heatmap = {
        "type": "heatmap",
        "z": matrix.to_numpy().T,
        "x": [str(n) for n in matrix.index],
        "y": xlabels,
        "colorscale": [[0, "#F5F7FA"], [1, theme.ACCENT]],
        "showscale": False,
        "xgap": 3,
        "ygap": 3,
        "text": [ylabels for _ in xlabels],
        "hovertemplate": "%{text} · %{y}: %{z}<extra></extra>",
    }
    fig = figure(
        [heatmap],
        title=title,
        subtitle=subtitle,
        footer=footer,
        yaxis={"autorange": "reversed", "showgrid": False, "dtick": 1},
        xaxis={"showgrid": False, "dtick": 1, "title": {"text": t("proposals", lang)}},
        height=theme.TEMPLATE.layout.margin.t + theme.TEMPLATE.layout.margin.b + 40 + 28 * len(cols),
    )
    totals = matrix.sum(axis=0).sort_values(ascending=False)
    alt = t(
        "alt_matrix",
        lang,
        p=len(matrix),
        f=len(cols),
        top=field_names[totals.index[0]],
        n=int(totals.iloc[0]),
    )
    table = matrix.copy()
    table.index = ylabels
    table.columns = xlabels
    return Chart(slug, title, fig, table.reset_index(names=t("proposals", lang)), alt)


def theme_year_timeline(years: pd.DataFrame, lang: str, footer: str, highlight: int = 2020) -> Chart:
    """One marker a year with the theme's name; the highlighted year drawn larger in the accent."""
    slug = "asean-china-theme-years"
    title, subtitle = t("chart_timeline_title", lang), t("chart_timeline_subtitle", lang)
    names = years[f"name_{lang}"].str.replace(r"^(ASEAN-China |中国-东盟)", "", regex=True)
    positions = [1 if i % 2 == 0 else -1 for i in range(len(years))]
    colours = [theme.ACCENT if y == highlight else theme.MUTED for y in years["year"]]
    line = {
        "type": "scatter",
        "x": years["year"],
        "y": [0] * len(years),
        "mode": "lines+markers",
        "line": {"color": theme.GRID, "width": 4},
        "marker": {"size": [22 if y == highlight else 14 for y in years["year"]], "color": colours},
        "hovertext": years[f"name_{lang}"],
        "hovertemplate": "%{x}: %{hovertext}<extra></extra>",
        "showlegend": False,
    }
    labels = [
        {
            "x": x,
            "y": 0,
            "text": "<br>".join(wrap(label, 92, 12)),
            "ay": -50 * pos,
            "ax": 0,
            "showarrow": True,
            "arrowcolor": theme.GRID,
            "font": {"color": colour, "size": 12},
        }
        for x, label, pos, colour in zip(years["year"], names, positions, colours, strict=True)
    ]
    fig = figure(
        [line],
        title=title,
        subtitle=subtitle,
        footer=footer,
        annotations=labels,
        yaxis={"visible": False, "range": [-1.2, 1.2], "rangemode": "normal"},
        xaxis={"dtick": 1, "showgrid": False},
        height=380,
    )
    alt = t("alt_timeline", lang, n=len(years), first=years["year"].min(), last=years["year"].max())
    return Chart(slug, title, fig, years.reset_index(drop=True), alt)
