"""World Bank WDI extract (long CSV + indicators JSON) → `data/wdi.yaml` in the project's schema.

Curators re-run it when the World Bank publishes new data:

    python -m dashboard import-wdi wdi.csv --meta indicators.json --out data/ --accessed 2026-11-27

Output is deterministic (same input → byte-identical file): rows are sorted, numbers are written
with a fixed format, and nothing depends on the clock unless `--accessed` is omitted. Malformed
rows are rejected, all at once, as `file:line: what is wrong`; nothing is written then.
"""

from __future__ import annotations

import csv
import functools
import json
import math
from dataclasses import dataclass
from pathlib import Path

import yaml

from dashboard.data.schema import MAX_YEAR, MIN_YEAR

SOURCE_ID = "world-bank-wdi"
OUTPUT_NAME = "wdi.yaml"
SNAPSHOT = "datasets/world-development-indicators mirror, commit 4ebec5a (pulls from the World Bank API)"
COLUMNS = ["indicator_code", "country_code", "country_name", "year", "value"]
ENTITIES = {"BRN", "KHM", "IDN", "LAO", "MYS", "MMR", "PHL", "SGP", "THA", "TLS", "VNM", "CHN", "WLD", "EAS"}


@dataclass(frozen=True)
class Indicator:
    """Our curation of one WDI indicator: its id, Chinese title (our translation), unit, topic,
    how an ASEAN-10 aggregate is formed, and the original producer *if the WDI text names it*."""

    id: str
    title_zh: str
    unit_en: str
    unit_zh: str
    short_unit: str
    topic: str
    aggregate: str  # "population_weighted_mean", "gdp_weighted_mean", "sum" or "none"
    percent: bool = False
    decimal_places: int = 1  # what a reader sees below the compact range (see schema.Series)
    producer_named: str | None = None  # must appear in the indicator's own description


#: Our curation of each indicator, kept beside the extract (see that file's header).
OVERRIDES = Path(__file__).resolve().parents[2] / "raw" / "wdi" / "wdi.meta.override.yml"
AGGREGATES = {"population_weighted_mean", "gdp_weighted_mean", "sum", "none"}


@functools.cache
def indicators(path: Path = OVERRIDES) -> dict[str, Indicator]:
    """WDI code → our curation of it, read from the override file; a malformed entry stops the
    import with `file: code: what is wrong` before anything is read or written."""
    raw = yaml.safe_load(Path(path).read_text(encoding="utf-8")) or {}
    out, problems = {}, []
    for code, entry in (raw.get("indicators") or {}).items():
        try:
            ind = Indicator(
                id=entry["id"],
                title_zh=entry["title_zh"],
                unit_en=entry["unit"]["en"],
                unit_zh=entry["unit"]["zh"],
                short_unit=entry["short_unit"],
                topic=entry["topic"],
                aggregate=entry["aggregate"],
                percent=bool(entry.get("percent", False)),
                decimal_places=int(entry["decimal_places"]),
                producer_named=entry.get("producer_named"),
            )
        except (KeyError, TypeError) as exc:
            problems.append(f"{path}: {code}: missing or malformed {exc}")
            continue
        if ind.aggregate not in AGGREGATES:
            problems.append(f"{path}: {code}: aggregate {ind.aggregate!r} is not one of {sorted(AGGREGATES)}")
        out[code] = ind
    if problems:
        raise ImportError_(problems)
    return out


class ImportError_(Exception):
    """Every problem in the input, one `file:line: what is wrong` a line."""

    def __init__(self, problems: list[str]):
        self.problems = problems
        super().__init__("\n".join([*problems, f"{len(problems)} problem(s); nothing was written"]))


def read_extract(
    csv_path: Path, meta_path: Path
) -> tuple[dict[str, dict], dict[str, list[tuple[str, int, float]]]]:
    """Check and read the two inputs; raise `ImportError_` listing every malformed row."""
    problems: list[str] = []
    try:
        meta_list = json.loads(meta_path.read_text(encoding="utf-8"))
    except (OSError, json.JSONDecodeError) as exc:
        raise ImportError_([f"{meta_path}: cannot be read as JSON: {exc}"]) from None
    meta = {}
    for i, entry in enumerate(meta_list if isinstance(meta_list, list) else []):
        if not isinstance(entry, dict) or not {"code", "title", "description"} <= set(entry):
            problems.append(f"{meta_path}: [{i}]: needs code, title and description")
            continue
        meta[entry["code"]] = entry
    if not isinstance(meta_list, list):
        problems.append(f"{meta_path}: expected a list of indicators")
    rows: dict[str, list[tuple[str, int, float]]] = {}
    seen: dict[tuple[str, str, int], int] = {}
    try:
        handle = csv_path.open(encoding="utf-8-sig", newline="")
    except OSError as exc:
        raise ImportError_([f"{csv_path}: cannot be read: {exc.strerror or exc}"]) from None
    with handle:
        reader = csv.reader(handle)
        header = next(reader, None)
        if header != COLUMNS:
            raise ImportError_([f"{csv_path}:1: header must be {','.join(COLUMNS)}, got {header}"])
        for line, row in enumerate(reader, start=2):
            if len(row) != len(COLUMNS):
                problems.append(f"{csv_path}:{line}: expected {len(COLUMNS)} fields, got {len(row)}")
                continue
            code, entity, _name, year_text, value_text = row
            where = f"{csv_path}:{line}"
            if code not in indicators():
                problems.append(f"{where}: unknown indicator code {code!r}")
                continue
            if code not in meta:
                problems.append(f"{where}: indicator {code} is not described in {meta_path.name}")
                continue
            if entity not in ENTITIES:
                problems.append(f"{where}: unknown country code {entity!r}")
                continue
            try:
                year = int(year_text)
            except ValueError:
                problems.append(f"{where}: year {year_text!r} is not a whole number")
                continue
            if not MIN_YEAR <= year <= MAX_YEAR:
                problems.append(f"{where}: year {year} is outside {MIN_YEAR}-{MAX_YEAR}")
                continue
            try:
                value = float(value_text)
            except ValueError:
                problems.append(f"{where}: value {value_text!r} is not a number")
                continue
            if not math.isfinite(value):
                problems.append(f"{where}: value {value_text!r} is not a finite number")
                continue
            if indicators()[code].percent and not 0 <= value <= 100:
                problems.append(f"{where}: {value_text} is not a percentage (0-100)")
                continue
            key = (code, entity, year)
            if key in seen:
                problems.append(f"{where}: repeats {code} {entity} {year} (first at line {seen[key]})")
                continue
            seen[key] = line
            rows.setdefault(code, []).append((entity, year, value))
    if problems:
        raise ImportError_(problems)
    return meta, rows


def _q(text: str) -> str:
    """A YAML double-quoted scalar (JSON strings are valid YAML)."""
    return json.dumps(text, ensure_ascii=False)


def _num(value: float) -> str:
    return str(int(value)) if value.is_integer() and abs(value) < 1e15 else repr(value)


def render(meta: dict[str, dict], rows: dict[str, list[tuple[str, int, float]]], *, accessed: str) -> str:
    """The YAML text: one series per indicator, in the extract's indicator order, rows sorted."""
    out = [
        "# World Bank World Development Indicators for China, the 11 ASEAN members (Timor-Leste since 2025),",
        "# World (WLD) and East Asia & Pacific (EAS). GENERATED by `python -m dashboard import-wdi`: do not edit by hand; re-run the",
        "# importer on a new extract instead (see README). Licence CC BY 4.0.",
        f"# Snapshot: {SNAPSHOT}.",
        "series:",
    ]
    for code in [c for c in meta if c in rows]:
        ind, m = indicators()[code], meta[code]
        licences = m.get("license") or []
        if licences != ["CC-BY-4.0"]:
            raise ValueError(f"{code}: licence {licences!r} is not the CC BY 4.0 this importer records")
        producer = "World Bank, World Development Indicators"
        if ind.producer_named and ind.producer_named in m["description"]:
            producer += f" (original data: {ind.producer_named}, as named in the indicator's definition)"
        members = (
            "the ten members of 2020 (Timor-Leste, a member since 26 October 2025, is not included), "
            "only for years where all ten have a value"
        )
        aggregate_note = {
            "population_weighted_mean": f"ASEAN-10 aggregate: population-weighted mean of {members}.",
            "gdp_weighted_mean": f"ASEAN-10 aggregate: GDP-weighted mean of {members}.",
            "sum": f"ASEAN-10 aggregate: sum of {members}.",
            "none": "No ASEAN aggregate is computed for this series (no suitable weights in the extract).",
        }[ind.aggregate]
        aggregate_note_zh = {
            "none": "本系列不计算东盟汇总值（数据中无合适权重）。",
        }.get(
            ind.aggregate,
            "东盟十国汇总值按2020年的十个成员国计算（不含2025年10月26日加入的东帝汶），仅在十国当年均有数据时计算。",
        )
        out += [
            f"  - id: {ind.id}",
            f"    title: {{en: {_q(m['title'])}, zh: {_q(ind.title_zh)}}}",
            "    title_zh_by: ours",
            f"    unit: {{en: {_q(ind.unit_en)}, zh: {_q(ind.unit_zh)}}}",
            f"    short_unit: {_q(ind.short_unit)}",
            f"    percent: {'true' if ind.percent else 'false'}",
            f"    decimal_places: {ind.decimal_places}",
            "    definition: world_bank_wdi_indicator",
            f"    topic: {ind.topic}",
            f"    aggregate: {ind.aggregate}",
            f"    description: {{en: {_q(m['description'])}, zh: {_q('世界银行定义（英文原文）：' + m['description'])}}}",
            "    processing:",
            f"      en: {_q(f'Imported unchanged from WDI indicator {code}. {aggregate_note} Missing years stay missing.')}",
            f"      zh: {_q(f'由世界发展指标 {code} 原样导入。{aggregate_note_zh}缺失年份保持空缺，不作插补。')}",
            "    origin:",
            f"      producer: {_q(producer)}",
            '      title: "World Development Indicators"',
            f"      dataset_code: {_q(code)}",
            f"      snapshot: {_q(SNAPSHOT)}",
            "      licence: {form: cc-by-4.0}",
            f'      date_accessed: "{accessed}"',
            "    observations:",
        ]
        for entity, year, value in sorted(rows[code]):
            out.append(
                f'      - {{entity: "{entity}", year: {year}, value: {_num(value)}, kind: actual, '
                f"source: {SOURCE_ID}, status: verified}}"
            )
    return "\n".join(out) + "\n"


def import_wdi(csv_path: Path, meta_path: Path, out_dir: Path, *, accessed: str) -> Path:
    """Write `out_dir/wdi.yaml` from the extract and return its path."""
    meta, rows = read_extract(Path(csv_path), Path(meta_path))
    target = Path(out_dir) / OUTPUT_NAME
    target.write_text(render(meta, rows, accessed=accessed), encoding="utf-8")
    return target
