"""Participants charts: the schematic tile map of who took part, and officials by rank."""

from __future__ import annotations

import pandas as pd

from dashboard.present import formatting, theme
from dashboard.present.charts.base import (
    Chart,
    _empty,
    figure,
    source_line,
)
from dashboard.present.i18n import t

RANKS = ["head_of_government", "secretary_general", "minister", "deputy_minister", "senior_official"]


#: A tile's side on screen and in files, in pixels, and the room for its cell. Square markers keep
#: their pixel size whatever the plot's width, so the figure's height is set for the narrowest plot
#: (a 390 px phone, whose plot is ~320 px wide for 5.2 cells): there a cell is ~61 px, and wider
#: screens only widen the gaps.
TILE_PX = 52
CELL_PX = 62


def representation_tiles(rep: pd.DataFrame, lang: str, selected: list[str]) -> Chart:
    """Schematic tile map: one square per country at its rough position, coloured by the rank of
    its most senior official who took part; a star marks a congratulatory letter from a head of
    government (read out by someone else, so it does not colour the tile). A country that was not
    an ASEAN member at the time (Timor-Leste, 2020) has its own open tile, never "not represented".

    Each tile is a square marker carrying its ISO code, so a reader can click it to add the
    country to the filter (or remove it). No outlines are drawn or fetched: borders here are
    disputed, and the page must work offline. Countries outside the filter stay on the map,
    faded, so the layout never jumps.
    """
    slug = "representation-tile-map"
    title, subtitle = t("chart_tiles_title", lang), t("chart_tiles_subtitle", lang)
    traces: list[dict] = []
    rep = rep.copy()
    rep["top_rank"] = rep["top_rank"].fillna("none")
    dark = {"head_of_government", "secretary_general", "minister"}
    for rank in [*RANKS, "none", "not_member"]:
        grp = rep[rep["top_rank"] == rank]
        if grp.empty:
            continue
        chosen = [not selected or code in selected for code in grp["code"]]
        outlined = [c and bool(selected) for c in chosen]
        open_tile = rank == "not_member"
        traces.append(
            {
                "type": "scatter",
                "x": grp["tile_col"],
                "y": grp["tile_row"],
                "mode": "markers+text",
                "name": t(f"rank_{rank}", lang),
                "marker": {
                    "symbol": "square-open" if open_tile else "square",
                    "size": TILE_PX,
                    "color": theme.MUTED if open_tile else theme.RANK_COLOURS[rank],
                    "opacity": [1.0 if c else 0.3 for c in chosen],
                    "line": {
                        "color": [theme.INK if o else theme.MUTED for o in outlined],
                        "width": [3 if o else (2 if open_tile else 1) for o in outlined],
                    },
                },
                "text": [
                    f"<b>{code}</b><br>{name}"
                    for code, name in zip(grp["code"], grp[f"name_{lang}"], strict=True)
                ],
                "textposition": "middle center",
                "textfont": {
                    "color": [
                        ("#FFFFFF" if rank in dark else theme.INK) if c else theme.MUTED for c in chosen
                    ],
                    "size": 10,
                },
                # the country a click adds to the filter, then who represented it (hover)
                "customdata": grp[["code", f"names_{lang}"]].to_numpy(),
                "hovertemplate": "%{text}<br>%{customdata[1]}<extra></extra>",
            }
        )
    letters = rep[rep["letter_from_en"].notna()]
    if not letters.empty:
        traces.append(
            {
                "type": "scatter",
                "x": letters["tile_col"] + 0.3,
                "y": letters["tile_row"] - 0.3,
                "mode": "markers",
                "name": t("letter_mark", lang),
                "marker": {
                    "symbol": "star",
                    "size": 15,
                    "color": theme.LETTER_MARK,
                    "line": {"color": theme.INK, "width": 1},
                },
                "customdata": letters[["code", f"letter_from_{lang}"]].to_numpy(),
                "hovertemplate": "%{customdata[1]}: "
                + t("role_congratulatory_letter", lang)
                + "<extra></extra>",
            }
        )
    cells = max(rep["tile_col"].max(), rep["tile_row"].max()) + 1.2
    margin = theme.TEMPLATE.layout.margin
    fig = figure(
        traces,
        title=title,
        subtitle=subtitle,
        footer=source_line(rep, lang),
        xaxis={"visible": False, "range": [-0.6, rep["tile_col"].max() + 0.6], "fixedrange": True},
        yaxis={
            "visible": False,
            "range": [rep["tile_row"].max() + 0.6, -0.6],
            "scaleanchor": "x",
            "scaleratio": 1,
            "fixedrange": True,
        },
        legend={"itemsizing": "constant"},
        # the plot, and a phone's four legend rows above it
        height=int(margin.t + margin.b + cells * CELL_PX + 4 * 38),
    )
    counts = rep["top_rank"].map(lambda r: t(f"rank_{r}", lang)).value_counts()
    summary = formatting.join([f"{k} {v}" for k, v in counts.items()], lang)
    table = rep.drop(columns=[c for c in rep.columns if c.startswith("tile_")])
    alt = t("alt_tiles", lang, n=len(rep), summary=summary)
    return Chart(slug, title, fig, table.reset_index(drop=True), alt, selectable=True)


def officials_by_rank(people: pd.DataFrame, lang: str) -> Chart:
    """Stacked bars: how many officials each country (or the ASEAN Secretariat) sent, by rank.
    Only those who took part: a congratulatory letter someone else read out is not attendance."""
    slug = "officials-by-country-and-rank"
    title, subtitle = t("chart_by_rank_title", lang), t("chart_by_rank_subtitle", lang)
    people = people[people["took_part"]]
    if people.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=""))
    col = f"represents_{lang}"
    order = people.groupby(col)["id"].count().sort_values(ascending=False).index.tolist()
    traces = []
    for rank in RANKS:
        grp = people[people["rank"] == rank]
        if grp.empty:
            continue
        counts = grp.groupby(col)["id"].count()
        traces.append(
            {
                "type": "bar",
                "y": counts.index,
                "x": counts.to_numpy(),
                "orientation": "h",
                "name": t(f"rank_{rank}", lang),
                "marker": {"color": theme.RANK_COLOURS[rank], "line": {"color": theme.INK, "width": 0.5}},
                "hovertemplate": "%{y}: %{x}<extra>" + t(f"rank_{rank}", lang) + "</extra>",
            }
        )
    # Countries as rows, names read level (no rotated labels to collide on a phone), most at the top.
    margin = theme.TEMPLATE.layout.margin
    fig = figure(
        traces,
        title=title,
        subtitle=subtitle,
        footer=source_line(people, lang),
        barmode="stack",
        yaxis={"categoryorder": "array", "categoryarray": order[::-1], "dtick": 1},
        xaxis={"dtick": 1, "title": {"text": t("axis_officials", lang)}},
        height=margin.t + margin.b + 60 + max(200, 30 * len(order)),
    )
    alt = t("alt_by_rank", lang, n=len(people), k=people[col].nunique())
    return Chart(slug, title, fig, people.reset_index(drop=True), alt)
