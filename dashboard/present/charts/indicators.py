"""World Bank indicator charts: lines over time with reference lines, a ranking for a year, and
China vs the ASEAN-10 aggregate."""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
import plotly.graph_objects as go

from dashboard.present import formatting, theme
from dashboard.present.charts.base import (
    Chart,
    _empty,
    checked_figure,
    entity_names,
    figure,
    observation_table,
    ranking_bars,
    source_line,
    spec_chart,
    too_few_to_rank,
)
from dashboard.present.i18n import t

REFERENCE_DASH = {"WLD": "dash", "EAS": "dash", "ASEAN10": "dot"}
#: A group name's qualifiers in brackets: "ASEAN-10 (members in 2020) (derived)" → "ASEAN-10".
GROUP_QUALIFIER = re.compile(r"(\s*[（(][^（()）]*[)）])+$")


def _by_year(rows: pd.DataFrame) -> tuple[list[int], pd.DataFrame]:
    """Every year from first to last, one column per entity: a missing year is a gap (NaN), never
    a silent straight line."""
    years = list(range(int(rows["year"].min()), int(rows["year"].max()) + 1))
    return years, rows.pivot(index="year", columns="entity", values="value").reindex(years)


def _year_points(years: list[int], values, *, lang: str, decimals: int | None, **extra) -> dict:
    """One entity's values over the years; a missing year stays a gap, never a silent straight
    line. Each point carries its value as the labels write it (`formatting`), for the hover."""
    return {
        "type": "scatter",
        "x": years,
        "y": values,
        "connectgaps": False,
        "text": formatting.labels(values, lang, decimals),
        **extra,
    }


def _named(points: dict, name: str, line: dict) -> dict:
    """`points` as a line named `name`, its hover showing the labelled value, not d3's digits."""
    return {**points, "name": name, "line": line, "hovertemplate": name + " %{x}: %{text}<extra></extra>"}


def _over_years(
    traces: list[dict],
    rows: pd.DataFrame,
    lang: str,
    *,
    title: str,
    subtitle: str,
    unit: str,
    log: bool = False,
    make=figure,
):
    """The World Bank year-line charts' figure: the traces, the source line, the unit on the y axis
    (a log axis keeps Plotly's own ticks, 1, 10, 100, with digits grouped by the template)."""
    axis = {"type": "log", "rangemode": "normal"} if log else formatting.axis(rows["value"], lang)
    return make(
        traces,
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        yaxis={"title": {"text": unit}, **axis},
    )


@dataclass(eq=False)
class LineSet:
    """Every entity's line over the years in `rows` (one indicator under one window and mode),
    each checked by Plotly once, on first use, and kept: a new filter's chart picks its rows and
    lines from here. Pivoting the rows, labelling the points and validating a dozen lines was most
    of the ~7 ms a new filter cost the lines chart, under load the slowest part of a filter change
    (docs/performance.md). Compared and hashed by identity, for the view cache."""

    rows: pd.DataFrame
    lang: str
    #: each entity's rows, as positions in `rows`
    positions: dict = field(init=False, repr=False)
    _lines: dict = field(init=False, repr=False, default_factory=dict)

    def __post_init__(self) -> None:
        self.positions = self.rows.groupby("entity", sort=False).indices if not self.rows.empty else {}

    def rows_of(self, codes) -> pd.DataFrame:
        """The rows of the entities in `codes`, in the rows' own order (as a selection gives them)."""
        picked = [self.positions[code] for code in dict.fromkeys(codes) if code in self.positions]
        if not picked:
            return self.rows.iloc[0:0]
        return self.rows.take(np.sort(np.concatenate(picked)))

    def line(self, code: str, decimals: int | None) -> dict:
        """`code`'s line as Plotly checked it: every year from its first to its last (a missing
        year is a gap, never a silent straight line), its labels at `decimals`. Without a name,
        colour or hover text: the chart that draws it sets those."""
        key = (code, decimals)
        if key not in self._lines:
            rows = self.rows.take(self.positions[code])
            years = list(range(int(rows["year"].min()), int(rows["year"].max()) + 1))
            values = rows.set_index("year")["value"].reindex(years).to_numpy()
            points = _year_points(
                years, values, lang=self.lang, decimals=decimals, mode="lines+markers", marker={"size": 4}
            )
            self._lines[key] = go.Scatter(points).to_plotly_json()
        return self._lines[key]


def indicator_lines(
    rows: pd.DataFrame,
    lang: str,
    *,
    title: str,
    unit: str,
    covered: str = "",
    totals: bool = False,
    log: bool = False,
    compared: str = "",
    lines: LineSet | None = None,
) -> Chart:
    """One line per country; World and East Asia & Pacific dashed, our ASEAN-10 aggregate dotted,
    the `compared` partner (China, outside the filter) dash-dotted; the subtitle names only the
    reference lines drawn. For `totals` (GDP, population) no World or regional line is drawn:
    the World's total would flatten every country's line at zero. `lines`, the set these rows were
    picked from (`LineSet.rows_of`), gives each entity's line already made and checked."""
    lines = lines if lines is not None else LineSet(rows, lang)
    slug = f"{rows['series_id'].iloc[0]}-over-time" if not rows.empty else "indicator-over-time"
    drawn = set(rows["entity"]) if not rows.empty else set()
    notes = [unit]
    if totals:
        notes.append(t("reference_totals", lang))
    if drawn & {"WLD", "EAS"}:
        notes.append(t("reference_world", lang))
    if "ASEAN10" in drawn:
        notes.append(t("reference_asean", lang))
    if compared in drawn:
        partner = rows.loc[rows["entity"] == compared, f"entity_{lang}"].iloc[0]
        notes.append(t("reference_partner", lang, partner=partner))
    subtitle = t("list_separator", lang).join(notes)
    countries = ~rows["is_group"]  # masks and single columns: selecting whole rows costs ~50 µs each
    if rows.empty or not countries.any():
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=covered))
    names = dict(zip(rows["entity"], rows[f"entity_{lang}"], strict=True))
    derived = set(rows["entity"][rows["status"] == "derived"])
    decimals = formatting.decimals_of(rows)
    traces = []
    for i, code in enumerate(dict.fromkeys(rows["entity"])):  # in the rows' order
        # A group by its bare name ("ASEAN-10"): the subtitle says which members and that we
        # derived it, and a short entry keeps a long legend at two or more entries a row on a phone.
        label = GROUP_QUALIFIER.sub("", names[code]) if code in derived else names[code]
        line = {
            "color": theme.colour_for(code, i),
            "width": 2 if code in REFERENCE_DASH else 2.5,
            "dash": "dashdot" if code == compared else REFERENCE_DASH.get(code, "solid"),
        }
        traces.append(_named(lines.line(code, decimals), label, line))
    if log:
        notes.append(t("log_axis", lang))
        subtitle = t("list_separator", lang).join(notes)
    spec = _over_years(
        traces, rows, lang, title=title, subtitle=subtitle, unit=unit, log=log, make=checked_figure
    )
    shown = rows[[f"entity_{lang}"]][countries & (rows["entity"] != compared)]
    alt = t(
        "alt_lines",
        lang,
        series=title,
        countries=entity_names(shown, lang),
        first=int(rows["year"].min()),
        last=int(rows["year"].max()),
    )
    return spec_chart(slug, title, spec, functools.partial(observation_table, rows, lang), alt)


def ranking_subtitle(lang: str, unit: str, year: int, missing) -> str:
    """A ranking's subtitle: its unit and year, and the chosen countries with no value that year."""
    subtitle = t("unit_year", lang, unit=unit, year=year)
    if missing:
        subtitle += t("list_separator", lang) + t(
            "no_value_for", lang, year=year, names=formatting.join(missing, lang)
        )
    return subtitle


def indicator_ranking(
    rows: pd.DataFrame,
    lang: str,
    *,
    title: str,
    unit: str,
    year: int,
    highlight: list[str],
    missing: list[str] = (),
) -> Chart:
    """Countries ranked for one year; the filtered countries in the accent colour. `missing`
    names the chosen countries without a value that year: the subtitle says who is left out."""
    slug = f"{rows['series_id'].iloc[0]}-ranking-{year}" if not rows.empty else f"ranking-{year}"
    subtitle = ranking_subtitle(lang, unit, year, missing)
    full_title = t("ranking_title", lang, series=title, year=year)
    if rows.empty:
        return _empty(slug, full_title, subtitle, t("no_data_year", lang, year=year))
    sentence = too_few_to_rank(rows, lang)
    if sentence:
        return _empty(slug, full_title, subtitle, sentence)
    chosen = set(highlight) if highlight else set(rows["entity"])
    fig = ranking_bars(
        rows, lang, chosen, title=full_title, subtitle=subtitle, xaxis=formatting.axis(rows["value"], lang)
    )
    top = rows.sort_values("value").iloc[-1]
    alt = t("alt_ranking", lang, n=len(rows), year=year, top=top[f"entity_{lang}"], series=title)
    return Chart(
        slug, full_title, fig, functools.partial(observation_table, rows, lang), alt, selectable=True
    )


def china_vs_asean(rows: pd.DataFrame, lang: str, *, title: str, unit: str) -> Chart:
    """China beside our ASEAN-10 aggregate (derived), over time."""
    slug = f"{rows['series_id'].iloc[0]}-china-vs-asean10" if not rows.empty else "china-vs-asean10"
    full_title = t("china_vs_asean_title", lang, series=title)
    subtitle = unit + t("list_separator", lang) + t("asean_derived_note", lang)
    if rows.empty or set(rows["entity"]) != {"CHN", "ASEAN10"}:
        return _empty(slug, full_title, subtitle, t("no_aggregate", lang))
    years, wide = _by_year(rows)
    names = dict(zip(rows["entity"], rows[f"entity_{lang}"], strict=True))
    decimals = formatting.decimals_of(rows)
    traces = []
    for code in ("CHN", "ASEAN10"):
        name = names[code] + (f" ({t('derived', lang)})" if code == "ASEAN10" else "")
        line = {"color": theme.colour_for(code), "width": 3}
        points = _year_points(years, wide[code].to_numpy(), lang=lang, decimals=decimals, mode="lines")
        traces.append(_named(points, name, line))
    fig = _over_years(traces, rows, lang, title=full_title, subtitle=subtitle, unit=unit)
    alt = t("alt_china_asean", lang, series=title, first=years[0], last=years[-1])
    return Chart(slug, full_title, fig, observation_table(rows, lang), alt)
