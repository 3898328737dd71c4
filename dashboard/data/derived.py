"""Series we compute ourselves, always labelled `status = derived` with the method in `processing`.

- ASEAN-10 aggregates of the World Bank series, over the ten members of 2020 (Timor-Leste, a
  member since 26 October 2025, is not in them): population-weighted means for per-person rates,
  GDP-weighted means for shares of GDP, sums for totals; a year is computed only when all ten
  members have a value (and a weight), so partial coverage never passes for the region.
- Internet-economy GMV ÷ GDP for the six e-Conomy SEA countries: e-Conomy SEA's GMV divided by the
  World Bank's GDP. Not a "digital economy share of GDP", and never called one.
"""

from __future__ import annotations

import pandas as pd

from dashboard.data.schema import Catalogue

ASEAN = "ASEAN10"
WEIGHTS = {"population_weighted_mean": "population_total", "gdp_weighted_mean": "gdp_current_usd"}
GMV_TO_GDP = "internet_economy_gmv_to_gdp_derived"


def _template(obs: pd.DataFrame, series_id: str) -> pd.Series:
    return obs[obs["series_id"] == series_id].iloc[0]


def aggregate(
    values: pd.DataFrame, weights: pd.DataFrame | None, members: list[str], method: str
) -> pd.DataFrame:
    """Year → aggregate over `members`; `values`/`weights` have columns entity, year, value.

    Only years where every member has a value (and a weight, for weighted means) are returned.
    """
    v = values[values["entity"].isin(members)].pivot_table(index="year", columns="entity", values="value")
    v = v.reindex(columns=members).dropna()
    if method == "sum":
        return v.sum(axis=1).rename("value").reset_index()
    w = weights[weights["entity"].isin(members)].pivot_table(index="year", columns="entity", values="value")
    w = w.reindex(columns=members)
    years = v.index.intersection(w.dropna().index)
    v, w = v.loc[years], w.loc[years]
    return ((v * w).sum(axis=1) / w.sum(axis=1)).rename("value").reset_index()


def asean_aggregates(cat: Catalogue, obs: pd.DataFrame) -> pd.DataFrame:
    members = next(g.members for g in cat.groups if g.code == ASEAN)
    name = next(g.name for g in cat.groups if g.code == ASEAN)
    rows = []
    for s in cat.series:
        if s.aggregate == "none":
            continue
        values = obs[obs["series_id"] == s.id]  # (a snapshot's catalogue carries no observations)
        if values.empty:
            continue
        weights = obs[obs["series_id"] == WEIGHTS[s.aggregate]] if s.aggregate in WEIGHTS else None
        if weights is not None and weights.empty:
            continue
        agg = aggregate(values, weights, members, s.aggregate)
        if agg.empty:
            continue
        base = _template(obs, s.id)
        method = {
            "sum": "sum of the ten members of 2020",
            "population_weighted_mean": "population-weighted mean of the ten members of 2020",
            "gdp_weighted_mean": "GDP-weighted mean of the ten members of 2020",
        }[s.aggregate]
        frame = pd.DataFrame(
            {
                **{c: base[c] for c in obs.columns if c.startswith(("series_", "unit_", "source_"))},
                "short_unit": base["short_unit"],
                "definition": base["definition"],
                "topic": base["topic"],
                "entity": ASEAN,
                "entity_en": name.en,
                "entity_zh": name.zh,
                "is_group": True,
                "year": agg["year"].astype("int64"),
                "category": None,
                "value": agg["value"].astype("float64"),
                "low": float("nan"),
                "high": float("nan"),
                "qualifier": "exact",
                "kind": "actual",
                "status": "derived",
                "quote": None,
                "note_en": f"Derived by us: {method} (Timor-Leste, a member since 26 October 2025, not included); only years where all ten have data.",
                "note_zh": "本站推算：按2020年的十个成员国计算（不含2025年10月26日加入的东帝汶），仅在十国当年均有数据时计算。",
            }
        )
        rows.append(frame)
    return pd.concat(rows, ignore_index=True) if rows else obs.iloc[0:0]


def gmv_to_gdp(obs: pd.DataFrame, year: int = 2020, edition: int = 2020) -> pd.DataFrame:
    """GMV (US$ bn, e-Conomy SEA) ÷ GDP (current US$, World Bank) × 100, per country and year,
    from one edition's GMV (the 2020 report's, as the definition says): editions revise a year."""
    gmv = obs[(obs["series_id"] == "internet_economy_gmv") & ~obs["is_group"] & (obs["year"] == year)]
    gmv = gmv[gmv["edition"].isna() | (gmv["edition"] == edition)]
    gdp = obs[obs["series_id"] == "gdp_current_usd"][
        ["entity", "year", "value", "source_id", "source_publisher"]
    ]
    merged = gmv.merge(gdp, on=["entity", "year"], suffixes=("", "_gdp"))
    if merged.empty:
        return obs.iloc[0:0]
    out = merged[[c for c in obs.columns if c in merged.columns]].copy()
    out["value"] = merged["value"] * 1e9 / merged["value_gdp"] * 100
    out["series_id"] = GMV_TO_GDP
    out["series_title_en"] = "Internet-economy GMV ÷ GDP (derived)"
    out["series_title_zh"] = "互联网经济GMV ÷ GDP（推算）"
    out["unit_en"] = "percent (GMV divided by GDP)"
    out["unit_zh"] = "百分比（GMV除以GDP）"
    out["short_unit"] = "%"
    out["definition"] = "derived_gmv_to_gdp"
    out["status"] = "derived"
    out["quote"] = None
    out["note_en"] = "Derived by us: e-Conomy SEA GMV (US$ bn) × 10⁹ ÷ World Bank GDP (current US$) × 100."
    out["note_zh"] = "本站推算：e-Conomy SEA GMV（十亿美元）× 10⁹ ÷ 世界银行GDP（现价美元）× 100。"
    out["source_id"] = merged["source_id"] + " + " + merged["source_id_gdp"]
    out["source_publisher"] = merged["source_publisher"] + "; " + merged["source_publisher_gdp"]
    out["source_publisher_zh"] = merged["source_publisher_zh"] + "；世界银行"
    return out.reset_index(drop=True)
