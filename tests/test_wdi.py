"""The World Bank importer: deterministic, round-trips, rejects bad rows with file:line."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from dashboard.__main__ import main
from dashboard.data import derived, frames, wdi
from dashboard.data.loading import load_catalogue
from tests.conftest import DATA, REPO

RAW = REPO / "raw" / "wdi"
META = [
    {
        "code": "SP.POP.TOTL",
        "title": "Population, total",
        "description": "Midyear estimates.",
        "license": ["CC-BY-4.0"],
    },
    {
        "code": "IT.NET.SECR.P6",
        "title": "Secure Internet servers (per 1 million people)",
        "description": "Certificates in the Netcraft Secure Server Survey.",
        "license": ["CC-BY-4.0"],
    },
]
HEADER = "indicator_code,country_code,country_name,year,value\n"


def write_inputs(tmp_path: Path, rows: str) -> tuple[Path, Path]:
    csv_path, meta_path = tmp_path / "x.csv", tmp_path / "meta.json"
    csv_path.write_text(HEADER + rows, encoding="utf-8")
    meta_path.write_text(json.dumps(META), encoding="utf-8")
    return csv_path, meta_path


def test_committed_wdi_yaml_is_exactly_what_the_importer_makes(tmp_path):
    out = tmp_path / "out"
    out.mkdir()
    wdi.import_wdi(RAW / "wdi_asean_china_2000_2025.csv", RAW / "indicators.json", out, accessed="2026-12-01")
    assert (out / "wdi.yaml").read_bytes() == (DATA / "wdi.yaml").read_bytes()


def test_import_is_deterministic(tmp_path):
    csv_path, meta_path = write_inputs(
        tmp_path, "SP.POP.TOTL,VNM,Viet Nam,2001,2\nSP.POP.TOTL,VNM,Viet Nam,2000,1.5\n"
    )
    first = wdi.render(*wdi.read_extract(csv_path, meta_path), accessed="2026-01-01")
    second = wdi.render(*wdi.read_extract(csv_path, meta_path), accessed="2026-01-01")
    assert first == second
    assert first.index("year: 2000") < first.index("year: 2001")


def test_round_trip_through_the_loader_keeps_every_value(data_copy, tmp_path):
    wdi.import_wdi(
        RAW / "wdi_asean_china_2000_2025.csv", RAW / "indicators.json", data_copy, accessed="2026-12-01"
    )
    cat = load_catalogue(data_copy)
    obs = frames.observations(cat)
    loaded = obs[obs["source_id"] == "world-bank-wdi"]
    raw = pd.read_csv(RAW / "wdi_asean_china_2000_2025.csv")
    assert len(loaded) == len(raw) == 3934  # 3,720 rows + Timor-Leste's 214
    codes = {ind.id: c for c, ind in wdi.indicators().items()}
    merged = loaded.assign(indicator_code=loaded["series_id"].map(codes)).merge(
        raw, left_on=["indicator_code", "entity", "year"], right_on=["indicator_code", "country_code", "year"]
    )
    assert len(merged) == 3934
    assert (merged["value_x"] == merged["value_y"]).all()
    assert {s.origin.dataset_code for s in cat.series if s.origin} == set(wdi.indicators())


def test_producer_is_named_only_where_the_wdi_text_names_it(tmp_path):
    csv_path, meta_path = write_inputs(
        tmp_path, "IT.NET.SECR.P6,VNM,Viet Nam,2020,10\nSP.POP.TOTL,VNM,Viet Nam,2020,5\n"
    )
    text = wdi.render(*wdi.read_extract(csv_path, meta_path), accessed="2026-01-01")
    assert 'producer: "World Bank, World Development Indicators (original data: Netcraft' in text
    assert text.count("original data:") == 1


def test_malformed_rows_are_all_rejected_with_file_and_line(tmp_path):
    rows = (
        "SP.POP.TOTL,VNM,Viet Nam,2000,1\n"
        "XX.NOPE,VNM,Viet Nam,2000,1\n"
        "SP.POP.TOTL,XQZ,Nowhere,2000,1\n"
        "SP.POP.TOTL,VNM,Viet Nam,twenty,1\n"
        "SP.POP.TOTL,VNM,Viet Nam,2001,abc\n"
        "SP.POP.TOTL,VNM,Viet Nam,2002,inf\n"
        "SP.POP.TOTL,VNM,Viet Nam,2000,2\n"
        "SP.POP.TOTL,VNM,Viet Nam\n"
    )
    csv_path, meta_path = write_inputs(tmp_path, rows)
    with pytest.raises(wdi.ImportError_) as info:
        wdi.read_extract(csv_path, meta_path)
    assert info.value.problems == [
        f"{csv_path}:3: unknown indicator code 'XX.NOPE'",
        f"{csv_path}:4: unknown country code 'XQZ'",
        f"{csv_path}:5: year 'twenty' is not a whole number",
        f"{csv_path}:6: value 'abc' is not a number",
        f"{csv_path}:7: value 'inf' is not a finite number",
        f"{csv_path}:8: repeats SP.POP.TOTL VNM 2000 (first at line 2)",
        f"{csv_path}:9: expected 5 fields, got 3",
    ]


def test_cli_writes_nothing_when_the_input_is_bad(tmp_path, capsys):
    csv_path, meta_path = write_inputs(tmp_path, "SP.POP.TOTL,VNM,Viet Nam,1800,1\n")
    out = tmp_path / "data"
    shutil.copytree(DATA, out)
    before = (out / "wdi.yaml").read_bytes()
    assert main(["import-wdi", str(csv_path), "--meta", str(meta_path), "--out", str(out)]) == 1
    assert f"{csv_path}:2: year 1800 is outside 1990-2035" in capsys.readouterr().err
    assert (out / "wdi.yaml").read_bytes() == before


def test_aggregate_maths_on_a_hand_checked_example():
    values = pd.DataFrame(
        {
            "entity": ["A", "B", "A", "B", "A"],
            "year": [2000, 2000, 2001, 2001, 2002],
            "value": [10.0, 40.0, 20.0, 20.0, 5.0],
        }
    )
    weights = pd.DataFrame(
        {
            "entity": ["A", "B", "A", "B", "A", "B"],
            "year": [2000, 2000, 2001, 2001, 2002, 2002],
            "value": [3.0, 1.0, 1.0, 1.0, 1.0, 1.0],
        }
    )
    mean = derived.aggregate(values, weights, ["A", "B"], "population_weighted_mean")
    # 2000: (10*3 + 40*1) / 4 = 17.5; 2001: 20; 2002: B missing -> no aggregate (not a partial one)
    assert mean.to_dict("list") == {"year": [2000, 2001], "value": [17.5, 20.0]}
    total = derived.aggregate(values, None, ["A", "B"], "sum")
    assert total.to_dict("list") == {"year": [2000, 2001], "value": [50.0, 40.0]}


def test_asean_aggregates_are_labelled_derived(catalogue):
    obs = frames.observations(catalogue)
    agg = derived.asean_aggregates(catalogue, obs)
    assert set(agg["entity"]) == {"ASEAN10"} and set(agg["status"]) == {"derived"}
    pop = obs[(obs["series_id"] == "population_total") & (obs["year"] == 2020)]
    members = next(g.members for g in catalogue.groups if g.code == "ASEAN10")
    expected = pop[pop["entity"].isin(members)]["value"].sum()
    got = agg[(agg["series_id"] == "population_total") & (agg["year"] == 2020)]["value"].iloc[0]
    assert got == pytest.approx(expected)
    assert "research_and_development_expenditure_percent_of_gdp" not in set(
        agg["series_id"]
    )  # gaps every year


def test_gmv_to_gdp_is_derived_for_the_six_countries(catalogue):
    obs = frames.observations(catalogue)
    ratio = derived.gmv_to_gdp(obs)
    assert set(ratio["entity"]) == {"IDN", "MYS", "PHL", "SGP", "THA", "VNM"}
    assert set(ratio["year"]) == {2020} and set(ratio["status"]) == {"derived"}
    assert "digital economy" not in ratio["series_title_en"].iloc[0].lower()
    vnm = ratio.set_index("entity").loc["VNM"]
    gdp = obs[(obs["series_id"] == "gdp_current_usd") & (obs["entity"] == "VNM") & (obs["year"] == 2020)][
        "value"
    ].iloc[0]
    assert vnm["value"] == pytest.approx(14e9 / gdp * 100)
