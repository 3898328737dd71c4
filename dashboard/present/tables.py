"""Reader's tables built from frames: headers, ranks, roles and statuses in the reader's language.

Here, not in `data/frames.py`, because they speak the interface's words (`i18n`): the data layer
stays free of presentation.
"""

from __future__ import annotations

import pandas as pd

from dashboard.present import formatting
from dashboard.present.i18n import column_label, t


def officials_table(people: pd.DataFrame, lang: str) -> pd.DataFrame:
    """The officials as a reader's table: localised headers, roles and ranks in words."""

    def roles(value: str) -> str:
        sep = ", " if lang == "en" else "、"
        return sep.join(t(f"role_{r}", lang) for r in value.split("; "))

    other = "zh" if lang == "en" else "en"
    out = pd.DataFrame(
        {
            t("col_name_zh", lang): people["name_zh"],
            t("col_name_en", lang): people["name_en"],
            t("col_name_status", lang): people["name_en_status"].map(
                lambda v: t("name_inferred", lang) if v == "inferred" else "✓"
            ),
            t("col_country", lang): people[f"represents_{lang}"],
            t("col_title", lang): [
                title if not isinstance(other, str) else f"{title} ({t('other_readings', lang)}: {other})"
                for title, other in zip(people[f"title_{lang}"], people[f"title_other_{lang}"], strict=True)
            ],
            t("col_organisation", lang): people[f"organisation_{lang}"]
            + " / "
            + people[f"organisation_{other}"]
            + people["organisation_zh_by"].map(
                lambda by: f" ({t('zh_by_us', lang)})" if by == "ours" else ""
            ),
            t("col_rank_level", lang): people["rank"].map(lambda r: t(f"rank_{r}", lang)),
            t("col_role", lang): people["roles"].map(roles),
            t("col_took_part", lang): people["took_part"].map(lambda v: "✓" if v else t("letter_only", lang)),
            t("col_note", lang): people[f"note_{lang}"].fillna(""),
            t("source", lang): people["sources"],
        }
    )
    return out.reset_index(drop=True)


def sparkline_table(obs: pd.DataFrame, code: str, lang: str) -> pd.DataFrame:
    """One row per World Bank series for one country: latest value and year, trend, rank among the
    countries with a value that year."""
    wdi = obs[(obs["source_id"] == "world-bank-wdi") & ~obs["is_group"]]
    rows = []
    for series_id, grp in wdi.groupby("series_id", sort=False):
        mine = grp[grp["entity"] == code].sort_values("year")
        if mine.empty:
            continue
        latest = mine.iloc[-1]
        same_year = grp[grp["year"] == latest["year"]].sort_values("value", ascending=False)
        rank = list(same_year["entity"]).index(code) + 1
        rows.append(
            {
                t("col_indicator", lang): latest[f"series_title_{lang}"],
                # at the series' precision (its metadata), still a number so the column sorts
                t("col_latest", lang): round(float(latest["value"]), int(latest["decimal_places"])),
                t("col_unit", lang): latest[f"unit_{lang}"],
                t("col_latest_year", lang): int(latest["year"]),
                t("col_rank", lang): f"{rank} / {len(same_year)}",
                t("col_trend", lang): mine["value"].tolist(),
                t("source", lang): latest["source_publisher_zh" if lang == "zh" else "source_publisher"],
                "series_id": series_id,
            }
        )
    return pd.DataFrame(rows)


def readable_observations(
    rows: pd.DataFrame, lang: str, *, categories: dict[tuple[str, str], str], definitions: dict[str, str]
) -> pd.DataFrame:
    """Observation rows as a reader's table: words, not codes or enum values (a category's label,
    the kind and status in words, the definition's name, the publisher), the unit beside the value,
    and "—" where a row has nothing. The value stays a number, so the column sorts by it."""
    blank = "—"

    def words(prefix: str, value) -> str:
        if not isinstance(value, str) or not value or value == "exact":  # "exact" qualifies nothing
            return blank
        return t(f"{prefix}{value}", lang)

    out = pd.DataFrame(
        {
            t("col_indicator", lang): rows[f"series_title_{lang}"],
            t("col_country", lang): rows[f"entity_{lang}"],
            t("col_year", lang): rows["year"],
            t("col_category", lang): [
                categories.get((s, c), blank) if isinstance(c, str) else blank
                for s, c in zip(rows["series_id"], rows["category"], strict=True)
            ],
            t("col_value", lang): rows["value"].where(rows["value"].notna(), rows["low"]),
            t("col_value_high", lang): rows["high"],  # a range's upper end (10–15 minutes)
            t("col_unit", lang): rows[f"unit_{lang}"],
            t("col_qualifier", lang): rows["qualifier"].map(lambda q: words("qualifier_", q)),
            t("col_kind", lang): rows["kind"].map(lambda k: words("kind_", k)),
            t("col_definition", lang): rows["definition"].map(lambda d: definitions.get(d, blank)),
            t("col_status", lang): rows["status"].map(lambda s: words("status_", s)),
            t("source", lang): rows["source_publisher_zh" if lang == "zh" else "source_publisher"],
        }
    )
    high = t("col_value_high", lang)
    if out[high].isna().all():
        out = out.drop(columns=high)
    text = out.select_dtypes(exclude="number").columns  # numbers stay numbers: they sort as numbers
    out[text] = out[text].astype(object).where(out[text].notna(), blank)
    return out.reset_index(drop=True)


def wide(table: pd.DataFrame, lang: str) -> pd.DataFrame | None:
    """The plotted values as the chart reads them over time: one row per entity, one column per
    year (None when the rows are not entity × year, e.g. a ranking for one year)."""
    needed = {"year", "value", f"entity_{lang}"}
    if not needed <= set(table.columns) or table["year"].nunique() < 2 or "category" in table.columns:
        return None
    pivot = table.pivot_table(index=f"entity_{lang}", columns="year", values="value", aggfunc="first")
    decimals = formatting.decimals_of(table)
    if decimals is not None:  # as the chart's labels read; the downloads keep every digit
        pivot = pivot.round(decimals)
    pivot.columns = [str(c) for c in pivot.columns]
    return pivot.reset_index().rename(columns={f"entity_{lang}": t("col_country", lang)})


def sources_summary(table: pd.DataFrame, lang: str) -> pd.DataFrame | None:
    """The Sources tab: every source the plotted rows rest on, as a reader cites it: publisher
    (in the reader's language), title, date, licence, link, how many rows rest on it and their
    status in words. None when the rows carry no sources."""
    if "source_id" not in table:
        return None
    blank = "—"
    publisher = (
        "source_publisher_zh" if lang == "zh" and "source_publisher_zh" in table else "source_publisher"
    )
    licence = "source_licence_zh" if lang == "zh" and "source_licence_zh" in table else "source_licence"
    rows = table.assign(
        **{c: table[c] if c in table else None for c in ("source_title", "source_url", "source_date")}
    )
    statuses = rows.groupby("source_id", sort=False)["status"].agg(
        lambda v: formatting.join(sorted(t(f"status_{s}", lang) for s in set(v) if isinstance(s, str)), lang)
    )
    first = rows.drop_duplicates("source_id").set_index("source_id")
    out = pd.DataFrame(
        {
            column_label("source_publisher", lang): first[publisher],
            t("col_source_title", lang): first["source_title"],
            column_label("source_date", lang): first["source_date"],
            column_label("source_licence", lang): first[licence],
            column_label("source_url", lang): first["source_url"],
            column_label("rows", lang): rows.groupby("source_id", sort=False).size(),
            t("col_status", lang): statuses,
        }
    ).reset_index(drop=True)
    text = [c for c in out.columns if c not in (column_label("rows", lang), column_label("source_url", lang))]
    out[text] = out[text].astype(object).where(out[text].notna(), blank)
    return out
