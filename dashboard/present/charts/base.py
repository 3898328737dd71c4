"""What every chart shares: the `Chart` record, number labels, the title and the source line
inside the figure, the project template, the plotted-rows table.

No Streamlit here, so tests call the builders directly. Every figure carries its title, a subtitle
with the unit, and a source line *inside* the figure, so an image saved from it keeps its
provenance. Figures use `plotly.graph_objects` only (plotly.express costs ~50 ms a figure) and
the project template from `theme.py` explicitly (see the black-export trap there).
"""

from __future__ import annotations

import json
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.present import formatting, theme
from dashboard.present.i18n import label, t


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


def source_line(table: pd.DataFrame, lang: str) -> str:
    """`Source: Publisher (2020); Other (n.d.) · Licence: …` from the plotted rows themselves."""
    if table.empty or "source_publisher" not in table:
        return ""
    column = "source_publisher_zh" if lang == "zh" and "source_publisher_zh" in table else "source_publisher"
    parts = dict.fromkeys(  # in the rows' order, each once
        t("source_year", lang, publisher=publisher, year=date[:4])
        if isinstance(date, str) and date
        else str(publisher)
        for publisher, date in dict.fromkeys(zip(table[column], table["source_date"], strict=True))
        if isinstance(publisher, str)  # a row with nothing behind it (a tile with no official) cites none
    )
    licence_column = (
        "source_licence_zh" if lang == "zh" and "source_licence_zh" in table else "source_licence"
    )
    licences = sorted({x for x in table[licence_column] if isinstance(x, str)})
    text = label("source", lang) + t("list_separator", lang).join(parts)
    if licences:
        text += " · " + label("licence", lang) + t("list_separator", lang).join(licences)
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


def figure(
    traces: list[dict], *, title: str, subtitle: str, footer: str, footer_yshift: int | None = None, **layout
) -> go.Figure:
    """The one way a chart is built: its traces and layout as plain dicts, then the furniture every
    chart carries (the project template, title with subtitle, the source line inside the figure),
    validated by Plotly in one pass. About a third of the time of building a figure step by step
    (`add_trace`, `update_layout`), which matters for charts rebuilt on every new filter.
    `footer_yshift` moves the source line further down, below long rotated tick labels."""
    layout = {**layout, "template": theme.TEMPLATE, "title": _title(title, subtitle)}
    if footer:  # the source line goes after any annotation the chart has of its own
        source = footer_annotation(footer, name="source-line", line=0)
        if footer_yshift is not None:
            source["yshift"] = footer_yshift
        layout["annotations"] = [*layout.get("annotations", []), source]
    return go.Figure(data=traces, layout=layout)


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
    message_note = {"text": message, "x": 0.5, "y": 0.5, "xref": "paper", "yref": "paper", "showarrow": False}
    fig = figure(
        [],
        title=title,
        subtitle=subtitle,
        footer="",
        annotations=[message_note],
        xaxis={"visible": False},
        yaxis={"visible": False},
    )
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
        "source_title",
        "source_url",
        "source_date",
        "source_licence",
    ]
    cols = [c for c in cols if c in rows.columns]
    out = rows[cols].sort_values(["entity", "year"]).reset_index(drop=True).dropna(axis=1, how="all")
    # The series' precision travels with the table (not as a column: the downloads keep every
    # digit), so the Table tab rounds as the chart's labels do.
    out.attrs["decimal_places"] = formatting.decimals_of(rows)
    return out


def entity_names(rows: pd.DataFrame, lang: str) -> str:
    """The entities in `rows`, named in the reader's language (for alt texts and empty states)."""
    names = sorted(set(rows[f"entity_{lang}"])) if not rows.empty else []
    return formatting.join(names, lang)


def ranking_bars(
    rows: pd.DataFrame, lang: str, chosen, *, title: str, subtitle: str, height: int, **layout
) -> go.Figure:
    """Countries as horizontal bars, smallest at the bottom, those in `chosen` in the accent
    colour: the one ranking figure (Country profile and the World Bank pages)."""
    rows = rows.sort_values("value")
    bar = {
        "type": "bar",
        "x": rows["value"].to_numpy(),
        "y": rows[f"entity_{lang}"].tolist(),
        "orientation": "h",
        "marker": {"color": [theme.ACCENT if e in chosen else "#C3CCD5" for e in rows["entity"]]},
        "text": formatting.labels(rows["value"], lang, formatting.decimals_of(rows)),
        "textposition": "outside",
        "hovertemplate": "%{y}: %{text}<extra></extra>",
    }
    return figure(
        [bar],
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        showlegend=False,
        height=height,
        **layout,
    )
