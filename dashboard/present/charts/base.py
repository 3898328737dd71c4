"""What every chart shares: the `Chart` record, number labels, the title and the source line
inside the figure, the project template, the plotted-rows table.

No Streamlit here, so tests call the builders directly. Every figure carries its title, a subtitle
with the unit, and a source line *inside* the figure, so an image saved from it keeps its
provenance. Figures use `plotly.graph_objects` only (plotly.express costs ~50 ms a figure) and
the project template from `theme.py` explicitly (see the black-export trap there).
"""

from __future__ import annotations

import functools
import json
import math
import re
import unicodedata
from dataclasses import dataclass, field
from functools import cached_property

import pandas as pd
import plotly.graph_objects as go
import plotly.io as pio

from dashboard.present import formatting, theme
from dashboard.present.i18n import label, t


class _BuiltOnFirstRead:
    """A dataclass field that may be given as a function: called on first read, then kept.

    A chart's table (the plotted rows with their sources) is read only by the Table, Sources and
    Download tabs and the export routes, but was built with every chart: a quarter of building
    a new filter's charts (profiled under load). A chart made from a checked spec (`spec_chart`)
    makes its figure's objects the same way, only for an export or a test."""

    def __set_name__(self, owner, name: str) -> None:
        self.key = f"_{name}"

    def __get__(self, obj, owner=None):
        if obj is None:
            raise AttributeError(self.key)  # no default: the field stays required
        value = obj.__dict__[self.key]
        if callable(value):
            value = obj.__dict__[self.key] = value()
        return value

    def __set__(self, obj, value) -> None:
        obj.__dict__[self.key] = value


@dataclass
class Chart:
    """A figure with what a reader needs beside it: the plotted rows and a text alternative."""

    slug: str
    title: str
    figure: go.Figure = _BuiltOnFirstRead()  # or a function that builds it on first read
    table: pd.DataFrame = _BuiltOnFirstRead()  # or a function that builds it on first read
    alt: str
    empty_message: str | None = None
    notes: list[str] = field(default_factory=list)
    #: Its countries can be clicked to add them to the filter (or remove them): each clickable
    #: point carries the country's ISO code as the first item of its `customdata`.
    selectable: bool = False

    @property
    def is_empty(self) -> bool:
        return self.empty_message is not None

    @cached_property
    def subtitle(self) -> str:
        """The unit and what the reader must know, under the title (kept in the figure's meta).

        Read from the form the page sends, which every shown chart has: a Plotly property read
        costs ~40 µs, and a chart made from a checked spec need not make its figure at all."""
        return (self.wire_figure.to_dict()["layout"].get("meta") or {}).get("subtitle", "")

    @cached_property
    def source(self) -> str:
        """The source line: publishers, years, licences of the plotted rows."""
        return (self.wire_figure.to_dict()["layout"].get("meta") or {}).get("footer", "")

    @cached_property
    def wire_figure(self) -> go.Figure:
        """The figure as `st.plotly_chart` should receive it: its JSON, read back once.

        `st.plotly_chart` asks a figure for `to_dict()`, which deep-copies the whole figure on
        every rerun (most of the cost of drawing a chart). A cached chart is never changed, so
        its wire form hands over the dict it was built from. Not validated again: it is the JSON
        of a figure Plotly has just validated."""
        return _Wire(json.loads(pio.to_json(self.figure, validate=False)))


class _Wire(go.Figure):
    """A chart's JSON as `st.plotly_chart` takes it: a `Figure` only by type, for Streamlit asks
    a figure for `to_dict()` and nothing else (a dict it would validate again, every rerun).
    Nothing of it is made but that dict: making the figure's objects cost ~1 ms a chart.
    Not a figure to read or change; `Chart.figure` is."""

    def __init__(self, spec: dict):  # no Figure.__init__: none of its objects are wanted
        self._spec = spec

    def to_dict(self) -> dict:
        return self._spec


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


#: Advance widths in em of Liberation Sans (Arial's metrics, so Helvetica's and Arial's too),
#: measured in Chromium (canvas `measureText` at 100 px); ideographs are one em.
_LATIN_EM = {
    "0": 0.56,
    "1": 0.56,
    "2": 0.56,
    "3": 0.56,
    "4": 0.56,
    "5": 0.56,
    "6": 0.56,
    "7": 0.56,
    "8": 0.56,
    "9": 0.56,
    " ": 0.28,
    "!": 0.28,
    '"': 0.35,
    "#": 0.56,
    "$": 0.56,
    "%": 0.89,
    "&": 0.67,
    "'": 0.19,
    "(": 0.33,
    ")": 0.33,
    "*": 0.39,
    "+": 0.58,
    ",": 0.28,
    "-": 0.33,
    ".": 0.28,
    "/": 0.28,
    ":": 0.28,
    ";": 0.28,
    "<": 0.58,
    "=": 0.58,
    ">": 0.58,
    "?": 0.56,
    "@": 1.02,
    "A": 0.67,
    "B": 0.67,
    "C": 0.72,
    "D": 0.72,
    "E": 0.67,
    "F": 0.61,
    "G": 0.78,
    "H": 0.72,
    "I": 0.28,
    "J": 0.5,
    "K": 0.67,
    "L": 0.56,
    "M": 0.83,
    "N": 0.72,
    "O": 0.78,
    "P": 0.67,
    "Q": 0.78,
    "R": 0.72,
    "S": 0.67,
    "T": 0.61,
    "U": 0.72,
    "V": 0.67,
    "W": 0.94,
    "X": 0.67,
    "Y": 0.67,
    "Z": 0.61,
    "[": 0.28,
    "\\": 0.28,
    "]": 0.28,
    "^": 0.47,
    "_": 0.56,
    "`": 0.33,
    "a": 0.56,
    "b": 0.56,
    "c": 0.5,
    "d": 0.56,
    "e": 0.56,
    "f": 0.28,
    "g": 0.56,
    "h": 0.56,
    "i": 0.22,
    "j": 0.22,
    "k": 0.5,
    "l": 0.22,
    "m": 0.83,
    "n": 0.56,
    "o": 0.56,
    "p": 0.56,
    "q": 0.56,
    "r": 0.33,
    "s": 0.5,
    "t": 0.28,
    "u": 0.56,
    "v": 0.5,
    "w": 0.72,
    "x": 0.5,
    "y": 0.5,
    "z": 0.5,
    "{": 0.33,
    "|": 0.26,
    "}": 0.33,
    "~": 0.58,
    "–": 0.56,
    "—": 1,
    "·": 0.28,
    "“": 0.33,
    "”": 0.33,
    "‘": 0.22,
    "’": 0.22,
    "…": 1,
    "×": 0.58,
    "÷": 0.55,
    "é": 0.56,
}


def text_width(text: str, font_px: float, *, bold: bool = False) -> float:
    """How wide `text` is drawn, in pixels, in the dashboard's faces (theme.FONT_FAMILY): Latin from
    the measured table, ideographs and full-width punctuation one em (tests/test_visual.py measures
    the charts this lays out)."""
    width = 0.0
    for ch in text:
        if ch in _LATIN_EM:
            width += _LATIN_EM[ch]
        elif unicodedata.east_asian_width(ch) in ("W", "F"):
            width += 1.0
        else:
            width += 0.6
    return width * font_px * (1.06 if bold else 1.0)


def _split_long(pieces: list[str], width_px: float, font_px: float) -> list[str]:
    """Words wider than a line (a permalink) cut after its `?`, `&` or `/`, or anywhere at last."""
    out = []
    for piece in pieces:
        while text_width(piece, font_px) > width_px:
            cut = max(
                (
                    i + 1
                    for i, ch in enumerate(piece)
                    if ch in "?&/=" and text_width(piece[: i + 1], font_px) <= width_px
                ),
                default=0,
            ) or max(i for i in range(1, len(piece)) if text_width(piece[:i], font_px) <= width_px)
            out.append(piece[:cut])
            piece = piece[cut:]
        out.append(piece)
    return out


CLOSING_PUNCTUATION = frozenset("，。、；：）》」』！？")


def wrap(text: str, width_px: float, font_px: float) -> list[str]:
    """`text` in lines no wider than `width_px` (Plotly does not wrap titles or annotations).
    Breaks at spaces; text without spaces (Chinese) breaks between any two characters, never
    before closing punctuation."""
    lines: list[str] = []
    line = ""
    pieces = re.findall(r"[\u2e80-\uffff]|[^\s\u2e80-\uffff]+|\s+", text)
    for piece in _split_long(pieces, width_px, font_px):
        candidate = line + piece
        if line.strip() and text_width(candidate.rstrip(), font_px) > width_px and not piece.isspace():
            if piece in CLOSING_PUNCTUATION:  # never start a line with closing punctuation
                line = candidate
                continue
            lines.append(line.rstrip())
            line = piece.lstrip()
        else:
            line = candidate
    if line.strip():
        lines.append(line.rstrip())
    return lines or [""]


def figure(
    traces: list[dict], *, title: str, subtitle: str, footer: str, footer_yshift: int | None = None, **layout
) -> go.Figure:
    """The one way a chart is built: its traces and layout as plain dicts, validated by Plotly in
    one pass (about a third of the time of `add_trace` and `update_layout` step by step, which
    matters for charts rebuilt on every new filter). See `_layout` for what every figure gets."""
    layout = _layout(
        traces, title=title, subtitle=subtitle, footer=footer, footer_yshift=footer_yshift, **layout
    )
    return go.Figure(data=traces, layout={**layout, "template": theme.TEMPLATE})


def checked_figure(
    traces: list[dict], *, title: str, subtitle: str, footer: str, footer_yshift: int | None = None, **layout
) -> dict:
    """`figure`'s spec for traces Plotly has checked already (`go.Scatter(...).to_plotly_json()`,
    kept with their data): only the small layout is validated, and the template goes in as the
    JSON it validates to. What `figure` would make (a test compares them), for a fraction of the
    time: validating a dozen lines and the template on every new filter was most of its cost.
    `spec_chart` makes a chart of it."""
    layout = _layout(
        traces, title=title, subtitle=subtitle, footer=footer, footer_yshift=footer_yshift, **layout
    )
    checked = go.Layout(layout).to_plotly_json()
    return {"data": traces, "layout": {**checked, "template": _template_json()}}


def spec_chart(
    slug: str, title: str, spec: dict, table, alt: str, *, wire: dict | None = None, **fields
) -> Chart:
    """A chart of a checked, read-only `spec`: the page sends the spec (as JSON, or `wire` when
    given in that form already) and the figure's objects are made only if something reads them
    (an export, a test). Making them was ~0.5 ms of every new filter's chart, and a cached chart's
    objects were thousands more for each full garbage collection to walk."""
    chart = Chart(slug, title, functools.partial(_SentFigure, spec), table, alt, **fields)
    sent = wire if wire is not None else json.loads(pio.to_json(spec, validate=False))
    chart.__dict__["wire_figure"] = _Wire(sent)
    return chart


@functools.cache
def _template_json() -> dict:
    return theme.TEMPLATE.to_plotly_json()


def _layout(
    traces: list[dict], *, title: str, subtitle: str, footer: str, footer_yshift: int | None, **layout
) -> dict:
    """The layout every figure gets, as a plain dict (without the template).

    The figure holds the plot only; its title, subtitle and source line ride along in
    `layout.meta`. On the page they are HTML, which wraps at any screen width (Plotly wraps no
    text, and a title sized for a desktop was cut on a phone); a file that leaves the page gets
    them drawn inside, wrapped for its width, by `furnished`. `footer_yshift` is how far below the
    plot the source line starts (below long rotated tick labels)."""
    gap = -footer_yshift if footer_yshift is not None else 44 + (22 if _has_title(layout.get("xaxis")) else 0)
    meta = {"title": title, "subtitle": subtitle, "footer": footer, "footer_gap": gap}
    layout = {**layout, "meta": meta}
    shown = [tr for tr in traces if tr.get("name") and tr.get("showlegend", True)]
    if len(shown) >= LONG_LEGEND and layout.get("showlegend", True):
        # A grid of equal entries, each name on at most two short lines, so a long legend wraps at
        # two or more entries a row on a phone (Plotly fits entries to the plot's width, and one
        # long name made it one a row in a scrolled box), and a taller figure for the plot's room.
        for tr in shown:
            tr["name"] = "<br>".join(wrap(str(tr["name"]), LEGEND_ENTRY_PX, LEGEND_PX))
        widest = max(text_width(line, LEGEND_PX) for tr in shown for line in tr["name"].split("<br>"))
        layout["legend"] = {
            "entrywidth": int(widest) + 6,
            "entrywidthmode": "pixels",
            "itemwidth": 30,
            **layout.get("legend", {}),
        }
        layout.setdefault("height", 420 + 22 * math.ceil(len(shown) / 2))
    return layout


def _has_title(axis) -> bool:
    return bool(isinstance(axis, dict) and (axis.get("title") or {}).get("text"))


#: From this many entries a legend is laid out as a grid of equal entries and the figure grows.
LONG_LEGEND = 5
LEGEND_PX = 12
LEGEND_ENTRY_PX = 84


FOOTER_LINE_PX = 15
TITLE_PX, SUBTITLE_PX, FOOTER_PX = 18, 13, 11


def furnished(fig: go.Figure, *, width: int, extra_footer: str = "") -> go.Figure:
    """A copy of `fig` with its title, subtitle and source line (and `extra_footer`, e.g. the
    filter and permalink of an export) drawn inside, wrapped for `width` pixels, and the figure
    made taller by what they take, so the plot keeps its height: what a file that leaves the page
    carries (PNG, SVG, PDF, HTML).

    The margins are set, not left to Plotly's automargin, so the title, legend and source line
    are placed where their size says: the left margin from the longest y label, the top from the
    title's lines and the legend's rows at this width (tests/test_visual.py measures the result)."""
    out = go.Figure(fig)
    meta = dict(out.layout.meta or {})
    default = theme.TEMPLATE.layout.margin
    margin = {side: getattr(out.layout.margin, side) for side in "tblr"}
    margin = {side: value if value is not None else getattr(default, side) for side, value in margin.items()}
    usable = width - 2 * EDGE_PX
    # wrapped a little short of the width: the estimate of a line's width is within a few percent
    title_lines = wrap(meta.get("title", ""), usable * 0.94 / 1.06, TITLE_PX)  # bold
    subtitle_lines = wrap(meta["subtitle"], usable * 0.94, SUBTITLE_PX) if meta.get("subtitle") else []
    text = "<br>".join(f"<b>{line}</b>" for line in title_lines)
    if subtitle_lines:
        lines = "<br>".join(subtitle_lines)
        text += f"<br><span style='font-size:{SUBTITLE_PX}px;color:{theme.MUTED}'>{lines}</span>"
    header = 28 + 24 * len(title_lines) + 18 * len(subtitle_lines)
    left = max(margin["l"], EDGE_PX + _y_labels_width(out))
    plot_width = width - left - margin["r"]
    legend = _legend_height(out, plot_width)
    footer_text = " · ".join(x for x in (meta.get("footer", ""), extra_footer) if x)
    footer_lines = wrap(footer_text, usable * 0.94, FOOTER_PX) if footer_text else []
    # below rotated category labels when they do not fit side by side at this width
    gap = max(int(meta.get("footer_gap", 48)), _x_labels_depth(out, plot_width) + 30)
    plot_height = (out.layout.height or theme.EXPORT_HEIGHT) - margin["t"] - margin["b"]
    top = header + (legend + 8 if legend else 12)
    bottom = max(margin["b"], gap + FOOTER_LINE_PX * len(footer_lines) + 16)
    annotations = list(out.layout.annotations)
    if footer_lines:
        annotations.append(
            go.layout.Annotation(
                text="<br>".join(footer_lines),
                xref="paper",
                yref="paper",
                x=0,
                y=0,
                yshift=-gap,
                xanchor="left",
                yanchor="top",
                xshift=EDGE_PX - left,
                showarrow=False,
                align="left",
                font={"size": FOOTER_PX, "color": theme.MUTED},
                name="source-line",
            )
        )
    out.update_layout(
        title={
            "text": text,
            "x": EDGE_PX / width,
            "xanchor": "left",
            "xref": "container",
            "y": 1,
            "yref": "container",
            "yanchor": "top",
            "pad": {"t": 20},
        },
        margin={"t": top, "b": bottom, "l": left},
        height=int(plot_height + top + bottom),
        annotations=annotations,
        yaxis={"automargin": False},
        legend={"y": 1, "yanchor": "bottom", "yref": "paper"},
    )
    return out


EDGE_PX = 12  # the file's own margin around its text
TICK_PX = 13  # tick labels (the template's font size)


def _y_labels_width(fig: go.Figure) -> int:
    """How wide the y axis's labels and title are drawn: categories by name, numbers as the axis
    writes them (its own tick text, or the values with the axis's suffix)."""
    axis = fig.layout.yaxis
    if axis.visible is False:
        return 0
    labels: list[str] = []
    if axis.ticktext:
        labels = [str(x) for x in axis.ticktext]
    else:
        for trace in fig.data:
            values = getattr(trace, "y", None)
            if values is None:
                continue
            for v in values:
                if isinstance(v, str):
                    labels.append(v)
                elif v is not None and v == v:
                    labels.append(f"{float(v):,.0f}{axis.ticksuffix or ''}")
    widest = max((text_width(line, TICK_PX) for label in labels for line in label.split("<br>")), default=0)
    title = 26 if axis.title and axis.title.text else 0
    return int(widest + title + 14)


def _x_labels_depth(fig: go.Figure, plot_width: float) -> int:
    """How far a category axis's labels reach below the plot: one line when they fit side by
    side, else turned 30 degrees as Plotly turns them (half their length, plus a line)."""
    labels = list(
        dict.fromkeys(
            str(x)
            for tr in fig.data
            if tr.type == "bar" and tr.orientation != "h" and tr.x is not None
            for x in tr.x
            if isinstance(x, str)
        )
    )
    if not labels:
        return 0
    widest = max(text_width(label, TICK_PX) for label in labels)
    if widest + 8 <= plot_width / len(labels):
        return 0
    return int(widest * 0.5 + 14)


def _legend_height(fig: go.Figure, plot_width: float) -> int:
    """How tall the legend is drawn above the plot at this width (0 without one): Plotly lays
    entries out in rows of equal entries when `entrywidth` is set, of the widest otherwise."""
    shown = [
        tr
        for tr in fig.data
        if tr.name and tr.showlegend is not False and getattr(tr, "visible", True) is not False
    ]
    # Plotly draws a legend when the figure has two traces or more, even if only one is listed
    if (
        fig.layout.showlegend is False
        or not shown
        or (len(fig.data) < 2 and fig.layout.showlegend is not True)
    ):
        return 0
    lines = [str(tr.name).split("<br>") for tr in shown]
    entry = fig.layout.legend.entrywidth or max(
        text_width(line, LEGEND_PX) for name in lines for line in name
    )
    per_row = max(1, int(plot_width // (entry + 45)))
    row = 19 * max(len(name) for name in lines)
    return math.ceil(len(shown) / per_row) * row + 8


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
        "edition",
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


def qualifier_words(lang: str) -> dict[str, str]:
    """The speaker's qualifiers in the reader's language, for `formatting.qualified`."""
    return {"more_than": t("more_than", lang), "about": t("about_qualifier", lang)}


def entity_names(rows: pd.DataFrame, lang: str) -> str:
    """The entities in `rows`, named in the reader's language (for alt texts and empty states)."""
    names = sorted(set(rows[f"entity_{lang}"])) if not rows.empty else []
    return formatting.join(names, lang)


#: Fewer entities than this make no ranking: a bar chart of one or two bars says less than a sentence.
MIN_TO_RANK = 3
BAR_PX = 30  # plot height per bar: room for the bar, its label and the gap


def too_few_to_rank(rows: pd.DataFrame, lang: str) -> str | None:
    """The sentence that replaces a ranking of fewer than `MIN_TO_RANK` entities (None if enough):
    "Only Singapore has a value for 2022: 17.3 percent of GDP"."""
    if len(rows) >= MIN_TO_RANK or rows.empty:
        return None
    decimals = formatting.decimals_of(rows)
    values = formatting.join(
        [
            f"{name} {label}"
            for name, label in zip(
                rows[f"entity_{lang}"], formatting.labels(rows["value"], lang, decimals), strict=True
            )
        ],
        lang,
    )
    return t(
        "too_few_to_rank",
        lang,
        n=len(rows),
        year=int(rows["year"].max()),
        values=values,
        unit=rows[f"unit_{lang}"].iloc[0],
    )


RANKED_OUT = "#C3CCD5"  # a ranking's bar outside the filter


def highlighted(base: Chart, chosen, *, subtitle: str) -> Chart:
    """`base`, a ranking of every country, with the countries in `chosen` in the accent colour (all
    when none is chosen) and another subtitle: the same figure otherwise, made from its wire form
    without building it again (a new filter's ranking: ~4 ms to ~0.1 ms).

    Only the bars' colours and the subtitle change with the filter; the rest of the spec is shared,
    read-only, with `base` (cached charts are never changed)."""
    spec = base.wire_figure.to_dict()
    bars = spec["data"][0]
    codes = [row[0] for row in bars["customdata"]]
    chosen = set(chosen) or set(codes)
    colours = [theme.ACCENT if code in chosen else RANKED_OUT for code in codes]
    layout = {**spec["layout"], "meta": {**spec["layout"]["meta"], "subtitle": subtitle}}
    data = [{**bars, "marker": {**bars["marker"], "color": colours}}, *spec["data"][1:]]
    sent = {"data": data, "layout": layout}  # in its wire form already: nothing to convert
    # the same rows: `base`'s table, read (and built, if it never was) only when this one's is
    return spec_chart(
        base.slug, base.title, sent, lambda: base.table, base.alt, wire=sent, selectable=base.selectable
    )


def ranking_bars(rows: pd.DataFrame, lang: str, chosen, *, title: str, subtitle: str, **layout) -> go.Figure:
    """Countries as horizontal bars, smallest at the bottom, those in `chosen` in the accent
    colour: the one ranking figure (Country profile and the World Bank pages). Its height comes
    from the number of bars (`BAR_PX` each, a plot at least 200 px high); the names' margin from
    the longest name (Plotly's automargin)."""
    rows = rows.sort_values("value")
    bar = {
        "type": "bar",
        "x": rows["value"].to_numpy(),
        "y": rows[f"entity_{lang}"].tolist(),
        "orientation": "h",
        "marker": {"color": [theme.ACCENT if e in chosen else RANKED_OUT for e in rows["entity"]]},
        "text": formatting.labels(rows["value"], lang, formatting.decimals_of(rows)),
        "textposition": "outside",
        "cliponaxis": False,
        "customdata": rows[["entity"]].to_numpy(),  # the country a click adds to the filter
        "hovertemplate": "%{y}: %{text}<extra></extra>",
    }
    margin = theme.TEMPLATE.layout.margin
    height = margin.t + margin.b + max(200, BAR_PX * len(rows))
    return figure(
        [bar],
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        showlegend=False,
        height=height,
        yaxis={"dtick": 1, "ticklabelstandoff": 4},
        margin={"r": 64},  # the largest bar's label sits outside its bar
        **layout,
    )
