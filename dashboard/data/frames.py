"""Catalogue → tidy pandas DataFrames (pure functions, no Streamlit).

Every frame keeps both languages side by side (`*_en`, `*_zh`) so a page never has to go back to
the models, and every observation row carries its source columns so any table or download built
from it keeps its provenance.
"""

from __future__ import annotations

from collections.abc import Iterable

import pandas as pd

from dashboard.data.schema import Catalogue

RANK_ORDER = {
    "head_of_government": 0,
    "secretary_general": 1,
    "minister": 2,
    "deputy_minister": 3,
    "senior_official": 4,
}

#: The source columns every observation row (and so every CSV/Excel download) carries.
SOURCE_COLUMNS = ["source_id", "source_publisher", "source_url", "status"]


def countries(cat: Catalogue) -> pd.DataFrame:
    """One row per country: code, names (en/zh), official names, aliases, ASEAN membership (since
    when, and the source), tile."""
    return pd.DataFrame(
        [
            {
                "code": c.code,
                "name_en": c.name.en,
                "name_zh": c.name.zh,
                "official_name_en": c.official_name.en,
                "official_name_zh": c.official_name.zh,
                "aliases": "; ".join(c.aliases),
                "asean_member_since": c.asean.member_since if c.asean else None,
                "asean_member_source": c.asean.source if c.asean else None,
                "tile_row": c.tile.row,
                "tile_col": c.tile.col,
            }
            for c in cat.countries
        ]
    )


def groups(cat: Catalogue) -> pd.DataFrame:
    """One row per group: code, names, members (space-separated codes), and the day whose ASEAN
    membership it stands for (empty for groups that are not all of ASEAN)."""
    return pd.DataFrame(
        [
            {
                "code": g.code,
                "name_en": g.name.en,
                "name_zh": g.name.zh,
                "members": " ".join(g.members),
                "member_count": len(g.members),
                "asean_membership_as_of": g.asean_membership_as_of,
                "description_en": g.description.en,
            }
            for g in cat.groups
        ]
    )


def entity_names(cat: Catalogue) -> dict[str, dict[str, str]]:
    """Code → {"en": name, "zh": name} for countries and groups alike."""
    names = {c.code: {"en": c.name.en, "zh": c.name.zh} for c in cat.countries}
    names.update({g.code: {"en": g.name.en, "zh": g.name.zh} for g in cat.groups})
    names.update({r.code: {"en": r.name.en, "zh": r.name.zh} for r in cat.references})
    return names


def source_uses(cat: Catalogue) -> dict[str, dict[str, int]]:
    """Source id → {kind of record: how many rest on it}: observations, participants, statements,
    event records (the event, its designation, theme years) and country memberships."""
    used: dict[str, dict[str, int]] = {}

    def count(kind: str, ids: Iterable[str]) -> None:
        for sid in ids:
            mine = used.setdefault(sid, {})
            mine[kind] = mine.get(kind, 0) + 1

    for s in cat.series:
        for o in s.observations:
            count("observations", (o.source, *o.corroborated_by))
    for p in cat.participants:
        count("participants", p.sources)
    for st in cat.statements:
        count("statements", (st.source, *st.corroborated_by))
    ev = cat.event
    count("event_records", (*ev.sources, *ev.designation.sources, *(ty.source for ty in cat.theme_years)))
    count("countries", (c.asean.source for c in cat.countries if c.asean))
    return used


def sources(cat: Catalogue) -> pd.DataFrame:
    """One row per source, with what rests on it: observations, and every record of any kind."""
    used = source_uses(cat)
    return pd.DataFrame(
        [
            {
                "id": s.id,
                "publisher_en": s.publisher.en,
                "publisher_zh": s.publisher.zh,
                "title": s.title,
                "url": s.url,
                "reports_on": s.reports_on,
                "mirror_of_en": s.mirror_of.publisher.en if s.mirror_of else None,
                "mirror_of_zh": s.mirror_of.publisher.zh if s.mirror_of else None,
                "mirror_note_en": s.mirror_of.note.en if s.mirror_of else None,
                "mirror_note_zh": s.mirror_of.note.zh if s.mirror_of else None,
                "date_published": s.date_published,
                "date_accessed": s.date_accessed,
                "language": s.language,
                "licence_form": s.licence.form,
                "licence": s.licence.name,
                "licence_zh": s.licence.label("zh"),
                "citation": s.citation,
                "observations": used.get(s.id, {}).get("observations", 0),
                "records": sum(used.get(s.id, {}).values()),
            }
            for s in cat.sources
        ]
    )


def _source_columns(source) -> dict[str, str | None]:
    """The source columns every row carries (and so every table and download built from it)."""
    return {
        "source_id": source.id,
        "source_publisher": source.publisher.en,
        "source_publisher_zh": source.publisher.zh,
        "source_title": source.title,
        "source_url": source.url,
        "source_date": source.date_published,
        "source_licence": source.licence.name,
        "source_licence_zh": source.licence.label("zh"),
    }


def participants(cat: Catalogue) -> pd.DataFrame:
    """One row per official. The source columns name the first source (who did what at the event);
    `sources` lists every source, including those for the English name and title. `took_part` is
    false for those who only sent a congratulatory letter; `title_other_*` gives other sources'
    readings of the title, each credited."""
    names = entity_names(cat)
    countries = {c.code for c in cat.countries}
    sources_by_id = {s.id: s for s in cat.sources}

    def readings(p, lang: str) -> str | None:
        out = [
            f"{getattr(r.title, lang)} ({'; '.join(getattr(sources_by_id[s].publisher, lang) for s in r.sources)})"
            for r in p.other_readings
        ]
        return " · ".join(out) if out else None

    rows = [
        {
            "id": p.id,
            "name_zh": p.name.zh,
            "name_en": p.name.en,
            "name_en_status": p.name_en_status,
            "represents": p.represents,
            # A country by its name; a body speaking for a group (the ASEAN Secretariat) by its own.
            "represents_en": names[p.represents]["en"] if p.represents in countries else p.organisation.en,
            "represents_zh": names[p.represents]["zh"] if p.represents in countries else p.organisation.zh,
            "organisation_en": p.organisation.en,
            "organisation_zh": p.organisation.zh,
            "organisation_zh_by": p.organisation_zh_by,
            "title_en": p.title.en,
            "title_zh": p.title.zh,
            "title_other_en": readings(p, "en"),
            "title_other_zh": readings(p, "zh"),
            "rank": p.rank,
            "rank_order": RANK_ORDER[p.rank],
            "roles": "; ".join(p.roles),
            "took_part": p.took_part,
            "note_en": p.note.en if p.note else None,
            "note_zh": p.note.zh if p.note else None,
            "sources": "; ".join(p.sources),
            **_source_columns(sources_by_id[p.sources[0]]),
        }
        for p in cat.participants
    ]
    return pd.DataFrame(rows)


def representation(cat: Catalogue) -> pd.DataFrame:
    """One row per country at the event: tile position, the rank of its most senior official who
    *took part* (a congratulatory letter read out by someone else is not taking part; it is flagged
    apart), and who came. A country that joined ASEAN after the event is `not_member`, never "not
    represented"."""
    people = participants(cat)
    sources_by_id = {s.id: s for s in cat.sources}
    day = cat.event.date
    rows = []
    for c in cat.countries:
        mine = people[people["represents"] == c.code].sort_values("rank_order")
        came = mine[mine["took_part"]]
        letters = mine[~mine["took_part"]]
        top = came.iloc[0] if not came.empty else None
        member_then = c.asean is None or c.asean_member_on(day)
        rows.append(
            {
                "code": c.code,
                "name_en": c.name.en,
                "name_zh": c.name.zh,
                "tile_row": c.tile.row,
                "tile_col": c.tile.col,
                "top_rank": top["rank"] if top is not None else (None if member_then else "not_member"),
                "officials": len(came),
                "names_en": ", ".join(came["name_en"]),
                "names_zh": "、".join(came["name_zh"]),
                "letter_from_en": ", ".join(letters["name_en"]) or None,
                "letter_from_zh": "、".join(letters["name_zh"]) or None,
                **(_source_columns(sources_by_id[top["source_id"]]) if top is not None else {}),
            }
        )
    return pd.DataFrame(rows)


def observations(cat: Catalogue) -> pd.DataFrame:
    """One row per observation, with series metadata and source columns on every row."""
    names = entity_names(cat)
    group_codes = {g.code for g in cat.groups} | {r.code for r in cat.references}
    src = {s.id: s for s in cat.sources}
    rows = []
    for s in cat.series:
        for o in s.observations:
            source = src[o.source]
            rows.append(
                {
                    "series_id": s.id,
                    "series_title_en": s.title.en,
                    "series_title_zh": s.title.zh,
                    "unit_en": s.unit.en,
                    "unit_zh": s.unit.zh,
                    "short_unit": s.short_unit,
                    "decimal_places": s.decimal_places,
                    "definition": s.definition,
                    "topic": s.topic,
                    "entity": o.entity,
                    "entity_en": names.get(o.entity, {}).get("en", o.entity),
                    "entity_zh": names.get(o.entity, {}).get("zh", o.entity),
                    "is_group": o.entity in group_codes,
                    "year": o.year,
                    "edition": o.edition,
                    "category": o.category,
                    "value": o.value,
                    "low": o.low,
                    "high": o.high,
                    "qualifier": o.qualifier,
                    "kind": o.kind,
                    **_source_columns(source),
                    "status": o.status,
                    "quote": o.quote,
                    "note_en": o.note.en if o.note else None,
                    "note_zh": o.note.zh if o.note else None,
                }
            )
    frame = pd.DataFrame(rows)
    if not frame.empty:
        frame = frame.astype({"year": "int64", "value": "float64", "low": "float64", "high": "float64"})
    return frame


def statements(cat: Catalogue) -> pd.DataFrame:
    """One row per statement: original words, translation, who said it, fields named."""
    speakers = {p.id: p for p in cat.participants}
    return pd.DataFrame(
        [
            {
                "id": st.id,
                "kind": st.kind,
                "number": st.number,
                "speaker": st.speaker,
                "speaker_en": speakers[st.speaker].name.en if st.speaker else None,
                "speaker_zh": speakers[st.speaker].name.zh if st.speaker else None,
                "original": st.text.original,
                "language": st.text.language,
                "translation": st.text.translation,
                "translation_by": st.text.translation_by,
                "fields": "; ".join(st.fields),
                "source_id": st.source,
            }
            for st in cat.statements
        ]
    )


def theme_years(cat: Catalogue) -> pd.DataFrame:
    """One row per ASEAN-China theme year, with where its Chinese name comes from (`zh_by`)."""
    return pd.DataFrame(
        [
            {
                "year": t.year,
                "name_en": t.name.en,
                "name_zh": t.name.zh,
                "zh_by": t.zh_by,
                "launched": t.launched.date if t.launched else None,
                "place_en": t.launched.place.en if t.launched else None,
                "place_zh": t.launched.place.zh if t.launched else None,
                "source_id": t.source,
            }
            for t in cat.theme_years
        ]
    )


def proposal_field_matrix(cat: Catalogue) -> pd.DataFrame:
    """Rows: proposals (by number); columns: field ids; cells: 1 where the proposal names the field."""
    fields = [f.id for f in cat.fields]
    rows = {
        st.number: {f: int(f in st.fields) for f in fields} for st in cat.statements if st.kind == "proposal"
    }
    matrix = pd.DataFrame.from_dict(rows, orient="index", columns=fields).sort_index()
    return matrix.loc[:, matrix.sum(axis=0) > 0]


def milestones(cat: Catalogue) -> pd.DataFrame:
    """One row per milestone, in date order, with its source columns (the Timeline's rows)."""
    src = {s.id: s for s in cat.sources}
    rows = [
        {
            "id": ms.id,
            "date": ms.date,
            "year": int(ms.date[:4]),
            "title_en": ms.title.en,
            "title_zh": ms.title.zh,
            "title_zh_by": ms.title_zh_by,
            "kind": ms.kind,
            "concerns": " ".join(ms.concerns),
            "china_party": ms.china_party,
            "quote": ms.quote,
            "status": ms.status,
            "note_en": ms.note.en if ms.note else None,
            "note_zh": ms.note.zh if ms.note else None,
            **_source_columns(src[ms.source]),
        }
        for ms in cat.milestones
    ]
    if not rows:
        return pd.DataFrame(columns=["id", "date", "year", "title_en", "title_zh", "kind", "concerns"])
    return pd.DataFrame(rows).sort_values("date", kind="stable").reset_index(drop=True)


TABLES = {
    "milestones": milestones,
    "countries": countries,
    "groups": groups,
    "sources": sources,
    "participants": participants,
    "observations": observations,
    "statements": statements,
    "theme_years": theme_years,
}


def all_tables(cat: Catalogue) -> dict[str, pd.DataFrame]:
    """Every frame the pages use, built from a checked catalogue."""
    return {name: build(cat) for name, build in TABLES.items()}


# --- filtering ----------------------------------------------------------------------------------


def expand_selection(cat: Catalogue, codes: Iterable[str]) -> list[str]:
    """Country codes a selection stands for: group codes expand to their members."""
    members = {g.code: g.members for g in cat.groups}
    out: list[str] = []
    for code in codes:
        for c in members.get(code, [code]):
            if c not in out:
                out.append(c)
    return out


def filter_countries(frame: pd.DataFrame, selected: list[str], column: str = "entity") -> pd.DataFrame:
    """Rows whose `column` is one of `selected` (an empty selection means all countries)."""
    if not selected:
        return frame
    return frame[frame[column].isin(selected)]


def latest_editions(rows: pd.DataFrame) -> pd.DataFrame:
    """Each entity's value for each year from the latest edition that reports that year (rows
    without an edition are kept as they are): what a chart over years draws, as e-Conomy SEA's
    latest report would tell it."""
    if "edition" not in rows or rows["edition"].isna().all():
        return rows
    ranked = rows.assign(_edition=rows["edition"].fillna(0)).sort_values("_edition")
    return ranked.drop_duplicates(["entity", "year"], keep="last").drop(columns="_edition").sort_index()


def revised_years(rows: pd.DataFrame) -> list[int]:
    """Years for which two or more editions give a value (a revision to show)."""
    if "edition" not in rows:
        return []
    counts = rows.dropna(subset=["edition"]).groupby("year")["edition"].nunique()
    return [int(y) for y, n in counts.items() if n >= 2]


def series_rows(obs: pd.DataFrame, series_id: str) -> pd.DataFrame:
    return obs[obs["series_id"] == series_id]
