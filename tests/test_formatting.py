"""Numbers read right in both languages: Babel's patterns, 万/亿 in Chinese, no exponent, no SI."""

from __future__ import annotations

import re

import pytest
from hypothesis import given
from hypothesis import strategies as st

from dashboard.present import formatting

UNITS = {"k": 1e3, "m": 1e6, "bn": 1e9, "tn": 1e12, "万": 1e4, "亿": 1e8, "万亿": 1e12}


def parse(text: str) -> float:
    """A compact label back to a number (the reader's reading of it)."""
    match = re.fullmatch(r"(-?[\d,]+(?:\.\d+)?)\s?(k|m|bn|tn|万亿|万|亿)?", text)
    assert match, f"not a plain compact number: {text!r}"
    return float(match.group(1).replace(",", "")) * UNITS.get(match.group(2) or "", 1.0)


@pytest.mark.parametrize(
    ("values", "lang", "expected"),
    [
        ([160.639, 170.78, 9.5], "en", ["161", "171", "10"]),
        ([12.345, 3.2], "en", ["12.3", "3.2"]),
        ([0.034, 0.51], "zh", ["0.03", "0.51"]),
        ([2500.0, 120.0], "en", ["2.5 k", "120"]),
        ([2500.0, 120.0], "zh", ["2,500", "120"]),
        # the audit's case: `.3g` then ÷ 万 wrote 9.97e+03万
        ([1.41e9, 2.77e8, 9.97e7, 7.18e7], "zh", ["14.1亿", "2.77亿", "9970万", "7180万"]),
        ([1.41e9, 2.77e8, 9.97e7, 7.18e7], "en", ["1.41 bn", "277 m", "99.7 m", "71.8 m"]),
    ],
)
def test_one_charts_labels_share_one_precision(values, lang, expected):
    assert formatting.labels(values, lang) == expected


@pytest.mark.parametrize(
    ("value", "zh", "en"),
    [
        (6.04e11, "6040亿", "604 bn"),
        (1.8e13, "18万亿", "18 tn"),
        (12345, "1.23万", "12.3 k"),
        (2e8, "2亿", "200 m"),
    ],
)
def test_compact_numbers_in_each_language(value, zh, en):
    assert formatting.compact(value, "zh") == zh and formatting.compact(value, "en") == en


def test_lists_read_as_each_language_writes_them():
    assert formatting.join(["越南", "泰国", "印度尼西亚"], "zh") == "越南、泰国和印度尼西亚"
    assert formatting.join(["Viet Nam", "Thailand"], "en") == "Viet Nam and Thailand"


def test_qualifiers_are_kept():
    words = {"more_than": "超过"}
    assert formatting.qualified(2e8, "more_than", "zh", words) == "超过2亿"
    assert formatting.qualified(2e8, "more_than", "en", {"more_than": "more than"}) == "more than 200 m"
    # below the compact range, at the series' own precision (982.3 billion, not 982)
    assert formatting.qualified(982.3, "exact", "en", {}, 1) == "982.3"
    assert formatting.qualified(7, "about", "zh", {"about": "约"}, 2) == "约7"


@given(value=st.floats(min_value=1e-3, max_value=1e13), lang=st.sampled_from(["en", "zh"]))
def test_compact_never_writes_an_exponent_or_an_si_suffix_and_reads_back(value, lang):
    text = formatting.compact(value, lang)
    assert "e+" not in text and "e-" not in text and not re.search(r"[GKMBT]$", text), text
    # three significant digits, so the reading is within half a unit of the third digit (0.5 %),
    # or within a thousandth for the small values shown with three decimals at most
    assert abs(parse(text) - value) <= max(value * 0.005, 0.0005) + 1e-12, (value, text)


@pytest.mark.parametrize(
    ("values", "lang", "expected"),
    [
        ([1.41e9, 2.77e8], "zh", ["0", "5亿", "10亿", "15亿"]),
        ([8e9, 6.8e9], "en", ["0", "2 bn", "4 bn", "6 bn", "8 bn"]),
        ([0.2, 1.0, 2.4], "en", ["0.0", "0.5", "1.0", "1.5", "2.0", "2.5"]),  # not 0, 500m, 1
    ],
)
def test_axes_are_labelled_by_this_module_not_by_si_prefixes(values, lang, expected):
    assert formatting.axis(values, lang)["ticktext"] == expected


@pytest.mark.parametrize(
    ("values", "lang", "decimals", "expected"),
    [
        ([7.1, 124.0, 11.4], "en", 1, ["7.1", "124", "11.4"]),  # GMV, US$ bn: one decimal at most
        ([0.234, 1.5], "zh", 2, ["0.23", "1.5"]),  # R&D, % of GDP
        ([118.13, 2.9], "en", 0, ["118", "3"]),
        ([2.77e8, 1.41e9], "zh", 0, ["2.77亿", "14.1亿"]),  # the compact range ignores decimals
    ],
)
def test_labels_use_the_series_precision_from_its_metadata(values, lang, decimals, expected):
    assert formatting.labels(values, lang, decimals) == expected


@pytest.mark.parametrize("lang", ["en", "zh"])
def test_every_shipped_value_reads_back_within_its_series_precision(catalogue, lang):
    """Every value in `data/`, labelled as its chart labels it (its series' `decimal_places`):
    no exponent, no SI suffix, and the reader's reading is within half the last shown digit (or
    0.5 % for compact forms, three significant digits)."""
    problems = []
    for series in catalogue.series:
        values = [o.value for o in series.observations if o.value is not None]
        for value, text in zip(values, formatting.labels(values, lang, series.decimal_places), strict=True):
            if re.search(r"e[+-]|[GKMBT]$", text):
                problems.append(f"{series.id}: {value} -> {text}")
                continue
            tolerance = max(abs(value) * 0.005, 0.5 * 10**-series.decimal_places) + 1e-9
            if abs(parse(text) - value) > tolerance:
                problems.append(f"{series.id}: {value} -> {text}")
    assert not problems, "\n".join(problems[:20])


def test_decimals_travel_with_the_plotted_table(catalogue):
    from dashboard.data import frames
    from dashboard.present.charts.base import observation_table

    obs = frames.observations(catalogue)
    rows = obs[obs["series_id"] == "research_and_development_expenditure_percent_of_gdp"]
    table = observation_table(rows, "en")
    assert formatting.decimals_of(table) == 2
    assert "decimal_places" not in table.columns  # the downloads keep every digit, no metadata column
