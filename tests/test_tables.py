"""Tables a reader reads: the Table tab's wide form at the series' precision, the Sources tab in words."""

from __future__ import annotations

import pytest

from dashboard.data import frames
from dashboard.present import tables
from dashboard.present.charts.base import observation_table
from dashboard.present.i18n import column_label, t


@pytest.fixture(scope="module")
def obs(catalogue):
    return frames.observations(catalogue)


def test_wide_table_rounds_as_the_chart_labels_do(obs):
    rows = obs[(obs["series_id"] == "research_and_development_expenditure_percent_of_gdp") & ~obs["is_group"]]
    wide = tables.wide(observation_table(rows, "en"), "en")
    values = wide.drop(columns=t("col_country", "en")).stack().dropna()
    assert len(values) > 20
    assert all(round(v, 2) == v for v in values)  # decimal_places: 2 in the metadata
    assert not all(round(v, 1) == v for v in values)  # and not fewer


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_sources_tab_names_publisher_title_date_licence_and_link(obs, lang):
    rows = obs[obs["series_id"] == "internet_economy_gmv"]
    summary = tables.sources_summary(observation_table(rows, lang), lang)
    assert list(summary.columns) == [
        column_label("source_publisher", lang),
        t("col_source_title", lang),
        column_label("source_date", lang),
        column_label("source_licence", lang),
        column_label("source_url", lang),
        column_label("rows", lang),
        t("col_status", lang),
    ]
    assert summary[column_label("rows", lang)].sum() == len(rows)
    assert summary[column_label("source_url", lang)].str.startswith("http").all()
    text = summary.drop(columns=[column_label("rows", lang)]).astype(str)
    assert not text.isin(["None", "nan", "NaN"]).any().any()
    statuses = " ".join(summary[t("col_status", lang)])
    assert "verified" not in statuses if lang == "zh" else "verified" in statuses  # words, not enum codes


def test_sources_summary_is_none_without_sources():
    import pandas as pd

    assert tables.sources_summary(pd.DataFrame({"entity": ["VNM"], "value": [1.0]}), "en") is None


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_country_profiles_world_bank_table_rounds_each_series_to_its_precision(obs, lang):
    table = tables.sparkline_table(obs, "SGP", lang)
    latest = dict(zip(table["series_id"], table[t("col_latest", lang)], strict=True))
    assert latest["gdp_current_usd"] == round(latest["gdp_current_usd"])  # not 3,869,516,998.738
    assert latest["mobile_cellular_subscriptions_per_100_people"] == round(
        latest["mobile_cellular_subscriptions_per_100_people"], 1
    )
    assert table[t("col_unit", lang)].notna().all()
    assert (table[t("source", lang)] == ("世界银行" if lang == "zh" else "World Bank")).all()
