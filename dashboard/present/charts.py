"""Pure chart builders: tidy DataFrame (+ language) → `Chart` (Plotly figure, plotted rows, alt text).

No Streamlit here, so tests call these directly. Every figure carries its title, a subtitle with
the unit, and a source line *inside* the figure, so an image saved from it keeps its provenance.
Figures use `plotly.graph_objects` only (plotly.express costs ~50 ms a figure) and the project
template from `theme.py` explicitly (see the black-export trap there).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.present import theme
from dashboard.present.i18n import t

RANKS = ["head_of_government", "secretary_general", "minister", "deputy_minister", "senior_official"]


@dataclass
class Chart:
    """A figure with what a reader needs beside it: the plotted rows and a text alternative."""

    slug: str
    title: str
    figure: go.Figure
    table: pd.DataFrame
    alt: str
    empty_message: str | None = None
    notes: list[str] = field(default_factory=list)

    @property
    def is_empty(self) -> bool:
        return self.empty_message is not None

    @cached_property
    def wire_figure(self) -> go.Figure:
        """The figure as `st.plotly_chart` should receive it: its JSON, read back once.

        `st.plotly_chart` asks a figure for `to_dict()`, which deep-copies the whole figure on
        every rerun (most of the cost of drawing a chart). A cached chart is never changed, so
        its wire form hands over the dict it was built from. Not validated again: it is the JSON
        of a figure Plotly has just validated."""
        return _SentFigure(json.loads(pio.to_json(self.figure, validate=False)))


class _SentFigure(go.Figure):
    """A read-only figure whose `to_dict()` returns the spec it was made from, without a copy.

    Only for figures that are never modified after they are made (the cached charts)."""

    def __init__(self, spec: dict):
        super().__init__(spec, _validate=False)
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


# --- shared furniture ---------------------------------------------------------------------------


def fmt(value: float) -> str:
    """1.3 → "1.3", 12.0 → "12", 11.40 → "11.4" (no spurious precision)."""
    return f"{value:,.2f}".rstrip("0").rstrip(".")


def bar_labels(values, lang: str) -> list[str]:
    """One chart's bar labels at one precision, set by its largest value (161 and 171, not
    160.639 and 170.78); from a thousand (万 in Chinese) up in words, as `compact` writes them."""
    values = [float(v) for v in values]
    largest = max((abs(v) for v in values), default=0.0)
    if largest >= (1e3 if lang == "en" else 1e4):
        return [compact(v, lang) for v in values]
    decimals = 0 if largest >= 100 else 1 if largest >= 10 else 2 if largest >= 0.1 else 3
    return [f"{v:,.{decimals}f}" for v in values]


def compact(value: float, lang: str) -> str:
    """Readable large numbers: 1.23 bn / 12.3亿; small ones with up to 3 decimals."""
    steps = (
        [(1e12, " tn"), (1e9, " bn"), (1e6, " m"), (1e3, " k")]
        if lang == "en"
        else [(1e12, "万亿"), (1e8, "亿"), (1e4, "万")]
    )
    for size, suffix in steps:
        if abs(value) >= size:
            return f"{value / size:,.3g}{suffix}"
    return f"{value:,.3f}".rstrip("0").rstrip(".")


def source_line(table: pd.DataFrame, lang: str) -> str:
    """`Source: Publisher (2020); Other (n.d.) · Licence: …` from the plotted rows themselves."""
    if table.empty or "source_publisher" not in table:
        return ""
    column = "source_publisher_zh" if lang == "zh" and "source_publisher_zh" in table else "source_publisher"
    parts = dict.fromkeys(  # in the rows' order, each once
        f"{publisher} ({date[:4]})" if isinstance(date, str) and date else str(publisher)
        for publisher, date in dict.fromkeys(zip(table[column], table["source_date"], strict=True))
        if isinstance(publisher, str)  # a row with nothing behind it (a tile with no official) cites none
    )
    licence_column = (
        "source_licence_zh" if lang == "zh" and "source_licence_zh" in table else "source_licence"
    )
    licences = sorted({x for x in table[licence_column] if isinstance(x, str)})
    text = f"{t('source', lang)}: " + "; ".join(parts)
    if licences:
        text += f" · {t('licence', lang)}: " + "; ".join(licences)
    return text


def _wrap(text: str, width: int = 150) -> str:
    """Break a long footer line for Plotly (which does not wrap annotations)."""
    words, lines, line = text.split(" "), [], ""
    for word in words:
        if len(line) + len(word) + 1 > width and line:
            lines.append(line)
            line = word
        else:
            line = f"{line} {word}".strip()
    lines.append(line)
    return "<br>".join(lines)


def _title(title: str, subtitle: str) -> dict:
    return {"text": f"<b>{title}</b><br><span style='font-size:13px;color:{theme.MUTED}'>{subtitle}</span>"}


def finish(fig: go.Figure, title: str, subtitle: str, footer: str) -> go.Figure:
    """Title, subtitle and source footer inside the figure, with the project template."""
    fig.update_layout(template=theme.TEMPLATE, title=_title(title, subtitle))
    if footer:
        add_footer(fig, footer, name="source-line", line=0)
    return fig


def figure(traces: list[dict], *, title: str, subtitle: str, footer: str, **layout) -> go.Figure:
    """The same furniture as `finish`, with the traces and layout given as plain dicts and
    validated in one pass: about a third of the time of building a figure step by step, which
    matters for charts rebuilt on every new filter (the World Bank pages)."""
    return go.Figure(
        data=traces,
        layout={
            "template": theme.TEMPLATE,
            "title": _title(title, subtitle),
            "annotations": [footer_annotation(footer, name="source-line", line=0)] if footer else [],
            **layout,
        },
    )


FOOTER_LINE_PX = 15


def footer_annotation(text: str, *, name: str, line: int) -> dict:
    """A footer line in the bottom margin (pixels from the plot's bottom edge, so it never
    collides with the axis or the legend at any figure height). `line` counts footer lines above."""
    return {
        "text": _wrap(text),
        "xref": "paper",
        "yref": "paper",
        "x": 0,
        "y": 0,
        "yshift": -48 - FOOTER_LINE_PX * line,
        "xanchor": "left",
        "yanchor": "top",
        "showarrow": False,
        "align": "left",
        "font": {"size": 11, "color": theme.MUTED},
        "name": name,
    }


def add_footer(fig: go.Figure, text: str, *, name: str, line: int) -> None:
    fig.add_annotation(footer_annotation(text, name=name, line=line))


def _empty(slug: str, title: str, subtitle: str, message: str) -> Chart:
    fig = finish(go.Figure(), title, subtitle, "")
    fig.add_annotation(text=message, x=0.5, y=0.5, xref="paper", yref="paper", showarrow=False)
    fig.update_xaxes(visible=False)
    fig.update_yaxes(visible=False)
    return Chart(slug, title, fig, pd.DataFrame(), message, empty_message=message)


def observation_table(rows: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The plotted observation rows, in reading order, with their source columns."""
    cols = [
        "entity",
        f"entity_{lang}",
        "year",
        "category",
        "value",
        "low",
        "high",
        "qualifier",
        "kind",
        f"unit_{lang}",
        "definition",
        "status",
        f"note_{lang}",  # what a reader must know about a value (e.g. "origin not traced")
        "source_id",
        "source_publisher",
        "source_publisher_zh",
        "source_url",
        "source_date",
        "source_licence",
    ]
    cols = [c for c in cols if c in rows.columns]
    out = rows[cols].sort_values(["entity", "year"]).reset_index(drop=True)
    return out.dropna(axis=1, how="all")


def entity_names(rows: pd.DataFrame, lang: str) -> str:
    """The entities in `rows`, named in the reader's language (for alt texts and empty states)."""
    names = sorted(set(rows[f"entity_{lang}"])) if not rows.empty else []
    return ", ".join(names) if lang == "en" else "、".join(names)


def _qualified(value: float, qualifier: str, lang: str, unit: str = "") -> str:
    prefix = {"more_than": t("more_than", lang), "about": t("about_qualifier", lang)}.get(qualifier, "")
    sep = " " if lang == "en" else ""
    return f"{prefix}{sep if prefix else ''}{fmt(value)}{unit}"


# --- Overview -----------------------------------------------------------------------------------


def gmv_share_of_gdp(rows: pd.DataFrame, lang: str) -> Chart:
    """SEA internet-economy GMV ÷ GDP: actual values solid, the projection dashed and labelled."""
    slug = "internet-economy-gmv-share-of-gdp"
    title, subtitle = t("chart_share_title", lang), t("chart_share_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered="ASEAN-6"))
    rows = rows.sort_values("year")
    actual = rows[rows["kind"].isin(["actual", "estimate"])]
    ahead = rows[rows["kind"].isin(["projection", "target"])]
    fig = go.Figure()
    name = rows[f"entity_{lang}"].iloc[0]
    fig.add_trace(
        go.Scatter(
            x=actual["year"],
            y=actual["value"],
            mode="lines+markers+text",
            name=f"{name} ({t('actual', lang)})",
            line={"color": theme.ACCENT, "width": 3},
            text=[f"{fmt(v)}%" for v in actual["value"]],
            textposition="top left",
            hovertemplate="%{x}: %{y}%<extra></extra>",
        )
    )
    if not ahead.empty:
        bridge = pd.concat([actual.tail(1), ahead])
        fig.add_trace(
            go.Scatter(
                x=bridge["year"],
                y=bridge["value"],
                mode="lines+markers+text",
                name=f"{name} ({t('projection', lang)})",
                line={"color": theme.ACCENT, "width": 3, "dash": "dash"},
                marker={"symbol": ["circle"] + ["circle-open"] * len(ahead), "size": 10},
                text=[""]
                + [
                    f"{fmt(v)}% ({t('share_quoted_projection' if status == 'as_quoted' else 'projection', lang)})"
                    for v, status in zip(ahead["value"], ahead["status"], strict=True)
                ],
                textposition="top left",
                hovertemplate="%{x}: %{y}%<extra>" + t("projection", lang) + "</extra>",
            )
        )
    fig.update_yaxes(title_text="% GDP", ticksuffix="%", range=[0, max(rows["value"]) * 1.25])
    fig.update_xaxes(dtick=1 if rows["year"].max() - rows["year"].min() < 6 else 2)
    table = observation_table(rows, lang)
    finish(fig, title, subtitle, source_line(rows, lang))
    by_year = dict(zip(rows["year"], rows["value"], strict=True))
    alt = t(
        "alt_share",
        lang,
        v2015=fmt(by_year.get(2015, float("nan"))),
        v2018=fmt(by_year.get(2018, float("nan"))),
        v2025=fmt(by_year.get(2025, float("nan"))),
    )
    return Chart(slug, title, fig, table, alt)


# --- Digital economy ----------------------------------------------------------------------------


def gmv_by_country(rows: pd.DataFrame, lang: str, covered: str = "") -> Chart:
    """Grouped bars by country and year; projections hatched so they never pass for actual values."""
    slug = "internet-economy-gmv-by-country"
    title, subtitle = t("chart_gmv_title", lang), t("chart_gmv_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=covered))
    rows = rows.sort_values(["year", "entity"])
    order = (
        rows[rows["year"] == rows["year"].max()]
        .sort_values("value", ascending=False)[f"entity_{lang}"]
        .tolist()
    )
    fig = go.Figure()
    for i, (year, grp) in enumerate(rows.groupby("year", sort=True)):
        kind = grp["kind"].iloc[0]
        label = f"{year}" + (f" ({t(kind, lang)})" if kind in ("projection", "target", "estimate") else "")
        fig.add_trace(
            go.Bar(
                x=grp[f"entity_{lang}"],
                y=grp["value"],
                name=label,
                marker={
                    "color": theme.PALETTE[i % len(theme.PALETTE)],
                    "pattern": {"shape": theme.KIND_PATTERN.get(kind, "")},
                },
                text=[fmt(v) for v in grp["value"]],
                textposition="outside",
                hovertemplate="%{x} " + str(year) + ": US$%{y} bn<extra></extra>",
            )
        )
    fig.update_layout(barmode="group")
    fig.update_xaxes(categoryorder="array", categoryarray=order)
    fig.update_yaxes(title_text="US$ bn")
    finish(fig, title, subtitle, source_line(rows, lang))
    top = rows[rows["year"] == rows["year"].max()].sort_values("value", ascending=False).iloc[0]
    alt = t(
        "alt_gmv",
        lang,
        countries=entity_names(rows, lang),
        top=top[f"entity_{lang}"],
        value=fmt(top["value"]),
    )
    return Chart(slug, title, fig, observation_table(rows, lang), alt)


def national_digital_share(rows: pd.DataFrame, lang: str, covered: str = "") -> Chart:
    """National digital-economy shares, one line per country; targets drawn dotted and open."""
    slug = "digital-economy-share-of-gdp-national"
    title, subtitle = t("chart_national_title", lang), t("chart_national_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=covered))
    rows = rows.sort_values(["entity", "year"])
    fig = go.Figure()
    for code, grp in rows.groupby("entity", sort=True):
        colour = theme.colour_for(code)
        name = grp[f"entity_{lang}"].iloc[0]
        real = grp[grp["kind"] != "target"]
        fig.add_trace(
            go.Scatter(
                x=real["year"],
                y=real["value"],
                mode="lines+markers",
                name=name,
                line={"color": colour, "width": 2.5},
                hovertemplate=name + " %{x}: %{y}%<extra></extra>",
                connectgaps=False,
            )
        )
        targets = grp[grp["kind"] == "target"]
        if not targets.empty:
            fig.add_trace(
                go.Scatter(
                    x=targets["year"],
                    y=targets["value"],
                    mode="markers+text",
                    name=f"{name} ({t('target', lang)})",
                    marker={"color": colour, "symbol": "diamond-open", "size": 12},
                    text=[f"{fmt(v)}% {t('target', lang)}" for v in targets["value"]],
                    textposition="middle left",
                    hovertemplate=name + " %{x}: %{y}% (" + t("target", lang) + ")<extra></extra>",
                )
            )
    fig.update_yaxes(title_text="% GDP", ticksuffix="%")
    fig.update_xaxes(dtick=1)
    finish(fig, title, subtitle, source_line(rows, lang))
    top = rows[rows["kind"] != "target"].sort_values("value", ascending=False)
    top = top.iloc[0] if not top.empty else rows.iloc[0]
    alt = t(
        "alt_national",
        lang,
        countries=entity_names(rows, lang),
        top=top[f"entity_{lang}"],
        value=fmt(top["value"]),
        year=top["year"],
    )
    return Chart(slug, title, fig, observation_table(rows, lang), alt)


def ct_diagnosis_range(rows: pd.DataFrame, lang: str, categories: dict[str, dict[str, str]]) -> Chart:
    """Before/after ranges as floating bars from low to high: a range, not a point."""
    slug = "ct-diagnosis-time-china"
    title, subtitle = t("chart_ct_title", lang), t("chart_ct_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("china_only", lang))
    order = ["before_ai", "with_ai"]
    rows = rows.set_index("category").loc[[c for c in order if c in set(rows["category"])]].reset_index()
    labels = [categories[c][lang] for c in rows["category"]]
    fig = go.Figure(
        go.Bar(
            y=labels,
            x=rows["high"] - rows["low"],
            base=rows["low"],
            orientation="h",
            marker={"color": [theme.PALETTE[1], theme.PALETTE[2]][: len(rows)]},
            text=[f"{fmt(lo)}–{fmt(hi)} min" for lo, hi in zip(rows["low"], rows["high"], strict=True)],
            textposition="outside",
            hovertemplate="%{y}: %{base}–%{x} min<extra></extra>",
            width=0.5,
        )
    )
    fig.update_xaxes(title_text="min", range=[0, rows["high"].max() * 1.3])
    fig.update_yaxes(autorange="reversed")
    fig.update_layout(showlegend=False)
    finish(fig, title, subtitle, source_line(rows, lang))
    by = rows.set_index("category")
    alt = t(
        "alt_ct",
        lang,
        b_low=fmt(by.loc["before_ai", "low"]),
        b_high=fmt(by.loc["before_ai", "high"]),
        a_low=fmt(by.loc["with_ai", "low"]),
        a_high=fmt(by.loc["with_ai", "high"]),
    )
    return Chart(slug, title, fig, observation_table(rows, lang), alt)


def pandemic_people(rows: pd.DataFrame, lang: str) -> Chart:
    """People counts with their "more than" qualifier in the label, never dropped."""
    slug = "pandemic-digital-services-china"
    title, subtitle = t("chart_people_title", lang), t("chart_people_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("china_only", lang))
    labels = rows[f"series_title_{lang}"].tolist()
    fig = go.Figure(
        go.Bar(
            x=labels,
            y=rows["value"],
            marker={"color": [theme.PALETTE[0], theme.PALETTE[5]][: len(rows)]},
            text=[
                _qualified(v, q, lang, " m" if lang == "en" else "百万")
                for v, q in zip(rows["value"], rows["qualifier"], strict=True)
            ],
            textposition="outside",
            hovertemplate="%{x}: %{text}<extra></extra>",
            width=0.5,
        )
    )
    fig.update_yaxes(title_text="m" if lang == "en" else "百万人", range=[0, rows["value"].max() * 1.25])
    fig.update_layout(showlegend=False)
    finish(fig, title, subtitle, source_line(rows, lang))
    by = dict(zip(rows["series_id"], rows["value"], strict=True))
    alt = t(
        "alt_people",
        lang,
        students=fmt(by.get("students_in_remote_education", float("nan"))),
        office=fmt(by.get("remote_office_users", float("nan"))),
    )
    return Chart(slug, title, fig, observation_table(rows, lang), alt)


# --- Participants -------------------------------------------------------------------------------


def representation_tiles(rep: pd.DataFrame, lang: str, selected: list[str]) -> Chart:
    """Schematic tile map: one square per country at its rough position, coloured by the rank of
    its most senior official who took part; a star marks a congratulatory letter from a head of
    government (read out by someone else, so it does not colour the tile). A country that was not
    an ASEAN member at the time (Timor-Leste, 2020) has its own outlined tile, never "not represented".

    No outlines are drawn or fetched: borders here are disputed, and the page must work offline.
    Countries outside the filter stay on the map, faded, so the layout never jumps.
    """
    slug = "representation-tile-map"
    title, subtitle = t("chart_tiles_title", lang), t("chart_tiles_subtitle", lang)
    fig = go.Figure()
    rep = rep.copy()
    rep["top_rank"] = rep["top_rank"].fillna("none")
    dark = {"head_of_government", "secretary_general", "minister"}
    for row in rep.itertuples(index=False):
        chosen = not selected or row.code in selected
        fig.add_shape(
            type="rect",
            x0=row.tile_col - 0.46,
            x1=row.tile_col + 0.46,
            y0=row.tile_row - 0.46,
            y1=row.tile_row + 0.46,
            fillcolor=theme.RANK_COLOURS[row.top_rank],
            opacity=1.0 if chosen else 0.3,
            line={
                "color": theme.INK if chosen and selected else theme.MUTED,
                "width": 2.5 if chosen and selected else 1,
                "dash": "dot" if row.top_rank == "not_member" else "solid",
            },
            layer="below",
        )
    for rank in [*RANKS, "none", "not_member"]:
        grp = rep[rep["top_rank"] == rank]
        if grp.empty:
            continue
        chosen = [not selected or code in selected for code in grp["code"]]
        fig.add_trace(
            go.Scatter(
                x=grp["tile_col"],
                y=grp["tile_row"],
                mode="text",
                name=t(f"rank_{rank}", lang),
                text=[
                    f"<b>{code}</b><br>{name}"
                    for code, name in zip(grp["code"], grp[f"name_{lang}"], strict=True)
                ],
                textfont={
                    "color": [
                        ("#FFFFFF" if rank in dark else theme.INK) if c else theme.MUTED for c in chosen
                    ],
                    "size": 12,
                },
                customdata=grp[[f"names_{lang}"]].to_numpy(),
                hovertemplate="%{text}<br>%{customdata[0]}<extra></extra>",
                showlegend=False,
            )
        )
        fig.add_trace(  # legend swatch only
            go.Scatter(
                x=[None],
                y=[None],
                mode="markers",
                name=t(f"rank_{rank}", lang),
                marker={
                    "symbol": "square",
                    "size": 14,
                    "color": theme.RANK_COLOURS[rank],
                    "line": {"color": theme.INK, "width": 1},
                },
            )
        )
    letters = rep[rep["letter_from_en"].notna()]
    if not letters.empty:
        fig.add_trace(
            go.Scatter(
                x=letters["tile_col"] + 0.3,
                y=letters["tile_row"] - 0.3,
                mode="markers",
                name=t("letter_mark", lang),
                marker={
                    "symbol": "star",
                    "size": 15,
                    "color": theme.LETTER_MARK,
                    "line": {"color": theme.INK, "width": 1},
                },
                customdata=letters[[f"letter_from_{lang}"]].to_numpy(),
                hovertemplate="%{customdata[0]}: "
                + t("role_congratulatory_letter", lang)
                + "<extra></extra>",
            )
        )
    fig.update_xaxes(visible=False, range=[-0.6, rep["tile_col"].max() + 0.6])
    fig.update_yaxes(visible=False, range=[rep["tile_row"].max() + 0.6, -0.6], scaleanchor="x", scaleratio=1)
    fig.update_layout(height=600)
    footer = source_line(rep, lang)
    finish(fig, title, subtitle, footer)
    counts = rep["top_rank"].map(lambda r: t(f"rank_{r}", lang)).value_counts()
    sep = ", " if lang == "en" else "，"
    summary = sep.join(f"{k} {v}" for k, v in counts.items())
    table = rep.drop(columns=[c for c in rep.columns if c.startswith("tile_")])
    alt = t("alt_tiles", lang, n=len(rep), summary=summary)
    return Chart(slug, title, fig, table.reset_index(drop=True), alt)


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
    fig = go.Figure()
    for rank in RANKS:
        grp = people[people["rank"] == rank]
        if grp.empty:
            continue
        counts = grp.groupby(col)["id"].count()
        fig.add_trace(
            go.Bar(
                x=counts.index,
                y=counts.to_numpy(),
                name=t(f"rank_{rank}", lang),
                marker={"color": theme.RANK_COLOURS[rank], "line": {"color": theme.INK, "width": 0.5}},
                hovertemplate="%{x}: %{y}<extra>" + t(f"rank_{rank}", lang) + "</extra>",
            )
        )
    fig.update_layout(barmode="stack")
    fig.update_xaxes(categoryorder="array", categoryarray=order)
    fig.update_yaxes(dtick=1)
    finish(fig, title, subtitle, source_line(people, lang))
    alt = t("alt_by_rank", lang, n=len(people), k=people[col].nunique())
    return Chart(slug, title, fig, people.reset_index(drop=True), alt)


# --- Cooperation agenda -------------------------------------------------------------------------


def proposal_field_matrix(matrix: pd.DataFrame, field_names: dict[str, str], lang: str, footer: str) -> Chart:
    """Proposals × fields heat map of 0/1: which fields each proposal's Chinese text names."""
    slug = "proposal-field-matrix"
    title, subtitle = t("chart_matrix_title", lang), t("chart_matrix_subtitle", lang)
    cols = list(matrix.columns)
    ylabels = [t("proposal_n", lang, n=n) for n in matrix.index]
    xlabels = [field_names[c] for c in cols]
    fig = go.Figure(
        go.Heatmap(
            z=matrix.to_numpy(),
            x=xlabels,
            y=ylabels,
            colorscale=[[0, "#F5F7FA"], [1, theme.ACCENT]],
            showscale=False,
            xgap=3,
            ygap=3,
            hovertemplate="%{y} · %{x}: %{z}<extra></extra>",
        )
    )
    fig.update_yaxes(autorange="reversed", showgrid=False)
    fig.update_xaxes(showgrid=False, tickangle=-35)
    fig.update_layout(height=520, margin={"b": 200})
    finish(fig, title, subtitle, footer)
    fig.layout.annotations[-1].update(yshift=-130)
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
    fig = go.Figure()
    fig.add_trace(
        go.Scatter(
            x=years["year"],
            y=[0] * len(years),
            mode="lines+markers",
            line={"color": theme.GRID, "width": 4},
            marker={"size": [22 if y == highlight else 14 for y in years["year"]], "color": colours},
            hovertext=years[f"name_{lang}"],
            hovertemplate="%{x}: %{hovertext}<extra></extra>",
            showlegend=False,
        )
    )
    for x, label, pos, colour in zip(years["year"], names, positions, colours, strict=True):
        fig.add_annotation(
            x=x,
            y=0,
            text=_wrap(label, 18),
            ay=-50 * pos,
            ax=0,
            showarrow=True,
            arrowcolor=theme.GRID,
            font={"color": colour, "size": 12},
        )
    fig.update_yaxes(visible=False, range=[-1.2, 1.2], rangemode="normal")
    fig.update_xaxes(dtick=1, showgrid=False)
    fig.update_layout(height=380)
    finish(fig, title, subtitle, footer)
    alt = t("alt_timeline", lang, n=len(years), first=years["year"].min(), last=years["year"].max())
    return Chart(slug, title, fig, years.reset_index(drop=True), alt)


# --- Country profile ----------------------------------------------------------------------------


def ranking(rows: pd.DataFrame, lang: str, highlight: str, series_title: str, unit: str) -> Chart:
    """Horizontal bars for one series and year, the chosen country in the accent colour."""
    slug = f"ranking-{rows['series_id'].iloc[0]}-{highlight.lower()}" if not rows.empty else "ranking"
    country_rows = rows[rows["entity"] == highlight]
    name = country_rows[f"entity_{lang}"].iloc[0] if not country_rows.empty else highlight
    title = t("chart_rank_title", lang, series=series_title, country=name)
    year = int(rows["year"].max()) if not rows.empty else 0
    subtitle = f"{unit}, {year}"
    if rows.empty:
        return _empty(slug, title, subtitle, t("no_figures", lang))
    rows = rows.sort_values("value")
    colours = [theme.ACCENT if e == highlight else "#C3CCD5" for e in rows["entity"]]
    fig = go.Figure(
        go.Bar(
            x=rows["value"],
            y=rows[f"entity_{lang}"],
            orientation="h",
            marker={"color": colours},
            text=[fmt(v) for v in rows["value"]],
            textposition="outside",
            hovertemplate="%{y}: %{x}<extra></extra>",
        )
    )
    fig.update_layout(showlegend=False, height=max(320, 60 + 36 * len(rows)))
    finish(fig, title, subtitle, source_line(rows, lang))
    alt = t("alt_rank", lang, n=len(rows), series=series_title, year=year, country=name)
    return Chart(slug, title, fig, observation_table(rows, lang), alt)


# --- World Bank indicators ----------------------------------------------------------------------

REFERENCE_DASH = {"WLD": "dash", "EAS": "dash", "ASEAN10": "dot"}


def _by_year(rows: pd.DataFrame) -> tuple[list[int], pd.DataFrame]:
    """Every year from first to last, one column per entity: a missing year is a gap (NaN), never
    a silent straight line."""
    years = list(range(int(rows["year"].min()), int(rows["year"].max()) + 1))
    return years, rows.pivot(index="year", columns="entity", values="value").reindex(years)


def _year_line(years: list[int], values, name: str, line: dict, **extra) -> dict:
    """One entity's values over the years as a line; a missing year stays a gap."""
    return {
        "type": "scatter",
        "x": years,
        "y": values,
        "name": name,
        "connectgaps": False,
        "line": line,
        "hovertemplate": name + " %{x}: %{y:,.4~r}<extra></extra>",
        **extra,
    }


def _over_years(traces: list[dict], rows: pd.DataFrame, lang: str, *, title: str, subtitle: str, unit: str):
    """The World Bank year-line charts' figure: the traces, the source line, the unit on the y axis."""
    return figure(
        traces,
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        yaxis={"title": {"text": unit}, "tickformat": "~s"},
    )


def indicator_lines(rows: pd.DataFrame, lang: str, *, title: str, unit: str, covered: str = "") -> Chart:
    """One line per country; World and East Asia & Pacific dashed, our ASEAN-10 aggregate dotted."""
    slug = f"{rows['series_id'].iloc[0]}-over-time" if not rows.empty else "indicator-over-time"
    subtitle = f"{unit}; {t('reference_lines', lang)}"
    if rows.empty or rows[~rows["is_group"]].empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=covered))
    years, wide = _by_year(rows)
    names = dict(zip(rows["entity"], rows[f"entity_{lang}"], strict=True))
    derived = set(rows.loc[rows["status"] == "derived", "entity"])
    traces = []
    for i, code in enumerate(dict.fromkeys(rows["entity"])):  # in the rows' order
        label = f"{names[code]} ({t('derived', lang)})" if code in derived else names[code]
        line = {
            "color": theme.colour_for(code, i),
            "width": 2 if code in REFERENCE_DASH else 2.5,
            "dash": REFERENCE_DASH.get(code, "solid"),
        }
        traces.append(
            _year_line(years, wide[code].to_numpy(), label, line, mode="lines+markers", marker={"size": 4})
        )
    fig = _over_years(traces, rows, lang, title=title, subtitle=subtitle, unit=unit)
    shown = rows[~rows["is_group"]]
    alt = t(
        "alt_lines",
        lang,
        series=title,
        countries=entity_names(shown, lang),
        first=years[0],
        last=years[-1],
    )
    return Chart(slug, title, fig, observation_table(rows, lang), alt)


def indicator_ranking(
    rows: pd.DataFrame, lang: str, *, title: str, unit: str, year: int, highlight: list[str]
) -> Chart:
    """Countries ranked for one year; the filtered countries in the accent colour."""
    slug = f"{rows['series_id'].iloc[0]}-ranking-{year}" if not rows.empty else f"ranking-{year}"
    subtitle = f"{unit}, {year}"
    full_title = f"{title}: {t('ranking', lang)} {year}"
    if rows.empty:
        return _empty(slug, full_title, subtitle, t("no_data_year", lang, year=year))
    rows = rows.sort_values("value")
    colours = [theme.ACCENT if (not highlight or e in highlight) else "#C3CCD5" for e in rows["entity"]]
    bar = {
        "type": "bar",
        "x": rows["value"].to_numpy(),
        "y": rows[f"entity_{lang}"].tolist(),
        "orientation": "h",
        "marker": {"color": colours},
        "text": bar_labels(rows["value"], lang),
        "textposition": "outside",
        "hovertemplate": "%{y}: %{x:,.4~r}<extra></extra>",
    }
    fig = figure(
        [bar],
        title=full_title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        xaxis={"tickformat": "~s"},
        showlegend=False,
        height=max(360, 140 + 34 * len(rows)),
    )
    top = rows.iloc[-1]
    alt = t("alt_ranking", lang, n=len(rows), year=year, top=top[f"entity_{lang}"], series=title)
    return Chart(slug, full_title, fig, observation_table(rows, lang), alt)


def china_vs_asean(rows: pd.DataFrame, lang: str, *, title: str, unit: str) -> Chart:
    """China beside our ASEAN-10 aggregate (derived), over time."""
    slug = f"{rows['series_id'].iloc[0]}-china-vs-asean10" if not rows.empty else "china-vs-asean10"
    full_title = f"{title}: {t('china_vs_asean', lang)}"
    subtitle = f"{unit}; {t('asean_derived_note', lang)}"
    if rows.empty or set(rows["entity"]) != {"CHN", "ASEAN10"}:
        return _empty(slug, full_title, subtitle, t("no_aggregate", lang))
    years, wide = _by_year(rows)
    names = dict(zip(rows["entity"], rows[f"entity_{lang}"], strict=True))
    traces = []
    for code in ("CHN", "ASEAN10"):
        name = names[code] + (f" ({t('derived', lang)})" if code == "ASEAN10" else "")
        line = {"color": theme.colour_for(code), "width": 3}
        traces.append(_year_line(years, wide[code].to_numpy(), name, line, mode="lines"))
    fig = _over_years(traces, rows, lang, title=full_title, subtitle=subtitle, unit=unit)
    alt = t("alt_china_asean", lang, series=title, first=years[0], last=years[-1])
    return Chart(slug, full_title, fig, observation_table(rows, lang), alt)


def gmv_to_gdp(rows: pd.DataFrame, lang: str, covered: str = "") -> Chart:
    """Derived GMV ÷ GDP by country (2020), labelled derived and not called a digital-economy share."""
    slug = "internet-economy-gmv-to-gdp-derived"
    title, subtitle = t("chart_gmv_gdp_title", lang), t("chart_gmv_gdp_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=covered))
    rows = rows.sort_values("value", ascending=False)
    fig = go.Figure(
        go.Bar(
            x=rows[f"entity_{lang}"],
            y=rows["value"],
            marker={"color": [theme.colour_for(c) for c in rows["entity"]], "pattern": {"shape": "."}},
            text=[f"{v:.1f}%" for v in rows["value"]],
            textposition="outside",
            hovertemplate="%{x}: %{y:.2f}%<extra>" + t("derived", lang) + "</extra>",
        )
    )
    fig.update_yaxes(title_text="%", ticksuffix="%", range=[0, rows["value"].max() * 1.25])
    fig.update_layout(showlegend=False)
    finish(fig, title, subtitle, source_line(rows, lang))
    top = rows.iloc[0]
    alt = t(
        "alt_gmv_gdp",
        lang,
        countries=entity_names(rows, lang),
        top=top[f"entity_{lang}"],
        value=f"{top['value']:.1f}",
    )
    return Chart(slug, title, fig, observation_table(rows, lang), alt)
