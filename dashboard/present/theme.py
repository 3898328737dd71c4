"""Colours, fonts and the Plotly template: the only place for them.

Every figure gets this template explicitly. Importing Streamlit sets Plotly's default template to
"streamlit", whose placeholder colours only its front end replaces, so an exported image would come
out black (plotly.py#4261). Rendering with `theme=None` keeps the screen and the exports identical.
"""

from __future__ import annotations

import plotly.graph_objects as go

#: A Latin face first, then CJK faces: the browser takes each character from the first family that
#: has it, so Latin letters and digits come from Helvetica/Arial (Liberation Sans, Arial's metric
#: twin, on Linux and in kaleido exports) and Chinese from the CJK face. With the CJK face first,
#: Chromium's PDF writer gave its digits no text mapping: a PDF's "CC BY 4.0" copied as "CC BY ."
#: (see tests/test_exports.py). `scripts/setup.sh` installs Liberation Sans and Noto Sans CJK.
FONT_FAMILY = (
    '"Helvetica Neue", Arial, "Liberation Sans", "Noto Sans CJK SC", "Noto Sans SC", '
    '"Source Han Sans SC", "PingFang SC", "Microsoft YaHei", sans-serif'
)

INK = "#1F2933"
MUTED = "#5F6B76"
GRID = "#E4E7EB"
BACKGROUND = "#FFFFFF"
ACCENT = "#0F5C8C"
#: The star on the tile map for a congratulatory letter: warm, so it stands apart from the blue ranks.
LETTER_MARK = "#E6A100"

#: Okabe–Ito: distinguishable with the common colour-vision deficiencies.
PALETTE = ["#0072B2", "#E69F00", "#009E73", "#D55E00", "#CC79A7", "#56B4E9", "#F0E442", "#000000"]

#: Fixed colour per country, so a country keeps its colour on every chart and page.
COUNTRY_ORDER = ["CHN", "BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "VNM"]
_COUNTRY_COLOURS = [
    "#D55E00",
    "#999933",
    "#882255",
    "#0072B2",
    "#44AA99",
    "#E69F00",
    "#AA4499",
    "#56B4E9",
    "#009E73",
    "#CC79A7",
    "#332288",
]
COUNTRY_COLOURS = dict(zip(COUNTRY_ORDER, _COUNTRY_COLOURS, strict=True))
REFERENCE_COLOURS = {"WLD": "#5F6B76", "EAS": "#9AA5B1", "ASEAN10": "#0F5C8C", "ASEAN6": "#0F5C8C"}

#: Sequential scale for representatives' rank (darker = more senior).
RANK_COLOURS = {
    "head_of_government": "#08306B",
    "secretary_general": "#2171B5",
    "minister": "#4292C6",
    "deputy_minister": "#9ECAE1",
    "senior_official": "#DEEBF7",
    "none": "#F0F0F0",
    "not_member": "#FFFFFF",
}

#: How an observation's kind is drawn: projections and targets never look like actual values.
KIND_DASH = {"actual": "solid", "estimate": "solid", "projection": "dash", "target": "dot"}
KIND_OPACITY = {"actual": 1.0, "estimate": 0.85, "projection": 0.45, "target": 0.45}
KIND_PATTERN = {"actual": "", "estimate": "", "projection": "/", "target": "x"}


def colour_for(code: str, index: int = 0) -> str:
    return COUNTRY_COLOURS.get(code) or REFERENCE_COLOURS.get(code) or PALETTE[index % len(PALETTE)]


TEMPLATE = go.layout.Template(
    layout=go.Layout(
        font={"family": FONT_FAMILY, "size": 13, "color": INK},
        title={"font": {"size": 18, "color": INK}, "x": 0.012, "xanchor": "left", "y": 0.97},
        paper_bgcolor=BACKGROUND,
        plot_bgcolor=BACKGROUND,
        colorway=PALETTE,
        # The plot only: its title, subtitle and source line are HTML on the page and drawn in the
        # top and bottom margins of an exported file (charts.base.furnished). Axes grow their
        # margin to fit their longest label (automargin), so no name is cut.
        margin={"l": 16, "r": 24, "t": 36, "b": 48},
        xaxis={
            "gridcolor": GRID,
            "linecolor": MUTED,
            "zeroline": False,
            "ticks": "outside",
            "automargin": True,
        },
        yaxis={
            "gridcolor": GRID,
            "linecolor": MUTED,
            "zeroline": False,
            "rangemode": "tozero",
            "automargin": True,
        },
        legend={"orientation": "h", "y": 1.0, "yanchor": "bottom", "x": 0, "font": {"size": 12}},
        hoverlabel={"font": {"family": FONT_FAMILY}},
    )
)

#: Export size for static images (pixels at scale 1; PNG is exported at 2×).
EXPORT_WIDTH, EXPORT_HEIGHT = 1000, 600
