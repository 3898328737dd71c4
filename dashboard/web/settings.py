"""The year charts' settings, as Our World in Data's Grapher names them in the URL: the years shown
(`?time=2010..2020`, `?time=2015`), values as reported or as change since the first year
(`?stackMode=relative`), a linear or log axis (`?yScale=log`), and a partner drawn for comparison
whatever the filter (`?compare=CHN`). One set of widgets for every page that has a year chart."""

from __future__ import annotations

import streamlit as st

from dashboard.present import views
from dashboard.present.i18n import t
from dashboard.web.state import url_choice, url_flag, url_key, url_range


def year_chart_settings(
    years: list[int],
    ranges: list[str],
    lang: str,
    *,
    default: tuple[int, int] | None = None,
    fallback: tuple[int, int] | None = None,
    partner: tuple[str, str] | None = None,
    partner_shown: bool = False,
) -> dict[str, str]:
    """Draw the settings and return them as the page view's choices (defaults as "" or the
    first option). `default` is the years shown without a `time` key (all of them unless
    given); `partner` is (code, name) when the chart can add one, and `partner_shown` when the
    filter already draws it (the switch then has nothing to add, and says so)."""
    time = url_range("time", years, ranges, t("time_range", lang), default or (years[0], years[-1]), fallback)
    settings = {"time": time}
    # The rest behind one Settings button, as Grapher has them: its widgets are drawn only while
    # it is open (three elements fewer on every rerun: a tenth of a filter change's server time,
    # profiled under load); closed, each setting keeps its value and its key in the link.
    popover = st.popover(
        t("chart_settings", lang), icon=":material/tune:", key=url_key("settings"), on_change="rerun"
    )
    drawn = popover.open
    for param, options, label_key in (
        ("stackMode", views.STACK_MODES, "stack_mode"),
        ("yScale", views.Y_SCALES, "y_scale"),
    ):
        settings[param] = url_choice(
            param,
            options,
            options[0],
            popover.segmented_control,
            t(label_key, lang),
            drawn=drawn,
            format_func=lambda v, k=label_key: t(f"{k}_{v}", lang),
            required=True,
        )
    if partner:
        with popover:
            settings["compare"] = url_flag(
                "compare",
                partner[0],
                t("compare_with", lang, partner=partner[1]),
                disabled=partner_shown,
                help=t("partner_in_filter", lang, partner=partner[1]) if partner_shown else None,
                drawn=drawn,
            )
    return settings
