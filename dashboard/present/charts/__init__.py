"""Pure chart builders, one module per page group: tidy DataFrame (+ language) → `Chart` (Plotly
figure, plotted rows, text description). `base` holds what they all share."""

from dashboard.present.charts.agenda import proposal_field_matrix, theme_year_timeline
from dashboard.present.charts.base import (
    Chart,
    entity_names,
    figure,
    furnished,
    highlighted,
    observation_table,
    qualifier_words,
    source_line,
    text_width,
    wrap,
)
from dashboard.present.charts.country import ranking
from dashboard.present.charts.economy import (
    ct_diagnosis_range,
    gmv_by_country,
    gmv_revisions,
    gmv_share_of_gdp,
    gmv_to_gdp,
    national_digital_share,
    pandemic_people,
)
from dashboard.present.charts.indicators import (
    REFERENCE_DASH,
    LineSet,
    china_vs_asean,
    indicator_lines,
    indicator_ranking,
    ranking_subtitle,
)
from dashboard.present.charts.participants import RANKS, officials_by_rank, representation_tiles
from dashboard.present.charts.timeline import milestone_timeline, trade_by_year

__all__ = [
    "Chart",
    "RANKS",
    "REFERENCE_DASH",
    "china_vs_asean",
    "ct_diagnosis_range",
    "entity_names",
    "figure",
    "furnished",
    "gmv_by_country",
    "gmv_revisions",
    "gmv_share_of_gdp",
    "gmv_to_gdp",
    "highlighted",
    "LineSet",
    "indicator_lines",
    "indicator_ranking",
    "milestone_timeline",
    "national_digital_share",
    "observation_table",
    "officials_by_rank",
    "pandemic_people",
    "proposal_field_matrix",
    "qualifier_words",
    "ranking",
    "ranking_subtitle",
    "representation_tiles",
    "source_line",
    "text_width",
    "theme_year_timeline",
    "trade_by_year",
    "wrap",
]
