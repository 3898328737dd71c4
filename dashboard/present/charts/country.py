"""Country profile charts: where one country stands on a curated series."""

from __future__ import annotations

import pandas as pd

from dashboard.present.charts.base import (
    Chart,
    _empty,
    observation_table,
    ranking_bars,
    too_few_to_rank,
)
from dashboard.present.i18n import t


def ranking(rows: pd.DataFrame, lang: str, highlight: str, series_title: str, unit: str) -> Chart:
    """Horizontal bars for one series and year, the chosen country in the accent colour."""
    slug = f"ranking-{rows['series_id'].iloc[0]}-{highlight.lower()}" if not rows.empty else "ranking"
    country_rows = rows[rows["entity"] == highlight]
    name = country_rows[f"entity_{lang}"].iloc[0] if not country_rows.empty else highlight
    title = t("chart_rank_title", lang, series=series_title, country=name)
    year = int(rows["year"].max()) if not rows.empty else 0
    subtitle = t("unit_year", lang, unit=unit, year=year)
    if rows.empty:
        return _empty(slug, title, subtitle, t("no_figures", lang))
    sentence = too_few_to_rank(rows, lang)
    if sentence:
        return _empty(slug, title, subtitle, sentence)
    fig = ranking_bars(rows, lang, {highlight}, title=title, subtitle=subtitle)
    alt = t("alt_rank", lang, n=len(rows), series=series_title, year=year, country=name)
    return Chart(slug, title, fig, observation_table(rows, lang), alt, selectable=True)
