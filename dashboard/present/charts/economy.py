"""Overview and Digital economy charts: internet-economy GMV (share of GDP, by country, ÷ GDP),
national digital-economy shares, and the pandemic figures from the seed."""

from __future__ import annotations

import pandas as pd

from dashboard.present import formatting, theme
from dashboard.present.charts.base import (
    Chart,
    _empty,
    entity_names,
    figure,
    observation_table,
    qualifier_words,
    source_line,
    wrap,
)
from dashboard.present.i18n import t


def gmv_share_of_gdp(rows: pd.DataFrame, lang: str) -> Chart:
    """SEA internet-economy GMV ÷ GDP: actual values solid, the projection dashed and labelled."""
    slug = "internet-economy-gmv-share-of-gdp"
    title, subtitle = t("chart_share_title", lang), t("chart_share_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered="ASEAN-6"))
    rows = rows.sort_values("year")
    actual = rows[rows["kind"].isin(["actual", "estimate"])]
    ahead = rows[rows["kind"].isin(["projection", "target"])]
    name = rows[f"entity_{lang}"].iloc[0]
    traces = [
        {
            "type": "scatter",
            "x": actual["year"],
            "y": actual["value"],
            "mode": "lines+markers+text",
            "name": f"{name} ({t('actual', lang)})",
            "line": {"color": theme.ACCENT, "width": 3},
            "text": [f"{formatting.number(v, lang)}%" for v in actual["value"]],
            "textposition": "top center",
            "cliponaxis": False,  # the first label sits at the plot's left edge
            "hovertemplate": "%{x}: %{y}%<extra></extra>",
        }
    ]
    if not ahead.empty:
        bridge = pd.concat([actual.tail(1), ahead])
        traces.append(
            {
                "type": "scatter",
                "x": bridge["year"],
                "y": bridge["value"],
                "mode": "lines+markers+text",
                "name": f"{name} ({t('projection', lang)})",
                "line": {"color": theme.ACCENT, "width": 3, "dash": "dash"},
                "marker": {"symbol": ["circle"] + ["circle-open"] * len(ahead), "size": 10},
                "text": [""]
                + [
                    # on short lines, to the left of its point: it fits a phone's width too
                    "<br>".join(
                        wrap(
                            f"{formatting.number(v, lang)}% "
                            f"({t('share_quoted_projection' if status == 'as_quoted' else 'projection', lang)})",
                            200,
                            12,
                        )
                    )
                    for v, status in zip(ahead["value"], ahead["status"], strict=True)
                ],
                "textposition": "top left",
                "hovertemplate": "%{x}: %{y}%<extra>" + t("projection", lang) + "</extra>",
            }
        )
    table = observation_table(rows, lang)
    fig = figure(
        traces,
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        yaxis={
            "title": {"text": t("axis_percent_of_gdp", lang)},
            "ticksuffix": "%",
            "range": [0, max(rows["value"]) * 1.25],
        },
        xaxis={"dtick": 1 if rows["year"].max() - rows["year"].min() < 6 else 2},
    )
    by_year = dict(zip(rows["year"], rows["value"], strict=True))
    alt = t(
        "alt_share",
        lang,
        v2015=formatting.number(by_year.get(2015, float("nan")), lang),
        v2018=formatting.number(by_year.get(2018, float("nan")), lang),
        v2025=formatting.number(by_year.get(2025, float("nan")), lang),
    )
    return Chart(slug, title, fig, table, alt)


def editions_note(rows: pd.DataFrame, lang: str) -> str:
    """Which e-Conomy SEA edition each year's values come from: "2019 and 2020: 2020 edition"."""
    if "edition" not in rows or rows["edition"].isna().all():
        return ""
    by_edition: dict[int, list[int]] = {}
    for year, edition in rows[["year", "edition"]].dropna().drop_duplicates().itertuples(index=False):
        by_edition.setdefault(int(edition), []).append(int(year))
    parts = [
        t("edition_years", lang, years=formatting.join([str(y) for y in sorted(set(ys))], lang), edition=e)
        for e, ys in sorted(by_edition.items())
    ]
    return t("list_separator", lang).join(parts)


def gmv_by_country(
    rows: pd.DataFrame, lang: str, covered: str = "", *, relative_unit: str = "", log: bool = False
) -> Chart:
    """GMV by country over the years, each year from the latest edition that reports it (the
    subtitle says which): a line per country, solid for reported and estimated values, dashed to
    the projections, which never pass for actual values. With Grapher's settings: the rows as
    change since their first year (`relative_unit` names it on the axis and first in the subtitle),
    on a `log` axis."""
    slug = "internet-economy-gmv-by-country"
    title = t("chart_gmv_title", lang)
    note = editions_note(rows, lang)
    notes = [relative_unit] if relative_unit else []
    notes += [
        t("chart_gmv_subtitle", lang),
        *([note] if note else []),
        *([t("log_axis", lang)] if log else []),
    ]
    subtitle = t("list_separator", lang).join(notes)
    if rows.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=covered))
    rows = rows.sort_values(["entity", "year"])
    decimals = formatting.decimals_of(rows)
    last = rows[rows["year"] == rows["year"].max()].sort_values("value", ascending=False)
    order = list(dict.fromkeys([*last["entity"], *rows["entity"]]))
    traces = []
    for i, code in enumerate(order):
        mine = rows[rows["entity"] == code]
        name = mine[f"entity_{lang}"].iloc[0]
        colour = theme.colour_for(code, i)
        seen = mine[~mine["kind"].isin(["projection", "target"])]
        ahead = mine[mine["kind"].isin(["projection", "target"])]
        for part, dash, label in (
            (seen, "solid", name),
            (
                pd.concat([seen.tail(1), ahead]) if not ahead.empty else ahead,
                "dash",
                f"{name} ({t('projection', lang)})",
            ),
        ):
            if part.empty:
                continue
            traces.append(
                {
                    "type": "scatter",
                    "x": part["year"],
                    "y": part["value"],
                    "mode": "lines+markers",
                    "name": label,
                    "meta": code,  # the country, for tests and readers of the figure's JSON
                    "showlegend": dash == "solid" or seen.empty,
                    "line": {"color": colour, "width": 2.5, "dash": dash},
                    "marker": {"size": 7, "symbol": "circle" if dash == "solid" else "circle-open"},
                    "text": formatting.labels(part["value"], lang, decimals),
                    "customdata": part[["edition"]].fillna(0).astype(int).to_numpy(),
                    "hovertemplate": name
                    + " %{x}: "
                    + ("%{text}%" if relative_unit else t("hover_usd_bn_text", lang))
                    + " · "
                    + t("edition_name", lang, edition="%{customdata[0]}")
                    + "<extra></extra>",
                }
            )
    fig = figure(
        traces,
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        xaxis={"dtick": 5 if rows["year"].nunique() > 8 else 1},
        yaxis={
            "title": {"text": relative_unit or t("axis_usd_bn", lang)},
            **({"type": "log", "rangemode": "normal"} if log else {}),
        },
    )
    top = last.iloc[0]
    alt = t(
        "alt_gmv",
        lang,
        countries=entity_names(rows, lang),
        top=top[f"entity_{lang}"],
        value=formatting.number(top["value"], lang),
        year=int(top["year"]),
    )
    return Chart(slug, title, fig, observation_table(rows, lang), alt)


def national_digital_share(rows: pd.DataFrame, lang: str, covered: str = "") -> Chart:
    """National digital-economy shares, one line per country; targets drawn dotted and open."""
    slug = "digital-economy-share-of-gdp-national"
    title, subtitle = t("chart_national_title", lang), t("chart_national_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=covered))
    rows = rows.sort_values(["entity", "year"])
    traces = []
    for code, grp in rows.groupby("entity", sort=True):
        colour = theme.colour_for(code)
        name = grp[f"entity_{lang}"].iloc[0]
        real = grp[grp["kind"] != "target"]
        traces.append(
            {
                "type": "scatter",
                "x": real["year"],
                "y": real["value"],
                "mode": "lines+markers",
                "name": name,
                "line": {"color": colour, "width": 2.5},
                "hovertemplate": name + " %{x}: %{y}%<extra></extra>",
                "connectgaps": False,
            }
        )
        targets = grp[grp["kind"] == "target"]
        if not targets.empty:
            traces.append(
                {
                    "type": "scatter",
                    "x": targets["year"],
                    "y": targets["value"],
                    "mode": "markers+text",
                    "name": f"{name} ({t('target', lang)})",
                    "marker": {"color": colour, "symbol": "diamond-open", "size": 12},
                    "text": [f"{formatting.number(v, lang)}% {t('target', lang)}" for v in targets["value"]],
                    "textposition": "middle left",
                    "hovertemplate": name + " %{x}: %{y}% (" + t("target", lang) + ")<extra></extra>",
                }
            )
    fig = figure(
        traces,
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        yaxis={"title": {"text": t("axis_percent_of_gdp", lang)}, "ticksuffix": "%"},
        xaxis={"dtick": 1},
    )
    top = rows[rows["kind"] != "target"].sort_values("value", ascending=False)
    top = top.iloc[0] if not top.empty else rows.iloc[0]
    alt = t(
        "alt_national",
        lang,
        countries=entity_names(rows, lang),
        top=top[f"entity_{lang}"],
        value=formatting.number(top["value"], lang),
        year=top["year"],
    )
    return Chart(slug, title, fig, observation_table(rows, lang), alt)


def gmv_revisions(rows: pd.DataFrame, lang: str, year: int, covered: str = "") -> Chart:
    """One year's GMV by country as each e-Conomy SEA edition gave it: how the estimate moved."""
    slug = f"internet-economy-gmv-{year}-by-edition"
    title = t("chart_gmv_revisions_title", lang, year=year)
    subtitle = t("chart_gmv_revisions_subtitle", lang, year=year)
    rows = rows[(rows["year"] == year) & rows["edition"].notna()]
    if rows.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=covered))
    order = rows.sort_values(["edition", "value"], ascending=[False, False]).drop_duplicates("entity")
    traces = []
    for i, (edition, grp) in enumerate(rows.groupby("edition", sort=True)):
        traces.append(
            {
                "type": "bar",
                "x": grp[f"entity_{lang}"],
                "y": grp["value"],
                "name": t("edition_name", lang, edition=int(edition)),
                "marker": {"color": theme.PALETTE[i % len(theme.PALETTE)]},
                "text": formatting.labels(grp["value"], lang, formatting.decimals_of(grp)),
                "textposition": "outside",
                "cliponaxis": False,
                "hovertemplate": "%{x}: "
                + t("hover_usd_bn", lang)
                + "<extra>"
                + str(int(edition))
                + "</extra>",
            }
        )
    fig = figure(
        traces,
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        barmode="group",
        xaxis={"categoryorder": "array", "categoryarray": order[f"entity_{lang}"].tolist()},
        yaxis={"title": {"text": t("axis_usd_bn", lang)}},
    )
    alt = t(
        "alt_gmv_revisions", lang, year=year, n=rows["edition"].nunique(), countries=entity_names(rows, lang)
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
    minutes = (" " if lang != "zh" else "") + t("minutes_short", lang)
    labels = [categories[c][lang] for c in rows["category"]]
    bar = {
        "type": "bar",
        "y": labels,
        "x": rows["high"] - rows["low"],
        "base": rows["low"],
        "orientation": "h",
        "marker": {"color": [theme.PALETTE[1], theme.PALETTE[2]][: len(rows)]},
        "text": [
            f"{formatting.number(lo, lang)}–{formatting.number(hi, lang)}{minutes}"
            for lo, hi in zip(rows["low"], rows["high"], strict=True)
        ],
        "textposition": "outside",
        "cliponaxis": False,
        "hovertemplate": "%{y}: %{base}–%{x}" + minutes + "<extra></extra>",
        "width": 0.5,
    }
    fig = figure(
        [bar],
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        xaxis={"title": {"text": t("axis_minutes", lang)}, "range": [0, rows["high"].max() * 1.7]},
        yaxis={"autorange": "reversed"},
        showlegend=False,
    )
    by = rows.set_index("category")
    alt = t(
        "alt_ct",
        lang,
        b_low=formatting.number(by.loc["before_ai", "low"], lang),
        b_high=formatting.number(by.loc["before_ai", "high"], lang),
        a_low=formatting.number(by.loc["with_ai", "low"], lang),
        a_high=formatting.number(by.loc["with_ai", "high"], lang),
    )
    return Chart(slug, title, fig, observation_table(rows, lang), alt)


def pandemic_people(rows: pd.DataFrame, lang: str) -> Chart:
    """People counts with their "more than" qualifier in the label, never dropped."""
    slug = "pandemic-digital-services-china"
    title, subtitle = t("chart_people_title", lang), t("chart_people_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("china_only", lang))
    labels = ["<br>".join(wrap(label, 120, 13)) for label in rows[f"series_title_{lang}"]]
    bar = {
        "type": "bar",
        "y": labels,
        "x": rows["value"],
        "orientation": "h",
        "marker": {"color": [theme.PALETTE[0], theme.PALETTE[5]][: len(rows)]},
        "text": [
            formatting.qualified(v * 1e6, q, lang, qualifier_words(lang))  # the series count millions
            for v, q in zip(rows["value"], rows["qualifier"], strict=True)
        ],
        "textposition": "inside",  # in the bar, made smaller where a phone's bar is short
        "insidetextanchor": "end",
        "hovertemplate": "%{y}: %{text}<extra></extra>",
        "width": 0.5,
    }
    fig = figure(
        [bar],
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        xaxis={
            "title": {"text": t("axis_millions", lang)},
            "range": [0, rows["value"].max() * 1.15],
            "nticks": 4,
        },
        yaxis={"autorange": "reversed"},
        showlegend=False,
        height=300,
    )
    by = dict(zip(rows["series_id"], rows["value"], strict=True))
    alt = t(
        "alt_people",
        lang,
        students=formatting.number(by.get("students_in_remote_education", float("nan")), lang),
        office=formatting.number(by.get("remote_office_users", float("nan")), lang),
    )
    return Chart(slug, title, fig, observation_table(rows, lang), alt)


def gmv_to_gdp(rows: pd.DataFrame, lang: str, covered: str = "") -> Chart:
    """Derived GMV ÷ GDP by country (2020), labelled derived and not called a digital-economy share."""
    slug = "internet-economy-gmv-to-gdp-derived"
    title, subtitle = t("chart_gmv_gdp_title", lang), t("chart_gmv_gdp_subtitle", lang)
    if rows.empty:
        return _empty(slug, title, subtitle, t("empty_chart", lang, covered=covered))
    rows = rows.sort_values("value", ascending=False)
    bar = {
        "type": "bar",
        "x": rows[f"entity_{lang}"],
        "y": rows["value"],
        "marker": {"color": [theme.colour_for(c) for c in rows["entity"]], "pattern": {"shape": "."}},
        "text": [f"{formatting.fixed(v, lang, 1)}%" for v in rows["value"]],
        "textposition": "outside",
        "hovertemplate": "%{x}: %{y:.2f}%<extra>" + t("derived", lang) + "</extra>",
    }
    fig = figure(
        [bar],
        title=title,
        subtitle=subtitle,
        footer=source_line(rows, lang),
        yaxis={"title": {"text": "%"}, "ticksuffix": "%", "range": [0, rows["value"].max() * 1.25]},
        showlegend=False,
    )
    top = rows.iloc[0]
    alt = t(
        "alt_gmv_gdp",
        lang,
        countries=entity_names(rows, lang),
        top=top[f"entity_{lang}"],
        value=formatting.fixed(top["value"], lang, 1),
    )
    return Chart(slug, title, fig, observation_table(rows, lang), alt)
