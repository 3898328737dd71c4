"""Checks that need more than one record: references resolve, ids are unique, figures agree.

Each check reports at the line of the offending record, so a curator can jump straight to it.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

from dashboard.data import schema
from dashboard.data.problems import LineIndex, Problem, format_path
from dashboard.data.schema import Catalogue

_NUMBER = re.compile(r"(\d+(?:[.,]\d+)*)\s*(亿|万|billion|million|bn)?", re.IGNORECASE)
_MULTIPLIERS = {"亿": 1e8, "万": 1e4, "billion": 1e9, "bn": 1e9, "million": 1e6}


def numbers_in(text: str) -> set[float]:
    """Every number a reader sees in `text`, with Chinese and English multipliers applied too.

    "2亿多" yields {2, 200000000}; "10-15分钟" yields {10, 15}; "1.3%" yields {1.3}.
    """
    found: set[float] = set()
    for digits, unit in _NUMBER.findall(text):
        try:
            n = float(digits.replace(",", ""))
        except ValueError:
            continue
        found.add(n)
        if unit:
            found.add(n * _MULTIPLIERS[unit.lower()])
    return found


def value_in_quote(value: float, scale: int, quote: str) -> bool:
    found = numbers_in(quote)
    return any(abs(v - value) < 1e-9 or abs(v - value * scale) < 1e-6 for v in found)


class _Checker:
    def __init__(self, cat: Catalogue, readers: dict[str, LineIndex]):
        self.cat = cat
        self.readers = readers
        self.problems: list[Problem] = []

    def add(self, file: str, path: tuple[str | int, ...], message: str) -> None:
        reader = self.readers[file]
        self.problems.append(Problem(reader.name, reader.line_of(path), format_path(path), message))

    def unique(self, file: str, key: str, ids: Iterable[str], what: str, field: str = "id") -> None:
        first: dict[str, int] = {}
        for i, ident in enumerate(ids):
            if ident in first:
                self.add(file, (key, i, field), f"duplicate {what} '{ident}' (also {key}[{first[ident]}])")
            else:
                first[ident] = i


def cross_check(
    cat: Catalogue, readers: dict[str, LineIndex], series_files: list[tuple[str, schema.SeriesFile]]
) -> list[Problem]:
    c = _Checker(cat, readers)
    country_codes = {x.code for x in cat.countries}
    group_codes = {g.code for g in cat.groups}
    reference_codes = {r.code for r in cat.references}
    entities = country_codes | group_codes | reference_codes
    sources_by_id = {s.id: s for s in cat.sources}
    source_ids = set(sources_by_id)
    definition_ids = {d.id for d in cat.definitions}
    participant_ids = {p.id for p in cat.participants}
    fields = {f.id: f for f in cat.fields}

    def source(file: str, path: tuple[str | int, ...], ident: str) -> None:
        if ident not in source_ids:
            c.add(file, path, f"'{ident}' is not a known source id (see sources.yaml)")

    def entity(file: str, path: tuple[str | int, ...], code: str) -> None:
        if code not in entities:
            c.add(file, path, f"'{code}' is not a known country or group code")

    # countries.yaml
    c.unique("countries.yaml", "countries", [x.code for x in cat.countries], "country code", "code")
    c.unique("countries.yaml", "groups", [g.code for g in cat.groups], "group code", "code")
    c.unique("countries.yaml", "references", [r.code for r in cat.references], "reference code", "code")
    for i, r in enumerate(cat.references):
        if r.code in country_codes | group_codes:
            c.add(
                "countries.yaml", ("references", i, "code"), f"'{r.code}' is already a country or group code"
            )
    for i, g in enumerate(cat.groups):
        if g.code in country_codes:
            c.add("countries.yaml", ("groups", i, "code"), f"group code '{g.code}' is also a country code")
        for j, m in enumerate(g.members):
            if m not in country_codes:
                c.add("countries.yaml", ("groups", i, "members", j), f"'{m}' is not a known country code")
    countries = {x.code: x for x in cat.countries}
    for i, x in enumerate(cat.countries):
        if x.asean is not None:
            source("countries.yaml", ("countries", i, "asean", "source"), x.asean.source)
            year = x.asean.member_since[:4]
            if year not in x.asean.quote:
                c.add(
                    "countries.yaml",
                    ("countries", i, "asean", "quote"),
                    f"the year {year} of member_since does not appear in the quote",
                )
    for i, g in enumerate(cat.groups):
        if g.asean_membership_as_of is None:
            continue
        day = g.asean_membership_as_of
        then = {x.code for x in cat.countries if x.asean_member_on(day)}
        listed = {m for m in g.members if m in countries and countries[m].asean is not None}
        for code in sorted(listed - then):
            c.add(
                "countries.yaml",
                ("groups", i, "members", g.members.index(code)),
                f"'{code}' was not an ASEAN member on {day} (see its asean.member_since)",
            )
        if then - listed:
            c.add(
                "countries.yaml",
                ("groups", i, "members"),
                f"ASEAN members on {day} missing from the group: {', '.join(sorted(then - listed))}",
            )
    tiles: dict[tuple[int, int], str] = {}
    for i, x in enumerate(cat.countries):
        pos = (x.tile.row, x.tile.col)
        if pos in tiles:
            c.add(
                "countries.yaml", ("countries", i, "tile"), f"tile {pos} is already taken by '{tiles[pos]}'"
            )
        tiles[pos] = x.code

    # sources.yaml, definitions.yaml
    c.unique("sources.yaml", "sources", [s.id for s in cat.sources], "source id")
    for i, s in enumerate(cat.sources):
        if s.licence.form in ("stated", "not-stated") and s.date_accessed is None:
            c.add(
                "sources.yaml",
                ("sources", i, "licence", "form"),
                f"'{s.licence.form}' says what the page states, but date_accessed is null: "
                "record when the page was read, or use 'not-recorded'",
            )
    c.unique("definitions.yaml", "definitions", [d.id for d in cat.definitions], "definition id")

    # event.yaml
    ev = cat.event
    entity("event.yaml", ("event", "asean_chair"), ev.asean_chair)
    for i, s in enumerate(ev.sources):
        source("event.yaml", ("event", "sources", i), s)
    for i, s in enumerate(ev.designation.sources):
        source("event.yaml", ("event", "designation", "sources", i), s)
    for i, ty in enumerate(cat.theme_years):
        source("event.yaml", ("theme_years", i, "source"), ty.source)
    c.unique("event.yaml", "theme_years", [str(t.year) for t in cat.theme_years], "theme year", "year")

    # milestones.yaml: sources resolve, who it concerns is known, the quote names the year
    members_then = {"ASEAN"}
    for i, ms in enumerate(cat.milestones):
        source("milestones.yaml", ("milestones", i, "source"), ms.source)
        for j, code in enumerate(ms.concerns):
            if code not in country_codes | members_then:
                c.add(
                    "milestones.yaml",
                    ("milestones", i, "concerns", j),
                    f"'{code}' is not a country code or ASEAN",
                )
        published = sources_by_id[ms.source].date_published if ms.source in sources_by_id else None
        if ms.year_from == "quote" and ms.date[:4] not in ms.quote:
            c.add(
                "milestones.yaml",
                ("milestones", i, "quote"),
                f"the year {ms.date[:4]} of the date does not appear in the quote "
                "(say year_from: page_date if only the page's date gives it)",
            )
        elif ms.year_from == "page_date" and published and published[:4] != ms.date[:4]:
            c.add(
                "milestones.yaml",
                ("milestones", i, "year_from"),
                f"the page is dated {published}, not in {ms.date[:4]}",
            )
    c.unique("milestones.yaml", "milestones", [ms.id for ms in cat.milestones], "milestone id")

    # participants.yaml
    c.unique("participants.yaml", "participants", [p.id for p in cat.participants], "participant id")
    c.unique("participants.yaml", "attending_bodies", [b.id for b in cat.attending_bodies], "body id")
    groups = {g.code: g for g in cat.groups}
    for i, p in enumerate(cat.participants):
        path = ("participants", i)
        entity("participants.yaml", (*path, "represents"), p.represents)
        for j, s in enumerate(p.sources):
            source("participants.yaml", (*path, "sources", j), s)
        for k, reading in enumerate(p.other_readings):
            for j, s in enumerate(reading.sources):
                source("participants.yaml", (*path, "other_readings", k, "sources", j), s)
                if s not in p.sources:
                    c.add(
                        "participants.yaml",
                        (*path, "other_readings", k, "sources", j),
                        f"'{s}' is not among the participant's sources",
                    )
        if p.name_en_status == "verified" and not any(
            (src := sources_by_id.get(s)) is not None and src.language == "en" and src.url for s in p.sources
        ):
            c.add(
                "participants.yaml",
                (*path, "name_en_status"),
                "'verified' needs an English-language source with a URL that names this person "
                "(the Chinese seed cannot verify an English rendering)",
            )
        country = countries.get(p.represents)
        group = groups.get(p.represents)
        not_member = (
            country is not None and country.asean is not None and not country.asean_member_on(ev.date)
        ) or (
            group is not None
            and group.asean_membership_as_of is not None
            and group.asean_membership_as_of > ev.date
        )
        if not_member:
            c.add(
                "participants.yaml",
                (*path, "represents"),
                f"'{p.represents}' was not an ASEAN member on the event's date {ev.date}",
            )

    # statements.yaml
    c.unique("statements.yaml", "fields", [f.id for f in cat.fields], "field id")
    c.unique("statements.yaml", "statements", [s.id for s in cat.statements], "statement id")
    for i, st in enumerate(cat.statements):
        source("statements.yaml", ("statements", i, "source"), st.source)
        for j, extra in enumerate(st.corroborated_by):
            source("statements.yaml", ("statements", i, "corroborated_by", j), extra)
        if st.speaker is not None and st.speaker not in participant_ids:
            c.add(
                "statements.yaml",
                ("statements", i, "speaker"),
                f"'{st.speaker}' is not a known participant id",
            )
        for j, f in enumerate(st.fields):
            if f not in fields:
                c.add("statements.yaml", ("statements", i, "fields", j), f"'{f}' is not a known field id")
            elif st.text.language == "zh" and not any(k in st.text.original for k in fields[f].keywords_zh):
                c.add(
                    "statements.yaml",
                    ("statements", i, "fields", j),
                    f"tagged '{f}' but the text contains none of its keywords {fields[f].keywords_zh}",
                )

    # series files
    seen_series: dict[str, str] = {}
    for file, model in series_files:
        for i, s in enumerate(model.series):
            if s.id in seen_series:
                c.add(
                    file, ("series", i, "id"), f"duplicate series id '{s.id}' (also in {seen_series[s.id]})"
                )
            seen_series[s.id] = file
            if s.definition not in definition_ids:
                c.add(file, ("series", i, "definition"), f"'{s.definition}' is not a known definition id")
            _check_observations(c, file, i, s, entity, source, sources_by_id)
    return c.problems


def _check_observations(
    c: _Checker, file: str, i: int, s: schema.Series, entity, source, sources_by_id: dict
) -> None:
    keys: dict[tuple, tuple[int, schema.Observation]] = {}
    identified = s.origin is not None and s.origin.dataset_code is not None
    for j, o in enumerate(s.observations):
        path = ("series", i, "observations", j)
        entity(file, (*path, "entity"), o.entity)
        source(file, (*path, "source"), o.source)
        record = sources_by_id.get(o.source)
        if o.status == "verified" and record is not None and not record.url and not identified:
            c.add(
                file,
                (*path, "status"),
                f"'verified' needs a source with a URL (or a series origin with a dataset code); "
                f"'{o.source}' has none",
            )
        for k, extra in enumerate(o.corroborated_by):
            source(file, (*path, "corroborated_by", k), extra)
        if s.categories and o.category not in s.categories:
            c.add(
                file,
                (*path, "category"),
                f"{o.category!r} is not one of the series' categories {sorted(s.categories)}",
            )
        if not s.categories and o.category is not None:
            c.add(file, (*path, "category"), "the series defines no categories")
        numbers = [v for v in (o.value, o.low, o.high) if v is not None]
        if s.percent:
            for v in numbers:
                if not 0 <= v <= 100:
                    c.add(
                        file,
                        (*path, "value" if o.value is not None else "high"),
                        f"{v:g} is not a percentage (0-100)",
                    )
        if o.quote is not None:
            for v in numbers:
                if not value_in_quote(v, s.scale, o.quote):
                    c.add(file, (*path, "quote"), f"the number {v:g} does not appear in the quote")
        key = (o.entity, o.year, o.kind, o.category, o.edition)
        if key in keys:
            k, other = keys[key]
            same = (other.value, other.low, other.high) == (o.value, o.low, o.high)
            verb = "repeats" if same else "disagrees with"
            edition = f", {o.edition} edition" if o.edition else ""
            c.add(file, path, f"{verb} observations[{k}] ({o.entity} {o.year} {o.kind}{edition})")
        else:
            keys[key] = (j, o)
